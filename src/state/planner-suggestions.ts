/**
 * Suggested pocket parks: asked of the worker for the scenario as it stands, shown with their
 * catchments, accepted one by one or all at once (as proposals of the workbench's scenario).
 */
import type { FeatureCollection } from 'geojson';
import { type PopulationWire, postSuggest } from '../api';
import type { Proposal, Scenario } from './scenario';
import { type Suggestion, suggestionBounds, suggestionFeatures, suggestionsOf } from './suggestions';

/** What the suggestions need of the workbench. */
export interface SuggestionHost {
  readonly sites: FeatureCollection;
  readonly current: Scenario;
  view(): { sports: boolean; population?: PopulationWire | undefined };
  /** Adds proposals to the scenario in one change (one analysis). */
  propose(sites: Omit<Proposal, 'id' | 'name'>[]): void;
  failed(message: string): void;
  requestUpdate(): void;
}

export class PlannerSuggestions {
  list: Suggestion[] = [];
  busy = false;
  private shown?: { from: Suggestion[]; fc: FeatureCollection };

  constructor(private readonly host: SuggestionHost) {}

  async ask(count: number) {
    this.busy = true;
    this.host.requestUpdate();
    try {
      const { sports, population } = this.host.view();
      // With a population, each pick serves the most people not yet served.
      const fc = await postSuggest({
        sites: this.host.sites,
        radii: this.host.current.radii,
        tier: 'leisure',
        count,
        ...(sports ? { sports } : {}),
        ...(population ? { population } : {}),
      });
      this.list = suggestionsOf(fc);
    } catch (err) {
      this.host.failed(err instanceof Error ? err.message : String(err));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  clear() {
    this.list = [];
  }

  /** The suggestions of these ranks as proposals (all when none named), in one change: their gains add up, as chosen one after another. */
  accept(rank?: number) {
    const taken = this.list.filter((s) => rank === undefined || s.rank === rank);
    if (!taken.length) return;
    this.list = this.list.filter((s) => !taken.includes(s));
    this.host.propose(taken.map((s) => ({ tier: 'leisure', geometry: { type: 'Point', coordinates: s.coordinates }, gain_km2: s.gain_km2 })));
  }

  dismiss(rank: number) {
    this.list = this.list.filter((x) => x.rank !== rank);
    this.host.requestUpdate();
  }

  /** The suggestions drawn with their catchments (the same object until they change). */
  features(): FeatureCollection {
    if (this.shown?.from !== this.list) this.shown = { from: this.list, fc: suggestionFeatures(this.list, this.host.current.radii.leisure) };
    return this.shown.fc;
  }

  bounds() {
    return suggestionBounds(this.list, this.host.current.radii.leisure);
  }
}
