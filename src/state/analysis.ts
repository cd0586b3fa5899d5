/**
 * The shipped plan's analysis as a Lit reactive controller: coverage of the district and the
 * gaps of the selected tier, in the current distance mode. A failure keeps the last good
 * results on screen and says what failed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeatureCollection } from 'geojson';
import { errorMessage, fetchCoverage, fetchGaps, type Coverage, type Mode } from '../api';
import type { ViewState } from './view-state';

export class AnalysisController implements ReactiveController {
  coverage?: Coverage;
  gaps?: FeatureCollection;
  loading = false;
  /** What failed, for the user ('' when nothing did). */
  error = '';
  private inflight?: AbortController;

  /** `view` reads what to analyse; `onCoverage` hears of each new coverage (the planner's baseline). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: () => Pick<ViewState, 'mode' | 'tier' | 'sports'>,
    private readonly onCoverage: (coverage: Coverage, mode: Mode) => void,
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** Fetches coverage and the gaps of the selected tier for the current mode. */
  async analyse() {
    this.inflight?.abort();
    const ctrl = (this.inflight = new AbortController());
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    const { mode, tier, sports } = this.view();
    try {
      const [coverage, gaps] = await Promise.all([fetchCoverage(mode, sports, ctrl.signal), fetchGaps(tier, mode, sports, ctrl.signal)]);
      this.coverage = coverage;
      this.gaps = gaps;
      this.onCoverage(coverage, mode);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.error = errorMessage(err);
    } finally {
      if (this.inflight === ctrl) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Fetches the gaps of the selected tier again (after the tier changed). */
  async refreshGaps() {
    const { mode, tier, sports } = this.view();
    try {
      this.gaps = await fetchGaps(tier, mode, sports);
    } catch (err) {
      this.error = errorMessage(err);
    }
    this.host.requestUpdate();
  }
}
