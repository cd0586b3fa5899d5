import { LitElement, html } from 'lit';
import { styles } from './jb-app.styles';
import { errorMessage, fetchLayers, shippedLayer, type LayerInfo, type Tier } from '../api';
import { t, type Lang } from '../content/messages';
import { parseState, serializeState, withGroup, type ViewState } from '../state/view-state';
import type { CardFeature } from './jb-card';
import type { GroupId } from '../content/layer-groups';
import type { FeatureSelectDetail, JbMap, MapPickDetail } from './jb-map';
import { WorkbenchController } from '../state/workbench';
import { NearbyController } from '../state/nearby';
import { ShippedController } from '../state/shipped';
import { AnalysisController } from '../state/analysis';
import { PopulationController } from '../state/population';
import { TourController } from '../state/tour';
import { ShareController } from '../state/share';
import { clickMode, runPlannerAction } from '../state/planner';
import { legendNames } from '../state/legend-text';
import { pngFrame } from '../state/png-frame';
import type { JbEvent } from '../events';
import './jb-about';
import './jb-card';
import './jb-coverage';
import './jb-handout';
import './jb-layers';
import './jb-map';
import './jb-nearby';
import './jb-panel';
import './jb-pieces';
import './jb-population';
import './jb-report';
import './jb-share';
import './jb-tour';
import './jb-workbench';

/** One empty list of closures outside the planner, so the map is not told of a change on every render. */
const NO_CLOSURES: string[] = [];

/**
 * <jb-app>: lays out the page and wires it. The view state lives here (mirrored in the URL);
 * each feature's state and effects live in a controller (state/): the shipped layers, their
 * analysis, Nearby, the tour, the planner's workbench. Children get properties, send events up.
 */
export class JbApp extends LitElement {
  static override properties = {
    state: { state: true },
    layers: { state: true },
    loadError: { state: true },
    mapBusy: { state: true },
    mapError: { state: true },
    basemap: { state: true },
    card: { state: true },
    report: { state: true },
  };

  static override styles = styles;

  declare state: ViewState;
  declare layers: LayerInfo[];
  declare loadError: string;
  /** The map is drawing what it was given (from `map-busy` to `map-ready`). */
  declare mapBusy: boolean;
  /** Why the plan's own map layers failed to load, leaving them off the map ('' when they did not). */
  declare mapError: string;
  declare basemap: boolean;
  declare card: (CardFeature & { id: string }) | undefined;
  declare report: { image: string } | undefined;
  readonly workbench: WorkbenchController;
  readonly shipped: ShippedController;
  readonly analysis: AnalysisController;
  readonly nearby: NearbyController;
  readonly tour: TourController;
  readonly population: PopulationController;
  readonly share: ShareController;

  constructor() {
    super();
    this.state = parseState(location.search);
    this.layers = [];
    this.loadError = this.mapError = '';
    this.mapBusy = this.basemap = false;
    this.workbench = new WorkbenchController(this, () => ({ tier: this.state.tier, sports: this.state.sports, mode: this.state.mode, population: this.population.wire }));
    // A population loaded or removed: every rate, piece and suggestion is asked for again.
    this.population = new PopulationController(this, () => {
      void this.analysis.analyse();
      void this.workbench.analyse();
    });
    this.shipped = new ShippedController(this, {
      loaded: (greenspaces) => {
        this.workbench.setShipped(greenspaces, this.analysis.peopleCoverage ?? this.analysis.coverage);
        void this.workbench.analyse();
      },
      failed: (message) => (this.mapError = message),
    });
    this.analysis = new AnalysisController(
      this,
      () => this.state,
      (coverage) => {
        const greenspaces = this.shipped.greenspaces;
        if (greenspaces) this.workbench.setShipped(greenspaces, coverage);
      },
      () => {
        const population = this.population.wire;
        const sites = this.shipped.greenspaces;
        return population && sites ? { sites, population } : undefined;
      },
    );
    this.nearby = new NearbyController(this);
    this.tour = new TourController(this);
    this.share = new ShareController(this, {
      workbench: this.workbench,
      base: async () => {
        await this.shipped.loaded;
        if (!this.shipped.greenspaces) throw new Error('the green spaces did not load');
        return this.shipped.greenspaces;
      },
      sports: () => this.state.sports,
    });
  }

  get uiLang(): Lang {
    return this.state.lang ?? (navigator.language?.toLowerCase().startsWith('zh') === false ? 'en' : 'zh');
  }

  get map(): JbMap | null {
    return this.renderRoot.querySelector<JbMap>('jb-map');
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.loadError = '';
    // The map's data first (the largest download), then the analysis and the layer list: none
    // depends on another, so all are asked at once.
    if (!this.shipped.bundle) void this.shipped.load();
    if (this.state.scenario && this.share.viewingId !== this.state.scenario) this.openShared(this.state.scenario);
    const analysed = Promise.all([this.analysis.analyse(), this.nearby.find()]);
    try {
      this.layers = await fetchLayers();
    } catch (err) {
      this.loadError = errorMessage(err);
      return;
    }
    await analysed;
    if (this.state.near && this.state.center === undefined) {
      await this.shipped.loaded;
      this.nearby.frame();
    }
  }

  /**
   * Opens a shared scenario from the link. An edit link's token (`#edit=…`, a fragment the
   * browser never sends) is handed to the share controller and taken out of the address bar.
   */
  private openShared(id: string) {
    const token = new URLSearchParams(location.hash.slice(1)).get('edit') ?? undefined;
    if (token) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    void this.share.open(id, token);
  }

  /** Runs one of <jb-share>'s actions; closing or copying the shared scenario drops it from the URL. */
  private onShareAction = (e: JbEvent<'scenario-share'>) => {
    void this.share.act(e.detail);
    if (e.detail.action === 'copy' || e.detail.action === 'close') this.patchState({ scenario: undefined });
  };

  patchState(patch: Partial<ViewState>) {
    this.state = { ...this.state, ...patch };
    history.replaceState(history.state, '', `${location.pathname}${serializeState(this.state)}${location.hash}`);
  }

  /**
   * Changes what is analysed: the distance mode, whether sports grounds count as leisure spaces,
   * the tier whose gaps are drawn. Every answer on the page that depends on it follows.
   */
  private setAnalysis(patch: Partial<Pick<ViewState, 'mode' | 'sports' | 'tier'>>) {
    this.patchState(patch);
    if (patch.mode) this.workbench.setMode(patch.mode);
    if (patch.mode || patch.sports !== undefined) {
      void this.analysis.analyse();
      void this.nearby.find();
    }
    if (patch.sports !== undefined) void this.workbench.analyse();
    if (patch.tier) void this.analysis.refreshGaps();
  }

  /** Layer titles and zone names from the geodata, for the legends (one object per data load). */
  private get names() {
    return legendNames(this.layers, this.shipped.bundle);
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
  private retryMap() {
    this.mapError = '';
    if (this.shipped.failed) void this.shipped.load();
    this.map?.reload();
  }

  /** A gap piece's suggested site, added to the plan as a new site of its tier; the Plan tab shows what it changes. */
  private addSuggested({ tier, lngLat, name }: { tier: Tier; lngLat: [number, number]; name: string }) {
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
    await this.updateComplete;
    const tour = this.renderRoot.querySelector('jb-tour');
    if (!tour) return undefined;
    await tour.updateComplete;
    return tour.room();
  }

  /** A shipped site's own tier by id (for Nearby's rows). */
  private siteTier = (id: string) => this.shipped.site(id)?.feature.properties?.tier as Tier | undefined;

  private hiddenGreen?: { from: Set<GroupId>; to: Set<GroupId> };
  /** The visible groups less the shipped green spaces (the same set until `visible` changes, so the map is not told of a change on every render). */
  private withoutShippedGreen(visible: Set<GroupId>): Set<GroupId> {
    if (this.hiddenGreen?.from !== visible) this.hiddenGreen = { from: visible, to: withGroup(visible, 'greenspaces', false) };
    return this.hiddenGreen.to;
  }

  /** Runs one of the planner's actions (the workbench panel's `wb` event). */
  private onPlannerAction = (e: JbEvent<'wb'>) =>
    runPlannerAction(e.detail, {
      workbench: this.workbench, lang: this.uiLang, view: this.state, coverage: this.analysis.peopleCoverage ?? this.analysis.coverage, gaps: this.analysis.gaps,
      png: async () => this.map?.png(pngFrame(this.uiLang, {
        visible: this.state.visible, names: this.names, scenario: this.workbench.hasChanges ? this.workbench.current.name : undefined,
        proposals: this.workbench.current.proposals.length, mode: this.state.mode, sports: this.state.sports,
      })),
      report: async () => void (this.report = { image: (await this.map?.captureDistrict('image/jpeg')) ?? '' }),
      focus: (bounds) => this.map?.focusOn(bounds),
    });

  /**
   * The first render holds the map alone, so MapLibre starts (its worker, the style) before the
   * panel's elements are built; the panel follows in the same task, while the map's worker works.
   */
  override firstUpdated() {
    this.requestUpdate();
  }

  /** The document follows the language: its `lang` (for screen readers and fonts) and its title. */
  override willUpdate() {
    const lang = this.uiLang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
  }

  override render() {
    const lang = this.uiLang;
    const s = this.state;
    const chapter = this.tour.chapter;
    const touring = chapter !== undefined;
    const wb = this.workbench;
    const { shipped, analysis: an, card } = this;
    const analysis = an.coverage !== undefined;
    const visible = chapter ? new Set(chapter.layers) : s.visible;
    // The map draws what the analysis uses: the planner's upload instead of the shipped green spaces when it replaces them.
    const drawn = this.planning && wb.baseFrom === 'replace' ? this.withoutShippedGreen(visible) : visible;
    const selected = chapter ? chapter.highlight : this.card ? { source: this.card.group, id: this.card.id } : undefined;
    const view = chapter ? chapter.camera : { center: s.center, zoom: s.zoom };
    /** Still fetching data the map will show (its layers, the layer list, the analysis). */
    const fetching = an.loading || (!shipped.bundle && !shipped.failed) || (this.layers.length === 0 && !this.loadError);
    return html`
      ${fetching || (this.mapBusy && !this.mapError)
        ? html`<div class="progress" role="progressbar" aria-label=${t(lang, this.layers.length === 0 ? 'loading' : an.loading ? 'analysing' : 'mapDrawing')}></div>`
        : null}
      <jb-map
        .available=${this.layers} .shipped=${shipped.bundle} .shippedError=${shipped.failed} .pending=${fetching}
        .visible=${drawn} .lang=${lang} .mode=${s.mode} .sports=${s.sports} .analysis=${analysis}
        .gaps=${this.planning && wb.hasChanges && wb.gaps ? wb.gaps : an.gaps}
        .basemap=${this.basemap} .selected=${selected} .keyboard=${!touring} .view=${view} label=${t(lang, 'mapLabel')}
        .nearby=${touring ? undefined : this.nearby.features()} .clickMode=${clickMode(s, wb.tool)}
        .proposals=${touring ? undefined : this.planning ? (this.share.viewingFeatures() ?? wb.proposalFeatures()) : undefined}
        .suggestions=${this.planning ? wb.suggestionFeatures() : undefined} .uploaded=${this.planning ? wb.uploaded : undefined}
        .draft=${this.planning ? wb.draft : undefined} .closures=${this.planning ? (this.share.viewing?.scenario.jiangbei_scenario.closures ?? wb.current.closures) : NO_CLOSURES}
        .ringsData=${this.planning && wb.rings ? wb.rings : undefined}
        @map-pick=${(e: JbEvent<'map-pick'>) => this.onPick(e.detail)}
        @proposal-move=${(e: JbEvent<'proposal-move'>) => wb.moveProposal(e.detail.id, e.detail.lngLat)}
        @view-change=${(e: JbEvent<'view-change'>) => this.patchState(e.detail)}
        @feature-select=${(e: JbEvent<'feature-select'>) => this.select(e.detail)}
        @map-busy=${() => (this.mapBusy = true)}
        @map-ready=${() => {
          this.mapSettled('');
          this.firstReady();
        }}
        @map-error=${(e: JbEvent<'map-error'>) => e.detail.fatal && this.mapSettled(e.detail.message)}
      ></jb-map>
      ${touring
        ? html`<jb-tour .chapters=${this.tour.chapters} .index=${this.tour.index} .lang=${lang} .autoplay=${this.tour.autoplay} .facts=${this.tour.facts(lang, an.coverage, shipped.inventory)} .names=${this.names}
            @chapter-change=${(e: JbEvent<'chapter-change'>) => this.tour.go(e.detail)}
            @autoplay-change=${(e: JbEvent<'autoplay-change'>) => this.tour.setAutoplay(e.detail)}
            @resume=${() => this.tour.resume()}
            @handout=${() => this.tour.makeHandout()}
            @tour-exit=${() => this.tour.exit()}
          ></jb-tour>`
        : this.hasUpdated ? this.renderExplore(lang, s, analysis) : null}
      ${card ? html`<jb-card .lang=${lang} .feature=${card} .rates=${an.coverage?.areas.find((a) => a.id === card.id)} @close=${() => (this.card = undefined)}></jb-card>` : null}
      ${this.report
        ? html`<jb-report .lang=${lang} .image=${this.report.image} .coverage=${this.share.viewingRates ?? ((wb.hasChanges && wb.result) || an.coverage)}
            .baseline=${!this.share.viewingRates && wb.hasChanges && wb.result ? wb.baseline : undefined}
            .visible=${visible} .layers=${this.layers} .names=${this.names} .sports=${s.sports} .scenarioName=${this.share.viewing?.name ?? (wb.hasChanges ? wb.current.name : '')}
            @close=${() => (this.report = undefined)}></jb-report>`
        : null}
      ${this.tour.handout
        ? html`<jb-handout .pages=${this.tour.handout.pages} .busy=${this.tour.handout.busy} .lang=${lang} .facts=${this.tour.facts(lang, an.coverage, shipped.inventory)}
            @close=${() => this.tour.closeHandout()}></jb-handout>`
        : null}
      ${this.mapError && !this.loadError
        ? html`<div class="status" role="alert">${t(lang, 'mapDataFailed')}${this.mapError}
            <button @click=${() => this.retryMap()}>${t(lang, 'retry')}</button></div>`
        : null}
      ${this.loadError
        ? html`<div class="status" role="alert">${t(lang, 'loadFailed')}${this.loadError}
            <button @click=${() => this.load()}>${t(lang, 'retry')}</button></div>`
        : null}
    `;
  }

  private renderExplore(lang: Lang, s: ViewState, analysis: boolean) {
    const { workbench: wb, nearby, shipped, analysis: an } = this;
    return html`<div class="side">
      <header>
        <h1><span class="title">${t(lang, 'title')}</span>
          <span class="actions">
            <button class="tour" aria-label=${t(lang, 'tourStartLabel')} @click=${() => this.tour.start()}>${t(lang, 'tourStart')}</button>
            <button class="lang" aria-label=${t(lang, 'langSwitchLabel')} @click=${() => this.patchState({ lang: lang === 'zh' ? 'en' : 'zh' })}>${t(lang, 'langSwitch')}</button>
          </span>
        </h1>
        <p>${t(lang, 'subtitle')}</p>
      </header>
      <jb-panel .active=${s.panel} .lang=${lang} @panel-change=${(e: JbEvent<'panel-change'>) => this.patchState({ panel: e.detail })}>
        <jb-coverage slot="coverage" .lang=${lang} .coverage=${an.peopleCoverage ?? an.coverage} .gaps=${an.gaps} .mode=${s.mode} .tier=${s.tier}
          .loading=${an.loading} .error=${an.error} .sports=${s.sports}
          .sportsAvailable=${this.layers.some((l) => l.id === 'sports')}
          .inventory=${shipped.inventory} .sportsCount=${shipped.sportsCount}
          .builtup=${shipped.builtupInfo} .scenario=${wb.hasChanges ? { name: wb.current.name, upload: wb.baseIsUpload } : undefined}
          @mode-change=${(e: JbEvent<'mode-change'>) => this.setAnalysis({ mode: e.detail })}
          @sports-change=${(e: JbEvent<'sports-change'>) => this.setAnalysis({ sports: e.detail })}
          @tier-change=${(e: JbEvent<'tier-change'>) => this.setAnalysis({ tier: e.detail })}
          @gap-select=${(e: JbEvent<'gap-select'>) => this.map?.focusOn(e.detail)}
          @retry=${() => an.analyse()}
        ></jb-coverage>
        <jb-pieces slot="coverage" .lang=${lang} .pieces=${an.pieces}
          @gap-select=${(e: JbEvent<'gap-select'>) => this.map?.focusOn(e.detail)}
          @piece-add=${(e: JbEvent<'piece-add'>) => this.addSuggested(e.detail)}
        ></jb-pieces>
        <jb-layers slot="layers" .lang=${lang} .visible=${s.visible} .available=${this.layers} .names=${this.names} .analysis=${analysis} .basemap=${this.basemap}
          @toggle-group=${(e: JbEvent<'toggle-group'>) => this.patchState({ visible: withGroup(s.visible, e.detail.id, e.detail.on) })}
          @toggle-basemap=${(e: JbEvent<'toggle-basemap'>) => (this.basemap = e.detail)}
        ></jb-layers>
        <jb-nearby slot="nearby" .lang=${lang} .mode=${s.mode} .sports=${s.sports} .spot=${s.near} .result=${nearby.nearest} .places=${nearby.places}
          .loading=${nearby.loading} .locating=${nearby.locating} .message=${nearby.message} .shareText=${nearby.shareText}
          .outside=${nearby.outside} .destination=${nearby.destination} .route=${nearby.route()} .tierOf=${this.siteTier} .spotName=${nearby.spotName()}
          @clear-destination=${() => nearby.clearDestination()}
          @locate=${() => nearby.locate()}
          @search=${(e: JbEvent<'search'>) => nearby.search(e.detail)}
          @pick-place=${(e: JbEvent<'pick-place'>) => nearby.pickPlace(e.detail)}
          @mode-change=${(e: JbEvent<'mode-change'>) => this.setAnalysis({ mode: e.detail })}
          @result-select=${(e: JbEvent<'result-select'>) => nearby.selectSite(e.detail.id)}
          @share=${() => nearby.share()}
        ></jb-nearby>
        <jb-share slot="plan" .lang=${lang} .share=${this.share.snapshot()} .baseline=${wb.baseline ?? an.coverage} .mine=${wb.hasChanges ? wb.result : wb.baseline}
          @scenario-share=${this.onShareAction}></jb-share>
        <jb-workbench slot="plan" .lang=${lang} .scenario=${wb.current} .scenarios=${wb.scenarios}
          .baseline=${wb.baseline} .result=${wb.result} .suggestions=${wb.suggestions}
          .upload=${wb.upload} .busy=${wb.busy} .suggesting=${wb.suggesting}
          .error=${wb.error} .saveError=${wb.saveError} .storeProblems=${wb.storeProblems}
          .persistent=${wb.persistent} .tool=${wb.tool} .newTier=${wb.newTier} .draftCount=${wb.draft.length}
          .lastUpdateMs=${wb.lastUpdateMs} .baseFrom=${wb.baseFrom} .uploadedCount=${wb.uploaded?.features.length ?? 0}
          .names=${wb.baseNames(lang)} .mode=${s.mode} .notes=${wb.siteNotes(shipped.district)}
          @wb=${this.onPlannerAction}
        ></jb-workbench>
        <jb-population slot="plan" .lang=${lang} .prepared=${this.population.prepared} .people=${an.peopleCoverage?.people}
          .fileName=${this.population.fileName} .checking=${this.population.checking} .error=${this.population.error} .fields=${this.population.fields}
          @population-load=${(e: JbEvent<'population-load'>) => this.population.load(e.detail, shipped.bundle ? shippedLayer(shipped.bundle, 'boundary') : undefined)}
          @population-clear=${() => this.population.clear()}
        ></jb-population>
        <jb-about slot="about" .lang=${lang} .available=${this.layers} .split=${shipped.split}></jb-about>
      </jb-panel>
    </div>`;
  }
}

customElements.define('jb-app', JbApp);

declare global {
  interface HTMLElementTagNameMap {
    'jb-app': JbApp;
  }
}
