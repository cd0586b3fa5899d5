/**
 * The shipped plan's analysis as a Lit reactive controller: coverage of the district, the
 * gaps of the selected tier and their pieces, in the current distance mode. With the
 * planner's population, the rates and pieces are asked for in people too (a POST of the
 * shipped green spaces with the population). A failure keeps the last good results on screen
 * and says what failed.
 */

import type { FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_RADII } from '../../domain/tiers';
import {
  type Coverage,
  errorMessage,
  fetchCoverage,
  fetchGaps,
  fetchPieces,
  type GapPieces,
  type Mode,
  PIECES_SHOWN,
  type PopulationWire,
  postCoverage,
  postPieces,
} from '../api';
import type { ViewState } from './view-state';

/** The shipped green spaces with the planner's population, when one is loaded. */
export type PeopleInput = { sites: FeatureCollection; population: PopulationWire } | undefined;

export class AnalysisController implements ReactiveController {
  coverage?: Coverage;
  /** The same rates with people (only with a population). */
  peopleCoverage?: Coverage;
  gaps?: FeatureCollection;
  pieces?: GapPieces;
  loading = false;
  /** What failed, for the user ('' when nothing did). */
  error = '';
  private inflight?: AbortController;

  /** `view` reads what to analyse; `people` the population; `onCoverage` hears of each new coverage (the planner's baseline). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: () => Pick<ViewState, 'mode' | 'tier' | 'sports'>,
    private readonly onCoverage: (coverage: Coverage, mode: Mode) => void,
    private readonly people: () => PeopleInput = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** Fetches coverage, the gaps of the selected tier and their pieces for the current mode. */
  async analyse() {
    this.inflight?.abort();
    const ctrl = (this.inflight = new AbortController());
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    const { mode, tier, sports } = this.view();
    const people = this.people();
    try {
      const [coverage, gaps, pieces, peopleCoverage] = await Promise.all([
        fetchCoverage(mode, sports, ctrl.signal),
        fetchGaps(tier, mode, sports, ctrl.signal),
        this.fetchPieces(ctrl.signal),
        people
          ? postCoverage({ sites: people.sites, population: people.population, mode, radii: { ...DEFAULT_RADII }, ...(sports ? { sports } : {}) }, ctrl.signal)
          : undefined,
      ]);
      this.coverage = coverage;
      this.gaps = gaps;
      this.pieces = pieces;
      this.peopleCoverage = peopleCoverage;
      this.onCoverage(peopleCoverage ?? coverage, mode);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.error = errorMessage(err);
    } finally {
      if (this.inflight === ctrl) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** The selected tier's top pieces: by people with a population (POST), else by area (GET, cached). */
  private fetchPieces(signal?: AbortSignal): Promise<GapPieces> {
    const { mode, tier, sports } = this.view();
    const people = this.people();
    return people
      ? postPieces(
          { sites: people.sites, population: people.population, mode, tier, limit: PIECES_SHOWN, radii: { ...DEFAULT_RADII }, ...(sports ? { sports } : {}) },
          signal,
        )
      : fetchPieces(tier, mode, sports, signal);
  }

  /** Fetches the gaps and pieces of the selected tier again (after the tier changed). */
  async refreshGaps() {
    const { mode, tier, sports } = this.view();
    try {
      [this.gaps, this.pieces] = await Promise.all([fetchGaps(tier, mode, sports), this.fetchPieces()]);
    } catch (err) {
      this.error = errorMessage(err);
    }
    this.host.requestUpdate();
  }
}
