/**
 * The guided tour as a Lit reactive controller: the chapter shown (in the URL as `tour`, from
 * 1), autoplay, the suggested sites a chapter draws (asked of the analysis), and the printable
 * handout drawn one chapter at a time.
 */
import type { FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_RADII } from '../../domain/tiers';
import { type Coverage, errorMessage, fetchSuggest } from '../api';
import type { HandoutPage } from '../components/jb-handout';
import type { JbMap } from '../components/jb-map';
import type { Lang } from '../content/messages';
import { TOUR, type TourChapter } from '../content/tour';
import type { Inventory } from './inventory';
import { suggestionFeatures, suggestionsOf } from './suggestions';
import { type TourFacts, type TourSuggestions, tourFacts } from './tour-facts';
import type { ViewState } from './view-state';

/** What the controller needs from the page. */
export interface TourHost extends ReactiveControllerHost {
  readonly state: ViewState;
  patchState(patch: Partial<ViewState>): void;
  readonly map: Pick<JbMap, 'flyToCamera' | 'clearRoom' | 'snapshot' | 'updateComplete'> | null;
  /** The screen the tour's bar and caption leave free (camera padding, px), once they are drawn. */
  tourRoom(): Promise<{ top: number; bottom: number } | undefined>;
  /** The info card shown (closed by a chapter, which shows its own highlight). */
  card: unknown;
}

export class TourController implements ReactiveController {
  readonly chapters = TOUR;
  /** Seconds a chapter, 0 when off. */
  autoplay = 0;
  handout?: { busy: boolean; pages: HandoutPage[] };
  /** The chapter being drawn for the handout (overrides the tour's current one). */
  private drawing?: TourChapter;
  /** The last facts and what they were made from (see `facts`). */
  private factsShown?: { inputs: unknown[]; facts: TourFacts };
  /** The suggested sites, as the analysis picked them over the shipped data (undefined until in, or when it failed). */
  suggested?: TourSuggestions;
  /** Why the suggested sites could not be had ('' unless the last ask failed): the chapter says so, with a retry. */
  suggestFailed = '';
  /** What was last asked for (count and sports), and when it is in. */
  private asked?: { key: string; done: Promise<void> };
  private drawn?: { from: TourSuggestions; fc: FeatureCollection };

  constructor(private readonly host: TourHost) {
    host.addController(this);
    const s = host.state;
    if (s.tour !== undefined) s.tour = Math.min(s.tour, TOUR.length);
  }

  hostConnected() {}

  /** A chapter that draws suggested sites asks for them (once for each count and sports setting). */
  hostUpdate() {
    const count = this.chapter?.suggest;
    if (count) void this.loadSuggestions(count);
  }

  /**
   * The planner's suggestion analysis over the shipped green spaces (leisure tier, straight-line
   * reach, sports grounds counted as the view counts them). A failure leaves the chapter's caption
   * without its figures and nothing drawn, and `suggestFailed` says why.
   */
  loadSuggestions(count: number): Promise<void> {
    const sports = this.host.state.sports;
    const key = `${count}|${sports}`;
    if (this.asked?.key !== key) {
      const done = fetchSuggest('leisure', count, sports).then(
        (fc) => {
          if (this.asked?.key !== key) return;
          this.suggested = { list: suggestionsOf(fc), radiusM: fc.features[0]?.properties.radius_m ?? DEFAULT_RADII.leisure };
          this.suggestFailed = '';
        },
        (err) => {
          if (this.asked?.key !== key) return;
          this.suggested = undefined;
          this.suggestFailed = errorMessage(err);
        },
      );
      this.asked = { key, done: done.finally(() => this.host.requestUpdate()) };
    }
    return this.asked.done;
  }

  /** Asks for the chapter's suggested sites again (after a failure). */
  retrySuggestions() {
    this.asked = undefined;
    this.suggestFailed = '';
    this.host.requestUpdate();
  }

  /** The suggested sites with their catchments, lettered as the planner sees them, while the chapter shown draws them. */
  suggestionFeatures(): FeatureCollection | undefined {
    const s = this.suggested;
    if (!this.chapter?.suggest || !s) return undefined;
    if (this.drawn?.from !== s) this.drawn = { from: s, fc: suggestionFeatures(s.list, s.radiusM) };
    return this.drawn.fc;
  }

  /** The chapter the map shows: the one drawn for the handout, or the tour's; undefined when not touring. */
  get chapter(): TourChapter | undefined {
    const n = this.host.state.tour;
    return this.drawing ?? (n !== undefined ? TOUR[n - 1] : undefined);
  }

  /** The tour's chapter, from 0. */
  get index(): number {
    return (this.host.state.tour ?? 1) - 1;
  }

  /** The figures captions quote: the same object while its inputs are, so the tour is not re-rendered for nothing. */
  facts(lang: Lang, coverage: Coverage | undefined, inventory: Inventory | undefined): TourFacts {
    const inputs = [lang, coverage, inventory, this.suggested];
    if (!this.factsShown?.inputs.every((x, i) => x === inputs[i])) this.factsShown = { inputs, facts: tourFacts(lang, coverage, inventory, this.suggested) };
    return this.factsShown.facts;
  }

  async go(index: number) {
    this.host.card = undefined;
    this.host.patchState({ tour: index + 1 });
    // The chapter's caption first (its height is the room the camera must leave), then the flight.
    const room = await this.host.tourRoom();
    if (this.host.state.tour === index + 1) this.host.map?.flyToCamera(TOUR[index]!.camera, room);
  }

  start() {
    this.go(0);
  }

  exit() {
    this.setAutoplay(0);
    this.host.map?.clearRoom();
    this.host.patchState({ tour: undefined });
  }

  setAutoplay(seconds: number) {
    this.autoplay = seconds;
    this.host.requestUpdate();
  }

  /** Back to the current chapter's view after the viewer moved the map. */
  async resume() {
    const chapter = this.chapter;
    if (chapter) this.host.map?.flyToCamera(chapter.camera, await this.host.tourRoom());
  }

  closeHandout() {
    this.handout = undefined;
    this.host.requestUpdate();
  }

  /** Draws each chapter's view in turn and lays them out as printable pages. */
  async makeHandout() {
    const map = this.host.map;
    if (!map) return;
    this.autoplay = 0;
    this.handout = { busy: true, pages: [] };
    this.host.requestUpdate();
    const pages: HandoutPage[] = [];
    try {
      // Suggested sites in before their chapter is drawn.
      await Promise.all(TOUR.flatMap((c) => (c.suggest ? [this.loadSuggestions(c.suggest)] : [])));
      for (const chapter of TOUR) {
        this.drawing = chapter;
        this.host.requestUpdate();
        await this.host.updateComplete;
        await map.updateComplete;
        pages.push({ chapter, image: await map.snapshot(chapter.camera) });
        this.handout = { busy: true, pages: [...pages] };
        this.host.requestUpdate();
      }
    } finally {
      this.drawing = undefined;
      this.handout = { busy: false, pages };
      this.host.requestUpdate();
      const current = this.chapter;
      if (current) map.flyToCamera(current.camera, await this.host.tourRoom());
    }
  }
}
