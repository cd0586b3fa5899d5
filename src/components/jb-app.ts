import { html, LitElement } from 'lit';
import type { Tier } from '../api';
import { type Lang, loadMessages, messagesLoaded, t } from '../content/messages';
import type { JbEvent } from '../events';
import { type Controllers, createControllers } from '../state/controllers';
import { clickMode, runPlannerAction } from '../state/planner';
import { parseState, serializeState, type ViewState, withoutGroup } from '../state/view-state';
import { renderOverlays } from './jb-app.overlays';
import { renderSide } from './jb-app.panel';
import { styles } from './jb-app.styles';
import type { CardFeature } from './jb-card';
import type { FeatureSelectDetail, JbMap, MapPickDetail } from './jb-map';
import { need } from './lazy';
import './jb-map';

/** One empty list of closures outside the planner, so the map is not told of a change on every render. */
const NO_CLOSURES: string[] = [];
/** The longest the side panel waits for the map to start (a slow download of the map's data). */
const SIDE_WAIT_MS = 1500;

/**
 * <jb-app>: lays out the page and wires it. The view state lives here (mirrored in the URL);
 * each feature's state and effects live in a controller (state/): the shipped layers, their
 * analysis, Nearby, the tour, the planner's workbench. Children get properties, send events up.
 */
export class JbApp extends LitElement {
  static override properties = {
    state: { state: true },
    loadError: { state: true },
    mapBusy: { state: true },
    sideShown: { state: true },
    mapError: { state: true },
    basemap: { state: true },
    basemapFailed: { state: true },
    card: { state: true },
    report: { state: true },
  };

  static override styles = styles;

  declare state: ViewState;
  declare loadError: string;
  /** The map is drawing what it was given (from `map-busy` to `map-ready`). */
  declare mapBusy: boolean;
  /**
   * The side panel is built once the map has its style and data (MapLibre's worker starts on
   * them first, ~0.1–0.2 s sooner to map-ready), or after SIDE_WAIT_MS, or on a failure.
   */
  declare sideShown: boolean;
  /** Why the plan's own map layers failed to load, leaving them off the map ('' when they did not). */
  declare mapError: string;
  declare basemap: boolean;
  /** The basemap was turned off because its tiles could not be loaded. */
  declare basemapFailed: boolean;
  declare card: (CardFeature & { id: string }) | undefined;
  declare report: { image: string } | undefined;
  declare readonly workbench: Controllers['workbench'];
  declare readonly shipped: Controllers['shipped'];
  declare readonly analysis: Controllers['analysis'];
  declare readonly nearby: Controllers['nearby'];
  declare readonly tour: Controllers['tour'];
  declare readonly population: Controllers['population'];
  declare readonly share: Controllers['share'];

  constructor() {
    super();
    this.state = parseState(location.search);
    this.loadError = this.mapError = '';
    this.mapBusy = this.sideShown = this.basemap = this.basemapFailed = false;
    Object.assign(this, createControllers(this));
  }

  get uiLang(): Lang {
    return this.state.lang ?? (navigator.language?.toLowerCase().startsWith('zh') === false ? 'en' : 'zh');
  }

  get map(): JbMap | null {
    return this.renderRoot.querySelector<JbMap>('jb-map');
  }

  override connectedCallback() {
    super.connectedCallback();
    setTimeout(() => (this.sideShown = true), SIDE_WAIT_MS);
    void this.load();
  }

  async load() {
    this.loadError = '';
    // The map's data first (the largest download), then the analysis and the layer list: none
    // depends on another, so all are asked at once.
    if (!this.shipped.bundle) void this.shipped.load();
    if (this.state.scenario && this.share.viewingId !== this.state.scenario) void this.share.openLink(this.state.scenario);
    const analysed = Promise.all([this.analysis.analyse(), this.nearby.find()]);
    this.loadError = await this.shipped.loadLayers();
    if (this.loadError) return;
    await analysed;
    if (this.state.near && this.state.center === undefined) {
      await this.shipped.loaded;
      this.nearby.frame();
    }
  }

  /** Runs one of <jb-share>'s actions; closing or copying the shared scenario drops it from the URL. */
  onShareAction = (e: JbEvent<'scenario-share'>) => {
    void this.share.act(e.detail);
    if (e.detail.action === 'copy' || e.detail.action === 'close') this.patchState({ scenario: undefined });
  };

  patchState(patch: Partial<ViewState>) {
    this.state = { ...this.state, ...patch };
    history.replaceState(history.state, '', `${location.pathname}${serializeState(this.state)}${location.hash}`);
  }

  /** Shows the page in another language once its strings are in (no moment of keys on screen). */
  async switchLang(lang: Lang) {
    await loadMessages(lang);
    this.patchState({ lang });
  }

  /**
   * Changes what is analysed: the distance mode, whether sports grounds count as leisure spaces,
   * the tier whose gaps are drawn. Every answer on the page that depends on it follows.
   */
  setAnalysis(patch: Partial<Pick<ViewState, 'mode' | 'sports' | 'tier'>>) {
    this.patchState(patch);
    if (patch.mode) this.workbench.setMode(patch.mode);
    if (patch.mode || patch.sports !== undefined) {
      void this.analysis.analyse();
      void this.nearby.find();
    }
    if (patch.sports !== undefined) void this.workbench.analyse();
    if (patch.tier) void this.analysis.refreshGaps();
  }

  private get planning(): boolean {
    return this.state.panel === 'plan' && this.state.tour === undefined;
  }

  private onPick({ mode, lngLat, id }: MapPickDetail) {
    if (mode === 'spot') void this.nearby.setSpot(lngLat);
    else if (mode !== 'select') this.workbench.pick(mode, lngLat, id);
  }

  /** The map finished drawing (message '') or failed for good (the message to show). */
  private mapSettled(message: string) {
    this.mapBusy = false;
    this.mapError = message;
  }

  /** Opens a feature's card (or closes it), then adds the area from the source geometry (rendered geometry is clipped to tiles). */
  private async select(detail: FeatureSelectDetail | null) {
    const id = String(detail?.properties.id ?? '');
    this.card = detail ? { ...detail, id } : undefined;
    const area = detail ? await this.shipped.area(detail.group, id) : undefined;
    if (area !== undefined && this.card?.id === id) this.card = { ...this.card, areaKm2: area };
  }

  /** After a failure to draw: the shipped layers fetched again if they failed, the rings too. */
  retryMap() {
    this.mapError = '';
    if (this.shipped.failed) void this.shipped.load();
    this.map?.reload();
  }

  /** A gap piece's suggested site, added to the plan as a new site of its tier; the Plan tab shows what it changes. */
  addSuggested({ tier, lngLat, name }: { tier: Tier; lngLat: [number, number]; name: string }) {
    this.workbench.addProposal(tier, { type: 'Point', coordinates: lngLat }, { name });
    this.patchState({ panel: 'plan' });
  }

  private readyOnce = false;
  /** A link that opens in the tour: once the map is up, the chapter is framed clear of its caption. */
  private firstReady() {
    if (this.readyOnce) return;
    this.readyOnce = true;
    if (this.tour.chapter) void this.tour.resume();
  }

  /** The room the tour's bar and caption leave for the map, once the chapter is drawn (TourHost). */
  async tourRoom() {
    await need('tour');
    await this.updateComplete;
    const tour = this.renderRoot.querySelector('jb-tour');
    if (!tour) return undefined;
    await tour.updateComplete;
    return tour.room();
  }

  /** Runs one of the planner's actions (the workbench panel's `wb` event). */
  onPlannerAction = (e: JbEvent<'wb'>) =>
    runPlannerAction(e.detail, {
      workbench: this.workbench,
      lang: this.uiLang,
      view: this.state,
      coverage: this.analysis.peopleCoverage ?? this.analysis.coverage,
      gaps: this.analysis.gaps,
      // The PNG's frame (title, legend, scale, credit) is code for exports only: loaded on the first one.
      png: async () =>
        this.map?.png(
          (await import('../state/png-frame')).pngFrame(this.uiLang, {
            visible: this.state.visible,
            names: this.shipped.names,
            scenario: this.workbench.hasChanges ? this.workbench.current.name : undefined,
            proposals: this.workbench.current.proposals.length,
            mode: this.state.mode,
            sports: this.state.sports,
          }),
        ),
      report: async () => void (this.report = { image: (await this.map?.captureDistrict('image/jpeg')) ?? '' }),
      focus: (bounds) => this.map?.focusOn(bounds),
    });

  /** The document follows the language: its `lang` (for screen readers and fonts) and its title. */
  override willUpdate() {
    const lang = this.uiLang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    // The language's strings come in a chunk of their own: nothing but the map (and the
    // progress bar, whose words are in the first bundle) is drawn until they are in.
    if (!messagesLoaded(lang)) void loadMessages(lang).then(() => this.requestUpdate());
  }

  override render() {
    const lang = this.uiLang;
    const s = this.state;
    const chapter = this.tour.chapter;
    const touring = chapter !== undefined;
    if (touring) void need('tour');
    const wb = this.workbench;
    const { shipped, analysis: an } = this;
    const analysis = an.coverage !== undefined;
    const visible = chapter ? new Set(chapter.layers) : s.visible;
    // The map draws what the analysis uses: the planner's upload instead of the shipped green spaces when it replaces them.
    const drawn = this.planning && wb.data.from === 'replace' ? withoutGroup(visible, 'greenspaces') : visible;
    const selected = chapter ? chapter.highlight : this.card ? { source: this.card.group, id: this.card.id } : undefined;
    const view = chapter ? chapter.camera : { center: s.center, zoom: s.zoom };
    /** Still fetching data the map will show (its layers, the layer list, the analysis). */
    const fetching = an.loading || (!shipped.bundle && !shipped.failed) || (this.shipped.layers.length === 0 && !this.loadError);
    return html`
      ${
        fetching || (this.mapBusy && !this.mapError)
          ? html`<div class="progress" role="progressbar" aria-label=${t(lang, this.shipped.layers.length === 0 ? 'loading' : an.loading ? 'analysing' : 'mapDrawing')}></div>`
          : null
      }
      <jb-map
        .available=${this.shipped.layers} .shipped=${shipped.bundle} .shippedError=${shipped.failed} .pending=${fetching}
        .visible=${drawn} .lang=${lang} .mode=${s.mode} .sports=${s.sports}
        .tier=${s.tier} .gaps=${this.planning && wb.hasChanges && wb.gaps ? wb.gaps : undefined}
        .basemap=${this.basemap} .selected=${selected} .keyboard=${!touring} .view=${view} label=${t(lang, 'mapLabel')}
        .nearby=${touring ? undefined : this.nearby.features()} .clickMode=${clickMode(s, wb.tool)}
        .proposals=${touring ? undefined : this.planning ? (this.share.viewingFeatures() ?? wb.proposalFeatures()) : undefined}
        .suggestions=${this.planning ? wb.suggested.features() : this.tour.suggestionFeatures()} .uploaded=${this.planning ? wb.data.uploaded : undefined}
        .draft=${this.planning ? wb.draft : undefined} .closures=${this.planning ? (this.share.viewing?.scenario.jiangbei_scenario.closures ?? wb.current.closures) : NO_CLOSURES}
        .ringsData=${this.planning && wb.rings ? wb.rings : undefined}
        @map-pick=${(e: JbEvent<'map-pick'>) => this.onPick(e.detail)}
        @proposal-move=${(e: JbEvent<'proposal-move'>) => wb.moveProposal(e.detail.id, e.detail.lngLat)}
        @view-change=${(e: JbEvent<'view-change'>) => this.patchState(e.detail)}
        @feature-select=${(e: JbEvent<'feature-select'>) => this.select(e.detail)}
        @map-started=${() => (this.sideShown = true)}
        @map-busy=${() => (this.mapBusy = true)}
        @map-ready=${() => {
          this.mapSettled('');
          this.firstReady();
        }}
        @basemap-failed=${() => {
          this.basemap = false;
          this.basemapFailed = true;
        }}
        @map-error=${(e: JbEvent<'map-error'>) => e.detail.fatal && this.mapSettled(e.detail.message)}
      ></jb-map>
      ${
        !messagesLoaded(lang)
          ? null
          : touring
            ? html`<jb-tour .chapters=${this.tour.chapters} .index=${this.tour.index} .lang=${lang} .autoplay=${this.tour.autoplay} .facts=${this.tour.facts(lang, an.coverage, shipped.inventory)} .names=${this.shipped.names}
            @chapter-change=${(e: JbEvent<'chapter-change'>) => this.tour.go(e.detail)}
            @autoplay-change=${(e: JbEvent<'autoplay-change'>) => this.tour.setAutoplay(e.detail)}
            @resume=${() => this.tour.resume()}
            @handout=${() => this.tour.makeHandout()}
            @tour-exit=${() => this.tour.exit()} .suggestFailed=${this.tour.suggestFailed} @retry=${() => this.tour.retrySuggestions()}
          ></jb-tour>`
            : this.sideShown || shipped.failed || this.loadError
              ? renderSide(this, lang, s, analysis)
              : null
      }
      ${messagesLoaded(lang) ? renderOverlays(this, lang, visible) : null}
    `;
  }
}

customElements.define('jb-app', JbApp);

declare global {
  interface HTMLElementTagNameMap {
    'jb-app': JbApp;
  }
}
