import { LitElement, css, html } from 'lit';
import type { FeatureCollection } from 'geojson';
import type { Feature } from 'geojson';
import {
  ApiFailure, fetchBundle, fetchCoverage, fetchGaps, fetchLayer, fetchLayers, fetchNearest, ringsUrl, searchPlaces, shippedLayer,
  type AreaRates, type Coverage, type LayerInfo, type Nearest, type Place,
} from '../api';
import { areaKm2, bboxOfGeometry, nearestPointOn, pointInGeometry } from '../geo';
import { t, type Lang } from '../content/messages';
import { parseState, serializeState, type Mode, type PanelId, type Tier, type ViewState } from '../state/view-state';
import type { GroupId } from '../content/layer-groups';
import { TOUR, type TourChapter } from '../content/tour';
import { OSM_SOURCE } from '../content/data-source';
import { greenInventory, sportsInventory, type Inventory } from '../state/inventory';
import { tourFacts } from '../state/tour-facts';
import type { CardFeature } from './jb-card';
import type { HandoutPage } from './jb-handout';
import type { ClickMode, FeatureSelectDetail, JbMap, MapPickDetail } from './jb-map';
import type { Tool } from './jb-workbench';
import { WorkbenchController } from '../state/workbench';
import { coverageCsv, download } from '../export';
import './jb-about';
import './jb-card';
import './jb-coverage';
import './jb-handout';
import './jb-layers';
import './jb-map';
import './jb-nearby';
import './jb-panel';
import './jb-report';
import './jb-tour';
import './jb-workbench';

/** One empty list of closures outside the planner, so the map is not told of a change on every render. */
const NO_CLOSURES: string[] = [];
const message = (err: unknown) => (err instanceof ApiFailure ? err.message : String((err as Error)?.message ?? err));

/**
 * <jb-app>: fills the page and owns the state (view state mirrored in the URL, data from
 * the worker). Children get properties and report back with events; nothing else holds state.
 */
export class JbApp extends LitElement {
  static override properties = {
    state: { state: true },
    layers: { state: true },
    loadError: { state: true },
    mapBusy: { state: true },
    mapError: { state: true },
    coverage: { state: true },
    coverageError: { state: true },
    analysing: { state: true },
    gaps: { state: true },
    basemap: { state: true },
    card: { state: true },
    autoplay: { state: true },
    handout: { state: true },
    handoutChapter: { state: true },
    nearest: { state: true },
    nearestLoading: { state: true },
    locating: { state: true },
    nearbyMessage: { state: true },
    places: { state: true },
    shareText: { state: true },
    tool: { state: true },
    newTier: { state: true },
    draft: { state: true },
    report: { state: true },
    bundle: { state: true },
    bundleFailed: { state: true },
  };

  static override styles = css`
    :host { display: block; position: relative; height: 100%; overflow: hidden; font-family: inherit; }
    jb-map { position: absolute; inset: 0; }
    .side { position: absolute; z-index: 2; top: 12px; left: 12px; bottom: 36px; width: 360px; display: flex; flex-direction: column; gap: 8px; }
    header {
      background: rgb(255 255 255 / 0.96); border-radius: 8px; padding: 10px 14px;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
    }
    h1 { margin: 0; font-size: 1.25rem; display: flex; justify-content: space-between; align-items: center; gap: 8px; }
    header p { margin: 4px 0 0; font-size: 0.8rem; color: #455a64; }
    .actions { display: flex; gap: 6px; }
    .lang, .tour { font: inherit; font-size: 0.8rem; padding: 6px 10px; border: 1px solid #90a4ae; border-radius: 14px; background: #fff; cursor: pointer; min-height: 32px; }
    .tour { border-color: #2e7d32; color: #1b5e20; }
    @media print { jb-map, header, jb-panel, jb-tour, jb-card, .progress { display: none; } :host { height: auto; overflow: visible; } }
    button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .status { position: absolute; left: 50%; top: 40%; transform: translateX(-50%); z-index: 4;
      background: #fff; padding: 12px 16px; border-radius: 8px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
    .status[role='alert'] { border-left: 4px solid #c62828; }
    .status button { font: inherit; padding: 6px 12px; margin-left: 8px; cursor: pointer; }
    .progress { position: absolute; top: 0; left: 0; right: 0; height: 3px; z-index: 5; overflow: hidden; }
    /* A moving transform (no repaint of the page), in six steps a cycle: a smooth 60 fps bar
       makes the compositor draw 60 frames a second beside the map's own, which in software
       WebGL delayed the drawn map by ~0.25 s; six steps cost nothing measurable. */
    .progress::after { content: ''; position: absolute; inset: 0; width: 50%; background: linear-gradient(90deg, transparent, #2e7d32, transparent); animation: slide 1.2s steps(6) infinite; }
    @keyframes slide { from { transform: translateX(-100%); } to { transform: translateX(200%); } }
    @media (prefers-reduced-motion: reduce) { .progress { background: #2e7d32; } .progress::after { animation: none; display: none; } }
    @media (max-width: 700px) {
      .side { display: contents; }
      header { position: absolute; z-index: 2; top: 8px; left: 8px; right: 60px; padding: 8px 10px; }
      header p { display: none; }
      h1 { font-size: 1.05rem; }
    }
  `;

  declare state: ViewState;
  declare layers: LayerInfo[];
  declare loadError: string;
  /** The map is drawing what it was given (from `map-busy` to `map-ready`). */
  declare mapBusy: boolean;
  /** Why the plan's own map layers failed to load, leaving them off the map ('' when they did not). */
  declare mapError: string;
  declare coverage: Coverage | undefined;
  declare coverageError: string;
  declare analysing: boolean;
  declare gaps: FeatureCollection | undefined;
  declare basemap: boolean;
  declare card: (CardFeature & { id: string }) | undefined;
  declare autoplay: number;
  declare handout: { busy: boolean; pages: HandoutPage[] } | undefined;
  /** The chapter being drawn for the handout (overrides the tour's current one). */
  declare handoutChapter: TourChapter | undefined;
  declare nearest: Nearest | undefined;
  /**
   * Every shipped layer in one FeatureCollection (each feature's `layer` names its layer): the
   * map draws it, and the page reads the green spaces, sports grounds and boundary from it.
   * Fetched by the page as it starts, not by the map's worker once the map has loaded, so the
   * download overlaps the start-up of the map (measured: the map ready ~0.15–0.35 s sooner).
   */
  declare bundle: FeatureCollection | undefined;
  declare bundleFailed: boolean;
  private bundleLoaded: Promise<void> = Promise.resolve();
  /** The shipped green spaces, for drawing straight lines to their nearest edge. */
  private greenspaces?: FeatureCollection;
  /** The shipped sports grounds (leisure spaces when the planner counts them). */
  private sportsLayer?: FeatureCollection;
  private sportsCount?: { inside: number; outside: number };
  /** Figures derived for the panels, kept while their inputs are the same (see `derived`). */
  private memo = new Map<string, { inputs: unknown[]; value: unknown }>();
  /** The district's green spaces by tier (outside sites apart), counted from the layer. */
  private inventory?: Inventory;
  declare nearestLoading: boolean;
  declare locating: boolean;
  declare nearbyMessage: string;
  declare places: Place[] | undefined;
  declare shareText: string;
  declare tool: Tool;
  declare newTier: Tier;
  declare draft: [number, number][];
  declare report: { image: string } | undefined;
  readonly workbench = new WorkbenchController(this, () => ({ tier: this.state.tier, sports: this.state.sports }));
  private inflight?: AbortController;
  private nearInflight?: AbortController;
  /** The last Nearby overlay and what it was made from (see `nearbyFeatures`). */
  private nearbyShown?: { inputs: unknown[]; fc: FeatureCollection };

  constructor() {
    super();
    this.state = parseState(location.search);
    this.layers = [];
    this.loadError = '';
    this.mapError = '';
    this.mapBusy = false;
    this.coverageError = '';
    this.analysing = false;
    this.basemap = false;
    this.autoplay = 0;
    this.nearestLoading = false;
    this.locating = false;
    this.nearbyMessage = '';
    this.shareText = '';
    this.tool = 'none';
    this.newTier = 'leisure';
    this.draft = [];
    this.bundleFailed = false;
    if (this.state.tour !== undefined) this.state.tour = Math.min(this.state.tour, TOUR.length);
  }

  private get uiLang(): Lang {
    return this.state.lang ?? (navigator.language?.toLowerCase().startsWith('zh') === false ? 'en' : 'zh');
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.loadError = '';
    // The map's data first (the largest download), then the analysis and the layer list: none
    // depends on another, so all are asked at once.
    if (!this.bundle) this.bundleLoaded = this.loadBundle();
    const analysed = Promise.all([this.analyse(), this.findNearest()]);
    try {
      this.layers = await fetchLayers();
    } catch (err) {
      this.loadError = message(err);
      return;
    }
    await analysed;
    if (this.state.near && this.state.center === undefined) {
      await this.bundleLoaded;
      this.frameNearby();
    }
  }

  /** The shipped layers in one request; on failure the page says so, with a retry. */
  private async loadBundle() {
    this.bundleFailed = false;
    try {
      const fc = await fetchBundle();
      this.greenspaces = shippedLayer(fc, 'greenspaces');
      this.sportsLayer = shippedLayer(fc, 'sports');
      this.inventory = greenInventory(this.greenspaces);
      this.sportsCount = this.sportsLayer.features.length ? sportsInventory(this.sportsLayer) : undefined;
      this.bundle = fc;
      this.workbench.setShipped(this.greenspaces, this.coverage?.mode === this.workbench.current.mode ? this.coverage : undefined);
      void this.workbench.analyse();
    } catch (err) {
      this.bundleFailed = true;
      // The status tells what failed ("service down (HTTP 503)"), as the map's own errors do.
      this.mapError = err instanceof ApiFailure && err.status ? `${err.message} (HTTP ${err.status})` : message(err);
    }
  }

  /** Fetches coverage and the gaps of the selected tier for the current mode. */
  private async analyse() {
    this.inflight?.abort();
    const ctrl = (this.inflight = new AbortController());
    this.analysing = true;
    this.coverageError = '';
    const { mode, tier, sports } = this.state;
    try {
      const [coverage, gaps] = await Promise.all([fetchCoverage(mode, sports, ctrl.signal), fetchGaps(tier, mode, sports, ctrl.signal)]);
      this.coverage = coverage;
      this.gaps = gaps;
      if (this.greenspaces) this.workbench.setShipped(this.greenspaces, mode === this.workbench.current.mode ? coverage : undefined);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      // Keep the last good results on screen; say what failed.
      this.coverageError = message(err);
    } finally {
      if (this.inflight === ctrl) this.analysing = false;
    }
  }

  private patchState(patch: Partial<ViewState>) {
    this.state = { ...this.state, ...patch };
    history.replaceState(history.state, '', `${location.pathname}${serializeState(this.state)}${location.hash}`);
  }

  private setMode(mode: Mode) {
    this.patchState({ mode });
    this.workbench.setMode(mode);
    void this.analyse();
    void this.findNearest();
  }

  /** Counts sports grounds as leisure spaces, or stops: every answer on the page follows. */
  private setSports(sports: boolean) {
    this.patchState({ sports });
    void this.analyse();
    void this.findNearest();
    void this.workbench.analyse();
  }

  /** A shipped site (green space or sports ground) by id, with the layer it is in. */
  private siteById(id: string): { group: 'greenspaces' | 'sports'; feature: Feature } | undefined {
    const g = this.greenspaces?.features.find((f) => f.properties?.id === id);
    if (g) return { group: 'greenspaces', feature: g };
    const s = this.sportsLayer?.features.find((f) => f.properties?.id === id);
    return s ? { group: 'sports', feature: s } : undefined;
  }

  // --- the planner's workbench ------------------------------------------------------------

  private get planning(): boolean {
    return this.state.panel === 'plan' && this.state.tour === undefined;
  }

  private clickMode(): ClickMode {
    if (this.state.tour !== undefined) return 'select';
    if (this.state.panel === 'nearby') return 'spot';
    if (this.planning && this.tool !== 'none') return this.tool;
    return 'select';
  }

  private onPick(d: MapPickDetail) {
    if (d.mode === 'spot') void this.setSpot(d.lngLat);
    else if (d.mode === 'add') this.workbench.addProposal(this.newTier, { type: 'Point', coordinates: d.lngLat });
    else if (d.mode === 'draw') this.draft = [...this.draft, d.lngLat];
    else if (d.mode === 'close' && d.id) this.workbench.toggleClosure(d.id);
  }

  /** Handles the workbench panel's actions. */
  private async onWorkbench(e: CustomEvent<{ action: string } & Record<string, unknown>>) {
    const wb = this.workbench;
    const d = e.detail;
    const lang = this.uiLang;
    switch (d.action) {
      case 'select': return wb.select(String(d.id));
      case 'rename': return wb.rename(String(d.name));
      case 'new': return wb.create(`${t(lang, 'planScenario')} ${wb.scenarios.length + 1}`);
      case 'duplicate': return wb.duplicate(t(lang, 'planCopySuffix'));
      case 'delete': return wb.remove();
      case 'export': {
        const f = wb.exportFile();
        return download(f.name, f.text, 'application/geo+json');
      }
      case 'import': {
        const file = d.file as File;
        const problem = wb.importText(await file.text(), file.name);
        if (problem) wb.error = `${t(lang, 'planImportFailed')}${problem}`;
        return this.requestUpdate();
      }
      case 'tool':
        this.tool = d.tool as Tool;
        this.draft = [];
        return;
      case 'tier': this.newTier = d.tier as Tier; return;
      case 'finish-draft': {
        if (this.draft.length >= 3) wb.addProposal(this.newTier, { type: 'Polygon', coordinates: [[...this.draft, this.draft[0]!]] });
        this.draft = [];
        return;
      }
      case 'cancel-draft': this.draft = []; return;
      case 'delete-proposal': return wb.deleteProposal(String(d.id));
      case 'toggle-closure': return wb.toggleClosure(String(d.id));
      case 'suggest': return wb.suggest(Number(d.count));
      case 'accept': return wb.accept(Number(d.rank));
      case 'dismiss': return wb.dismiss(Number(d.rank));
      case 'upload': return wb.checkUpload(d.file as File, d.crs as 'WGS84' | 'GCJ02');
      case 'use-upload': return wb.useUpload();
      case 'use-shipped': return wb.useShipped();
      case 'export-rings': {
        const rings = wb.hasChanges && wb.rings ? wb.rings : await (await fetch(ringsUrl(this.state.mode, this.state.sports))).json();
        return download('jiangbei-service-areas.geojson', JSON.stringify(rings), 'application/geo+json');
      }
      case 'export-gaps':
        return download(`jiangbei-gaps-${this.state.tier}.geojson`, JSON.stringify((wb.hasChanges && wb.gaps) || this.gaps), 'application/geo+json');
      case 'export-csv': {
        const c = (wb.hasChanges && wb.result) || this.coverage;
        const credit = t(lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence });
        if (c) download('jiangbei-coverage.csv', coverageCsv(c, wb.hasChanges ? wb.baseline : undefined, credit), 'text/csv;charset=utf-8');
        return;
      }
      case 'export-png': {
        const blob = await this.map?.png();
        if (blob) download('jiangbei-map.png', blob);
        return;
      }
      case 'report': {
        const image = (await this.map?.captureDistrict('image/jpeg')) ?? '';
        this.report = { image };
        return;
      }
    }
  }

  // --- Nearby ---------------------------------------------------------------------------

  /** Sets the Nearby spot; `frame` moves the camera to show the spot and its answer. */
  private async setSpot(near: [number, number], frame = false) {
    this.patchState({ near, panel: 'nearby' });
    this.shareText = '';
    this.nearbyMessage = '';
    this.places = undefined;
    await this.findNearest();
    if (frame) this.frameNearby();
  }

  /** Fits the camera to the spot and the nearest site of each tier. */
  private frameNearby() {
    const near = this.state.near;
    if (!near) return;
    const box: [number, number, number, number] = [near[0], near[1], near[0], near[1]];
    for (const x of this.nearest?.tiers ?? []) {
      const f = x.id ? this.siteById(x.id)?.feature : undefined;
      if (!f || (x.distance_m ?? Infinity) > 3000) continue; // a far park would zoom the spot away
      const [w, s, e, n] = bboxOfGeometry(x.path ?? { type: 'LineString', coordinates: [near, nearestPointOn(near, f.geometry)] });
      box[0] = Math.min(box[0], w), box[1] = Math.min(box[1], s), box[2] = Math.max(box[2], e), box[3] = Math.max(box[3], n);
    }
    this.map?.focusOn(box);
  }

  /** The nearest sites from the Nearby spot, in the current distance mode. */
  private async findNearest() {
    const near = this.state.near;
    if (!near) return;
    this.nearInflight?.abort();
    const ctrl = (this.nearInflight = new AbortController());
    this.nearestLoading = true;
    try {
      this.nearest = await fetchNearest(near[0], near[1], this.state.mode, this.state.sports, ctrl.signal);
      this.nearbyMessage = '';
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.nearest = undefined;
      this.nearbyMessage = message(err);
    } finally {
      if (this.nearInflight === ctrl) this.nearestLoading = false;
    }
  }

  private async inDistrict(p: [number, number]): Promise<boolean> {
    const boundary = this.bundle ? shippedLayer(this.bundle, 'boundary') : await fetchLayer('boundary');
    return boundary.features.some((f) => pointInGeometry(p, f.geometry));
  }

  private locate() {
    const lang = this.uiLang;
    if (!('geolocation' in navigator)) {
      this.nearbyMessage = t(lang, 'nearbyUnsupported');
      return;
    }
    this.locating = true;
    this.nearbyMessage = '';
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        this.locating = false;
        const p: [number, number] = [pos.coords.longitude, pos.coords.latitude];
        if (!(await this.inDistrict(p).catch(() => false))) {
          this.nearbyMessage = t(lang, 'nearbyOutside');
          return;
        }
        await this.setSpot(p, true);
      },
      (err) => {
        this.locating = false;
        const key = err.code === err.PERMISSION_DENIED ? 'nearbyDenied' : err.code === err.TIMEOUT ? 'nearbyTimeout' : 'nearbyUnavailable';
        this.nearbyMessage = t(lang, key);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private async search(q: string) {
    if (!q.trim()) {
      this.places = undefined;
      return;
    }
    try {
      this.places = await searchPlaces(q);
    } catch (err) {
      this.nearbyMessage = message(err);
    }
  }

  private async pickPlace(p: Place) {
    this.places = undefined;
    await this.setSpot([p.lon, p.lat], true);
  }

  /** Flies to a result (a green space, or a sports ground when they count) and opens its card. */
  private async selectSite(id: string) {
    await this.bundleLoaded;
    const site = this.siteById(id);
    if (!site) return;
    const f = site.feature;
    const [w, s, e, n] = bboxOfGeometry(f.geometry);
    this.map?.focusOn([w, s, e, n]);
    this.card = { group: site.group, properties: { ...f.properties }, id, areaKm2: areaKm2(f.geometry) };
  }

  private async share() {
    const lang = this.uiLang;
    const near = this.state.near;
    if (!near) return;
    const q = new URLSearchParams({ near: `${near[0].toFixed(5)},${near[1].toFixed(5)}` });
    if (this.state.mode !== 'radius') q.set('mode', this.state.mode);
    if (this.state.lang) q.set('lang', this.state.lang);
    const link = `${location.origin}${location.pathname}?${q.toString().replace(/%2C/g, ',')}`;
    try {
      await navigator.clipboard.writeText(link);
      this.shareText = `${t(lang, 'nearbyCopied')}${link}`;
    } catch {
      this.shareText = `${t(lang, 'nearbyShareFallback')}${link}`;
    }
  }

  /**
   * The spot and the ways to the nearest sites, for the map: the same object while its inputs
   * are the same, so the map is not handed new data, and redraws, on every render.
   */
  private nearbyFeatures(): FeatureCollection | undefined {
    const near = this.state.near;
    if (!near || this.state.panel !== 'nearby') return undefined;
    const lang = this.uiLang;
    const inputs = [near, this.nearest, this.greenspaces, this.sportsLayer, lang];
    if (this.nearbyShown?.inputs.every((x, i) => x === inputs[i])) return this.nearbyShown.fc;
    const features: Feature[] = [{ type: 'Feature', properties: { kind: 'spot' }, geometry: { type: 'Point', coordinates: near } }];
    const seen = new Set<string>();
    for (const x of this.nearest?.tiers ?? []) {
      if (!x.id || seen.has(x.id)) continue;
      seen.add(x.id);
      if (x.path) {
        features.push({ type: 'Feature', properties: { kind: 'walk', label: `${x.name_zh && lang === 'zh' ? x.name_zh : x.name_en} · ${t(lang, 'nearbyWalkMin', { m: Math.max(1, Math.round(x.walk_min ?? 0)) })}` }, geometry: x.path });
      } else {
        const f = this.siteById(x.id)?.feature;
        if (f) features.push({ type: 'Feature', properties: { kind: 'straight', label: t(lang, 'nearbyStraight') }, geometry: { type: 'LineString', coordinates: [near, nearestPointOn(near, f.geometry)] } });
      }
    }
    this.nearbyShown = { inputs, fc: { type: 'FeatureCollection', features } };
    return this.nearbyShown.fc;
  }

  private async setTier(tier: Tier) {
    this.patchState({ tier });
    try {
      this.gaps = await fetchGaps(tier, this.state.mode, this.state.sports);
    } catch (err) {
      this.coverageError = message(err);
    }
  }

  private toggleGroup(id: GroupId, on: boolean) {
    const visible = new Set(this.state.visible);
    if (on) visible.add(id);
    else visible.delete(id);
    this.patchState({ visible });
  }

  private async select(detail: FeatureSelectDetail | null) {
    if (!detail) {
      this.card = undefined;
      return;
    }
    const id = String(detail.properties.id ?? '');
    this.card = { ...detail, id };
    // Area from the source geometry (rendered geometry is clipped to tiles).
    await this.bundleLoaded;
    const f = this.bundle?.features.find((x) => x.properties?.layer === detail.group && x.properties?.id === id);
    if (f && this.card?.id === id) this.card = { ...this.card, areaKm2: areaKm2(f.geometry) };
  }

  /** After a failure to draw: the shipped layers fetched again if they failed, the rings too. */
  private retryMap() {
    this.mapError = '';
    if (this.bundleFailed) this.bundleLoaded = this.loadBundle();
    this.map?.reload();
  }

  private get chapter(): TourChapter | undefined {
    return this.handoutChapter ?? (this.state.tour !== undefined ? TOUR[this.state.tour - 1] : undefined);
  }

  private get map(): JbMap | null {
    return this.renderRoot.querySelector<JbMap>('jb-map');
  }

  private goToChapter(index: number) {
    this.card = undefined;
    this.patchState({ tour: index + 1 });
    this.map?.flyToCamera(TOUR[index]!.camera);
  }

  private startTour() {
    this.card = undefined;
    this.goToChapter(0);
  }

  private exitTour() {
    this.autoplay = 0;
    this.patchState({ tour: undefined });
  }

  /** Draws each chapter's view in turn and lays them out as printable pages. */
  private async makeHandout() {
    const map = this.map;
    if (!map) return;
    this.autoplay = 0;
    this.handout = { busy: true, pages: [] };
    const pages: HandoutPage[] = [];
    try {
      for (const chapter of TOUR) {
        this.handoutChapter = chapter;
        await this.updateComplete;
        await map.updateComplete;
        pages.push({ chapter, image: await map.snapshot(chapter.camera) });
        this.handout = { busy: true, pages: [...pages] };
      }
    } finally {
      this.handoutChapter = undefined;
      this.handout = { busy: false, pages };
      const current = this.chapter;
      if (current) map.flyToCamera(current.camera);
    }
  }

  /**
   * A value made from `inputs`, the same object while they are the same: a child handed a
   * new object re-renders, and the app renders on every map-busy / map-ready.
   */
  private derived<T>(key: string, inputs: unknown[], make: () => T): T {
    const hit = this.memo.get(key);
    if (hit && hit.inputs.length === inputs.length && hit.inputs.every((x, i) => x === inputs[i])) return hit.value as T;
    const value = make();
    this.memo.set(key, { inputs, value });
    return value;
  }

  /** Inside / outside counts for the Data tab, from the layers loaded. */
  private aboutSplit(): Record<string, { inside: number; outside: number }> {
    return this.derived('split', [this.inventory, this.sportsCount], () => {
      const split: Record<string, { inside: number; outside: number }> = {};
      if (this.inventory) {
        const { tiers, outside } = this.inventory;
        split.greenspaces = { inside: tiers.park + tiers.garden + tiers.leisure, outside };
      }
      if (this.sportsCount) split.sports = this.sportsCount;
      return split;
    });
  }

  /** The figures tour captions quote. */
  private facts(lang: Lang) {
    return this.derived('facts', [lang, this.coverage, this.inventory], () => tourFacts(lang, this.coverage, this.inventory));
  }

  private baseNames(): Map<string, string> {
    const key = this.uiLang === 'zh' ? 'name_zh' : 'name_en';
    return new Map(this.workbench.base.features.map((f) => [String(f.properties?.id), String(f.properties?.[key] ?? f.properties?.name_zh ?? f.properties?.id)]));
  }

  private rates(): AreaRates | undefined {
    return this.card ? this.coverage?.areas.find((a) => a.id === this.card!.id) : undefined;
  }

  override render() {
    const lang = this.uiLang;
    const s = this.state;
    const chapter = this.chapter;
    const touring = chapter !== undefined;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    const analysis = this.coverage !== undefined;
    const visible = chapter ? new Set(chapter.layers) : s.visible;
    const selected = chapter ? chapter.highlight : this.card ? { source: this.card.group, id: this.card.id } : undefined;
    const view = chapter ? chapter.camera : { center: s.center, zoom: s.zoom };
    /** Still fetching data the map will show (its layers, the layer list, the analysis). */
    const fetching = this.analysing || (!this.bundle && !this.bundleFailed) || (this.layers.length === 0 && !this.loadError);
    return html`
      ${fetching || (this.mapBusy && !this.mapError)
        ? html`<div class="progress" role="progressbar" aria-label=${t(lang, this.layers.length === 0 ? 'loading' : this.analysing ? 'analysing' : 'mapDrawing')}></div>`
        : null}
      <jb-map
        .available=${this.layers} .shipped=${this.bundle} .shippedError=${this.bundleFailed} .pending=${fetching}
        .visible=${visible} .lang=${lang} .mode=${s.mode} .sports=${s.sports} .analysis=${analysis}
        .gaps=${this.planning && this.workbench.hasChanges && this.workbench.gaps ? this.workbench.gaps : this.gaps}
        .basemap=${this.basemap} .selected=${selected} .keyboard=${!touring} .view=${view} label=${t(lang, 'mapLabel')}
        .nearby=${touring ? undefined : this.nearbyFeatures()} .clickMode=${this.clickMode()}
        .proposals=${touring ? undefined : this.planning ? this.workbench.proposalFeatures() : undefined}
        .draft=${this.planning ? this.draft : undefined} .closures=${this.planning ? this.workbench.current.closures : NO_CLOSURES}
        .ringsData=${this.planning && this.workbench.rings ? this.workbench.rings : undefined}
        @map-pick=${(e: CustomEvent<MapPickDetail>) => this.onPick(e.detail)}
        @proposal-move=${(e: CustomEvent<{ id: string; lngLat: [number, number] }>) => this.workbench.moveProposal(e.detail.id, e.detail.lngLat)}
        @view-change=${(e: CustomEvent<{ center: [number, number]; zoom: number }>) => this.patchState(e.detail)}
        @feature-select=${(e: CustomEvent<FeatureSelectDetail | null>) => this.select(e.detail)}
        @map-busy=${() => (this.mapBusy = true)}
        @map-ready=${() => ((this.mapBusy = false), (this.mapError = ''))}
        @map-error=${(e: CustomEvent<{ message: string; fatal: boolean }>) => e.detail.fatal && ((this.mapBusy = false), (this.mapError = e.detail.message))}
      ></jb-map>
      ${touring
        ? html`<jb-tour .chapters=${TOUR} .index=${(s.tour ?? 1) - 1} .lang=${lang} .autoplay=${this.autoplay} .facts=${this.facts(lang)}
            @chapter-change=${(e: CustomEvent<number>) => this.goToChapter(e.detail)}
            @autoplay-change=${(e: CustomEvent<number>) => (this.autoplay = e.detail)}
            @resume=${() => this.map?.flyToCamera(chapter.camera)}
            @handout=${() => this.makeHandout()}
            @tour-exit=${() => this.exitTour()}
          ></jb-tour>`
        : this.renderExplore(lang, s, analysis)}
      ${this.card ? html`<jb-card .lang=${lang} .feature=${this.card} .rates=${this.rates()} @close=${() => (this.card = undefined)}></jb-card>` : null}
      ${this.report
        ? html`<jb-report .lang=${lang} .image=${this.report.image} .coverage=${(this.workbench.hasChanges && this.workbench.result) || this.coverage}
            .visible=${visible} .layers=${this.layers} .sports=${s.sports} .scenarioName=${this.workbench.hasChanges ? this.workbench.current.name : ''}
            @close=${() => (this.report = undefined)}></jb-report>`
        : null}
      ${this.handout
        ? html`<jb-handout .pages=${this.handout.pages} .busy=${this.handout.busy} .lang=${lang} .facts=${this.facts(lang)}
            @close=${() => (this.handout = undefined)}></jb-handout>`
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
    return html`<div class="side">
      <header>
        <h1><span class="title">${t(lang, 'title')}</span>
          <span class="actions">
            <button class="tour" aria-label=${t(lang, 'tourStartLabel')} @click=${() => this.startTour()}>${t(lang, 'tourStart')}</button>
            <button class="lang" aria-label=${t(lang, 'langSwitchLabel')} @click=${() => this.patchState({ lang: lang === 'zh' ? 'en' : 'zh' })}>${t(lang, 'langSwitch')}</button>
          </span>
        </h1>
        <p>${t(lang, 'subtitle')}</p>
      </header>
      <jb-panel .active=${s.panel} .lang=${lang} @panel-change=${(e: CustomEvent<PanelId>) => this.patchState({ panel: e.detail })}>
        <jb-coverage slot="coverage" .lang=${lang} .coverage=${this.coverage} .gaps=${this.gaps} .mode=${s.mode} .tier=${s.tier}
          .loading=${this.analysing} .error=${this.coverageError} .sports=${s.sports}
          .sportsAvailable=${this.layers.some((l) => l.id === 'sports')}
          .inventory=${this.inventory} .sportsCount=${this.sportsCount}
          @mode-change=${(e: CustomEvent<Mode>) => this.setMode(e.detail)}
          @sports-change=${(e: CustomEvent<boolean>) => this.setSports(e.detail)}
          @tier-change=${(e: CustomEvent<Tier>) => this.setTier(e.detail)}
          @gap-select=${(e: CustomEvent<[number, number, number, number]>) => this.map?.focusOn(e.detail)}
          @retry=${() => this.analyse()}
        ></jb-coverage>
        <jb-layers slot="layers" .lang=${lang} .visible=${s.visible} .available=${this.layers} .analysis=${analysis} .basemap=${this.basemap}
          @toggle-group=${(e: CustomEvent<{ id: GroupId; on: boolean }>) => this.toggleGroup(e.detail.id, e.detail.on)}
          @toggle-basemap=${(e: CustomEvent<boolean>) => (this.basemap = e.detail)}
        ></jb-layers>
        <jb-nearby slot="nearby" .lang=${lang} .mode=${s.mode} .sports=${s.sports} .spot=${s.near} .result=${this.nearest} .places=${this.places}
          .loading=${this.nearestLoading} .locating=${this.locating} .message=${this.nearbyMessage} .shareText=${this.shareText}
          @locate=${() => this.locate()}
          @search=${(e: CustomEvent<string>) => this.search(e.detail)}
          @pick-place=${(e: CustomEvent<Place>) => this.pickPlace(e.detail)}
          @mode-change=${(e: CustomEvent<Mode>) => this.setMode(e.detail)}
          @result-select=${(e: CustomEvent<{ id: string }>) => this.selectSite(e.detail.id)}
          @share=${() => this.share()}
        ></jb-nearby>
        <jb-workbench slot="plan" .lang=${lang} .scenario=${this.workbench.current} .scenarios=${this.workbench.scenarios}
          .baseline=${this.workbench.baseline} .result=${this.workbench.result} .suggestions=${this.workbench.suggestions}
          .upload=${this.workbench.upload} .busy=${this.workbench.busy} .suggesting=${this.workbench.suggesting}
          .error=${this.workbench.error} .saveError=${this.workbench.saveError} .storeProblems=${this.workbench.storeProblems}
          .persistent=${this.workbench.persistent} .tool=${this.tool} .newTier=${this.newTier} .draftCount=${this.draft.length}
          .lastUpdateMs=${this.workbench.lastUpdateMs} .baseCount=${this.workbench.base.features.length} .baseIsUpload=${this.workbench.baseIsUpload}
          .names=${this.baseNames()}
          @wb=${this.onWorkbench}
        ></jb-workbench>
        <jb-about slot="about" .lang=${lang} .available=${this.layers} .split=${this.aboutSplit()}></jb-about>
      </jb-panel>
    </div>`;
  }
}

customElements.define('jb-app', JbApp);
