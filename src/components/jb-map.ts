import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import {
  AttributionControl, FullscreenControl, LngLatBounds, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl,
  type ExpressionSpecification, type FilterSpecification, type GeoJSONSource, type MapLayerMouseEvent,
  type MapLayerTouchEvent, type MapMouseEvent, type MapTouchEvent, type LayerSpecification, type MapGeoJSONFeature, type StyleSpecification, type ErrorEvent,
} from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection } from 'geojson';
import { ringsUrl, type LayerInfo, type Mode } from '../api';
import { BASEMAP, CJK_FONT_FAMILY, DISTRICT_BOUNDS } from '../content/map-theme';
import { BOUNDARY_LAYERS, BOUNDARY_LINE, LAYER_GROUPS, PLAN_LABELS, type GroupId, type SourceId, type StyleLayer } from '../content/layer-groups';
import { PALETTE } from '../content/palette';
import { OSM_SOURCE } from '../content/data-source';
import { t, type Lang } from '../content/messages';

// Under Vite the worker must be given as a URL of our own origin, or the map never goes idle.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The MapLibre map, for tests and the console. */
    jbMap?: MapLibreMap;
  }
}

export type ClickMode = 'select' | 'spot' | 'add' | 'draw' | 'close';

export interface MapPickDetail {
  mode: ClickMode;
  lngLat: [number, number];
  /** With mode `close`: the green space clicked. */
  id?: string;
}

export interface FeatureSelectDetail {
  group: GroupId;
  properties: Record<string, unknown>;
  bounds: [number, number, number, number];
}

/** Click priority when features overlap: the most specific thing wins (small points first). */
const CLICK_ORDER: GroupId[] = ['stations', 'landmarks', 'greenspaces', 'sports', 'cores', 'belt', 'zones'];

/** Sources whose features can be highlighted (a `<source>-selected` outline layer each). */
const SELECTABLE = ['zones', 'cores', 'belt', 'greenspaces', 'sports'] as const;

const NEARBY_LAYERS = ['proposals-fill', 'proposals-line', 'proposals-point', 'proposals-label', 'draft-line', 'draft-point', 'nearby-route-casing', 'nearby-route', 'nearby-route-label', 'nearby-spot'];

/**
 * Every layer's place, bottom first. Layers arrive in any order (the layer list, the analysis
 * and the overlays are fetched in parallel), so each is inserted below the first layer that
 * should sit above it and is already on the map.
 */
const Z_ORDER: string[] = [
  'background',
  'basemap',
  ...LAYER_GROUPS.filter((g) => g.id === 'neighbours').flatMap((g) => g.layers.map((l) => l.id)),
  ...BOUNDARY_LAYERS.map((l) => l.id),
  ...LAYER_GROUPS.filter((g) => g.id !== 'neighbours').flatMap((g) =>
    g.id === 'greenspaces' ? [...g.layers.map((l) => l.id), 'greenspaces-closed-fill', 'greenspaces-closed-point'] : g.layers.map((l) => l.id),
  ),
  BOUNDARY_LINE.id,
  ...PLAN_LABELS.map((p) => p.layer.id),
  ...SELECTABLE.map((s) => `${s}-selected`),
  ...NEARBY_LAYERS,
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The shipped layers arrive as one map source (each feature's `layer` names its layer): a
 * map loads, tiles and draws one source far sooner than a dozen. Style layers pick their
 * own features by `layer`; the analysis results (rings, gaps) keep sources of their own.
 * The page fetches that source's data itself (`shipped`) and hands it over as an object.
 */
const SHIPPED = 'shipped';
const isAnalysis = (id: SourceId) => id === 'rings' || id === 'gaps';
/** A style layer's filter over its source, with the pick of its shipped layer when bundled. */
function withinSource(source: SourceId, filter?: FilterSpecification): FilterSpecification | undefined {
  if (isAnalysis(source)) return filter;
  const own: ExpressionSpecification = ['==', ['get', 'layer'], source];
  // Every filter in layer-groups.ts is an expression (none in the legacy filter syntax).
  return filter ? ['all', own, filter as ExpressionSpecification] : own;
}

function baseStyle(): StyleSpecification {
  // No remote resources: no tiles, glyphs or sprites (MapLibre draws glyphs locally).
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}

const nameExpr = (lang: Lang): ExpressionSpecification => ['coalesce', ['get', `name_${lang}`], ['get', 'name_zh'], ''];

function bboxOf(f: MapGeoJSONFeature): [number, number, number, number] {
  const b = new LngLatBounds();
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') b.extend([c[0], c[1] as number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((f.geometry as { coordinates?: unknown }).coordinates);
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

/**
 * <jb-map>: owns the MapLibre map and nothing else.
 * Properties down: `available` (shipped layers), `shipped` (their data, one FeatureCollection),
 * `shippedError` (that data failed to load), `visible` groups, `lang`, `mode`, `sports`
 * (sports grounds counted in the shipped rings),
 * `analysis` (whether coverage results exist), `gaps` (FeatureCollection), `basemap`,
 * `selected`, `nearby`, `clickMode`, `proposals`, `draft`, `closures`, `ringsData`, `keyboard`,
 * `view` (initial camera), `pending` (the app is still fetching data the map will show).
 * Events up: `map-ready` (all shown sources loaded, map idle), `map-busy`,
 * `map-error` ({message, fatal}: `fatal` when the shipped layers failed to draw, which leaves
 * the map blank and sets `mapReady=error` until `reload()`; `shippedError` does the same),
 * `feature-select` (FeatureSelectDetail), `map-pick` ({mode, lngLat, id?}) in the other click
 * modes, `proposal-move` ({id, lngLat}) after a drag, `view-change` ({center, zoom}).
 */
export class JbMap extends LitElement {
  static override properties = {
    available: { attribute: false },
    shipped: { attribute: false },
    shippedError: { type: Boolean },
    visible: { attribute: false },
    lang: { type: String },
    mode: { type: String },
    sports: { type: Boolean },
    analysis: { type: Boolean },
    gaps: { attribute: false },
    basemap: { type: Boolean },
    selected: { attribute: false },
    nearby: { attribute: false },
    clickMode: { type: String },
    proposals: { attribute: false },
    draft: { attribute: false },
    closures: { attribute: false },
    ringsData: { attribute: false },
    keyboard: { type: Boolean },
    view: { attribute: false },
    label: { type: String },
    pending: { type: Boolean },
  };

  static override styles = [
    unsafeCSS(maplibreCss),
    css`
      :host { display: block; position: relative; }
      #map { position: absolute; inset: 0; }
      .maplibregl-ctrl button:focus-visible { outline: 3px solid #1565c0; }
      /* Keep the scale bar and attribution above the phone's bottom sheet. */
      @media (max-width: 700px) { .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right { bottom: 40vh; } }
    `,
  ];

  declare available: LayerInfo[];
  /** The shipped layers' data (the page fetches it as it starts; see jb-app). */
  declare shipped: FeatureCollection | undefined;
  /** The shipped layers' data could not be loaded: the map is blank, and says so. */
  declare shippedError: boolean;
  declare visible: Set<GroupId>;
  declare lang: Lang;
  declare mode: Mode;
  /** The shipped rings count sports grounds as leisure spaces. */
  declare sports: boolean;
  declare analysis: boolean;
  declare gaps: FeatureCollection | undefined;
  declare basemap: boolean;
  /** The highlighted feature: a zone, core, belt section or green space. */
  declare selected: { source: string; id: string } | undefined;
  /** The Nearby answer drawn on the map: the spot and the ways to the sites. */
  declare nearby: FeatureCollection | undefined;
  /**
   * What a click does: `select` a feature (info card), pick a Nearby `spot`, `add` a proposed
   * site, add a vertex to a `draw`n outline, or `close` an existing green space.
   */
  declare clickMode: ClickMode;
  /** The planner's proposed sites (draggable). */
  declare proposals: FeatureCollection | undefined;
  /** The outline being drawn, vertex by vertex. */
  declare draft: [number, number][] | undefined;
  /** Ids of green spaces closed in the current scenario (drawn struck out). */
  declare closures: string[];
  /** Rings of a scenario; when unset the shipped rings are drawn. */
  declare ringsData: FeatureCollection | undefined;
  /** Map keyboard shortcuts (off in the tour, where the keys turn pages). */
  declare keyboard: boolean;
  declare view: { center?: [number, number]; zoom?: number; pitch?: number; bearing?: number };
  declare label: string;
  /**
   * The app is still fetching what the map should show (the layer list, the analysis):
   * `mapReady` waits for it, so it always means "everything asked for is drawn".
   */
  declare pending: boolean;
  private map?: MapLibreMap;
  private attribution?: AttributionControl;
  private attributionLang?: Lang;
  private styleLoaded = false;
  /** The shipped layers' data failed to load (until `reload`). */
  private shippedFailed = false;

  constructor() {
    super();
    this.available = [];
    this.shippedError = false;
    this.visible = new Set();
    this.lang = 'zh';
    this.mode = 'radius';
    this.sports = false;
    this.analysis = false;
    this.basemap = false;
    this.keyboard = true;
    this.clickMode = 'select';
    this.closures = [];
    this.view = {};
    this.label = '';
    this.pending = false;
  }

  override render() {
    return html`<div id="map" role="region" aria-label=${this.label}></div>`;
  }

  override firstUpdated() {
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const { center, zoom, pitch = 0, bearing = 0 } = this.view;
    const map = new MapLibreMap({
      container,
      style: baseStyle(),
      ...(center && zoom !== undefined ? { center, zoom, pitch, bearing } : { bounds: DISTRICT_BOUNDS, fitBoundsOptions: { padding: this.panelPadding() } }),
      localIdeographFontFamily: CJK_FONT_FAMILY,
      // Labels appear at once: no fade frames to draw before the map settles.
      fadeDuration: 0,
      // Added in our language by `applyAttribution`: the data's own credit, always shown.
      attributionControl: false,
      maxBounds: [[105.6, 29.1], [107.7, 30.1]],
    });
    map.addControl(new NavigationControl(), 'top-right');
    map.addControl(new FullscreenControl({ container: document.documentElement }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.applyAttribution();
    map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
      // The shipped layers are the map: without them it is blank, so the page must say so.
      const fatal = e.sourceId === SHIPPED;
      if (fatal) this.shippedFailed = true;
      this.emit('map-error', { message: e.error?.message ?? 'map error', fatal });
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      this.emit('view-change', { center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    map.on('click', (e) => this.onMapClick(e.point, [e.lngLat.lng, e.lngLat.lat]));
    this.map = map;
    window.jbMap = map;
    map.once('load', () => {
      this.styleLoaded = true;
      this.sync(new Set(['shipped', 'shippedError', 'available', 'analysis', 'visible', 'lang', 'basemap', 'gaps', 'selected', 'keyboard', 'nearby', 'proposals', 'draft', 'closures', 'ringsData', 'clickMode']));
    });
  }

  override updated(changed: PropertyValues<this>) {
    if (this.styleLoaded) this.sync(new Set([...changed.keys()] as string[]));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.map?.remove();
    this.map = undefined;
  }

  /**
   * Draws the map's data again after a failure: the shipped layers (as the page now has them;
   * it fetches them again itself) and the rings.
   */
  reload() {
    const map = this.map;
    if (!map || !this.styleLoaded) return;
    this.shippedFailed = this.shippedError;
    if (this.shipped) (map.getSource(SHIPPED) as GeoJSONSource | undefined)?.setData(this.shipped);
    (map.getSource('rings') as GeoJSONSource | undefined)?.setData(this.ringsData ?? ringsUrl(this.mode, this.sports));
    this.settle();
  }

  /** Moves the camera to a lon/lat box (instantly when the user prefers reduced motion). */
  focusOn(bounds: [number, number, number, number]) {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const pad = this.panelPadding();
    this.map?.fitBounds(bounds, { padding: { ...pad, left: pad.left + 40, bottom: pad.bottom + 40, top: pad.top + 40, right: pad.right + 40 }, maxZoom: 15, duration: reduce ? 0 : 1200 });
  }

  /** Flies to a camera, or jumps there when the user prefers reduced motion. */
  flyToCamera(camera: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }) {
    const map = this.map;
    if (!map) return;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) map.jumpTo(camera);
    else map.flyTo({ ...camera, duration: 2400, essential: false });
  }

  /** The map as drawn now, as a data URL. */
  async capture(type = 'image/png'): Promise<string> {
    const map = this.map!;
    if (!map.loaded()) await new Promise((r) => map.once('idle', r));
    return new Promise((resolve) => {
      map.once('render', () => resolve(map.getCanvas().toDataURL(type, 0.9)));
      map.triggerRepaint();
    });
  }

  /** The whole district as a picture, whatever the user's view; the view is put back after. */
  async captureDistrict(type = 'image/jpeg'): Promise<string> {
    const map = this.map!;
    const before = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
    const camera = map.cameraForBounds(DISTRICT_BOUNDS, { padding: 20 });
    if (camera) map.jumpTo({ ...camera, bearing: 0, pitch: 0 });
    await new Promise((r) => map.once('idle', r));
    const url = await this.capture(type);
    map.jumpTo(before);
    return url;
  }

  /**
   * The map as drawn now, as a PNG file, with the data's credit written in its corner: the
   * attribution control is page markup, not part of the canvas, and the licence asks that the
   * credit travel with the picture.
   */
  async png(): Promise<Blob> {
    const img = new Image();
    img.src = await this.capture('image/png');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const scale = canvas.width / Math.max(1, this.map!.getCanvas().clientWidth);
    const text = t(this.lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence });
    g.font = `${Math.round(12 * scale)}px ${getComputedStyle(this).fontFamily || 'sans-serif'}`;
    const pad = Math.round(4 * scale);
    const w = g.measureText(text).width + 2 * pad;
    const h = Math.round(18 * scale);
    g.fillStyle = 'rgb(255 255 255 / 0.85)';
    g.fillRect(canvas.width - w, canvas.height - h, w, h);
    g.fillStyle = '#263238';
    g.textBaseline = 'middle';
    g.fillText(text, canvas.width - w + pad, canvas.height - h / 2);
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  }

  /** The map as drawn at a camera, as a JPEG data URL (for handouts and exports). */
  async snapshot(camera: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }): Promise<string> {
    const map = this.map!;
    map.jumpTo(camera);
    await new Promise((r) => map.once('idle', r));
    // Read the canvas inside a render callback, while the drawing buffer still holds the frame.
    return new Promise((resolve) => {
      map.once('render', () => resolve(map.getCanvas().toDataURL('image/jpeg', 0.85)));
      map.triggerRepaint();
    });
  }

  /** Room for the side panel (desktop) or bottom sheet (phone), so the district is not hidden. */
  private panelPadding() {
    const w = this.clientWidth || innerWidth;
    const h = this.clientHeight || innerHeight;
    return w > 700 ? { left: 390, right: 60, top: 30, bottom: 30 } : { left: 12, right: 12, top: 70, bottom: Math.round(h * 0.42) };
  }

  /** Adds a style layer at its place in Z_ORDER, whatever is on the map already. */
  private place(spec: LayerSpecification): boolean {
    const map = this.map!;
    if (map.getLayer(spec.id)) return false;
    const i = Z_ORDER.indexOf(spec.id);
    const before = i < 0 ? undefined : Z_ORDER.slice(i + 1).find((id) => map.getLayer(id));
    map.addLayer(spec, before);
    return true;
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private hasSource(id: SourceId): boolean {
    if (isAnalysis(id)) return this.analysis;
    return this.available.some((l) => l.id === id);
  }

  /** The map source a layer's features are in, once it is on the map. */
  private sourceOf(id: SourceId): string | undefined {
    const src = isAnalysis(id) ? id : SHIPPED;
    return this.hasSource(id) && this.map!.getSource(src) ? src : undefined;
  }

  private sync(changed: Set<string>) {
    const map = this.map!;
    let dataChanged = false;
    const hadRings = Boolean(map.getSource('rings'));
    const hadShipped = Boolean(map.getSource(SHIPPED));
    if (changed.has('shippedError')) this.shippedFailed = this.shippedError;
    if (changed.has('shipped') && hadShipped && this.shipped) {
      (map.getSource(SHIPPED) as GeoJSONSource).setData(this.shipped);
      dataChanged = true;
    }
    if (changed.has('shipped') || changed.has('available') || changed.has('analysis')) dataChanged = this.addMissing() || dataChanged;
    // Sources just added already hold the current rings and gaps.
    if ((changed.has('mode') || changed.has('sports') || changed.has('ringsData')) && hadRings) {
      (map.getSource('rings') as GeoJSONSource).setData(this.ringsData ?? ringsUrl(this.mode, this.sports));
      dataChanged = true;
    }
    if (changed.has('gaps') && hadRings) {
      (map.getSource('gaps') as GeoJSONSource).setData(this.gaps ?? EMPTY);
      dataChanged = true;
    }
    if (changed.has('visible') || dataChanged) this.applyVisibility();
    if (changed.has('lang') || dataChanged) this.applyLang();
    if (changed.has('lang')) this.applyAttribution();
    if (changed.has('basemap')) this.applyBasemap();
    if (changed.has('selected') || dataChanged) this.applySelection();
    if (changed.has('keyboard')) this.keyboard ? map.keyboard.enable() : map.keyboard.disable();
    if (changed.has('nearby')) this.applyNearby();
    if (changed.has('clickMode')) map.getCanvas().style.cursor = this.clickMode === 'select' ? '' : 'crosshair';
    if (changed.has('proposals') || changed.has('draft')) this.applyEdits();
    if (changed.has('closures') || dataChanged) this.applyClosures();
    if (dataChanged || changed.has('available') || changed.has('shippedError') || (changed.has('pending') && !this.pending)) this.settle();
  }

  /** Adds sources and style layers for data that has arrived; true if anything was added. */
  private addMissing(): boolean {
    const map = this.map!;
    let added = false;
    // Tiles up to z12 only (overzoomed beyond): ~15 m of generalisation, well inside the data's
    // own accuracy, and far fewer tiles to cut and draw — and one label per polygon, not one
    // per tile it crosses.
    // The shipped layers' source goes first, as soon as its data is in, before the list of
    // layers has arrived: the map's worker takes sources one at a time, and this one carries
    // most of the drawing.
    if (!map.getSource(SHIPPED) && this.shipped) {
      map.addSource(SHIPPED, { type: 'geojson', data: this.shipped, maxzoom: 12 });
      added = true;
    }
    if (this.analysis && !map.getSource('rings')) {
      map.addSource('rings', { type: 'geojson', data: this.ringsData ?? ringsUrl(this.mode, this.sports), maxzoom: 12 });
      map.addSource('gaps', { type: 'geojson', data: this.gaps ?? EMPTY, maxzoom: 12 });
      added = true;
    }
    const addLayer = (source: SourceId, spec: StyleLayer) => {
      const src = this.sourceOf(source);
      if (!src) return;
      const filter = withinSource(source, spec.filter);
      // New layers need the language, visibility and selection applied, as new data does.
      if (this.place({ ...spec, source: src, ...(filter ? { filter } : {}) } as LayerSpecification)) added = true;
    };
    for (const l of BOUNDARY_LAYERS) addLayer('boundary', l);
    addLayer('boundary', BOUNDARY_LINE);
    for (const group of LAYER_GROUPS) for (const l of group.layers) addLayer(group.source, l);
    for (const { source, layer } of PLAN_LABELS) addLayer(source, layer);
    return added;
  }

  /** Proposed sites and the outline being drawn, above the plan and below the Nearby overlay. */
  private applyEdits() {
    const map = this.map!;
    const draft: FeatureCollection = {
      type: 'FeatureCollection',
      features: (this.draft ?? []).length
        ? [
            { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: this.draft!.length > 1 ? this.draft! : [this.draft![0]!, this.draft![0]!] } },
            ...this.draft!.map((c): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })),
          ]
        : [],
    };
    const prop = map.getSource('proposals') as GeoJSONSource | undefined;
    if (prop) {
      prop.setData(this.proposals ?? EMPTY);
      (map.getSource('draft') as GeoJSONSource).setData(draft);
      return;
    }
    // No sources until there is something to show (each is work for the map's worker).
    if (!this.proposals?.features.length && !draft.features.length) return;
    const P = PALETTE.proposal;
    map.addSource('proposals', { type: 'geojson', data: this.proposals ?? EMPTY });
    map.addSource('draft', { type: 'geojson', data: draft });
    const poly: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
    const point: FilterSpecification = ['==', ['geometry-type'], 'Point'];
    this.place({ id: 'proposals-fill', type: 'fill', source: 'proposals', filter: poly, paint: { 'fill-color': P, 'fill-opacity': 0.35 } });
    this.place({ id: 'proposals-line', type: 'line', source: 'proposals', filter: poly, paint: { 'line-color': P, 'line-width': 2.5 } });
    this.place({ id: 'proposals-point', type: 'circle', source: 'proposals', filter: point, paint: { 'circle-radius': 9, 'circle-color': P, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } });
    this.place({ id: 'proposals-label', type: 'symbol', source: 'proposals', layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.4] }, paint: { 'text-color': P, 'text-halo-color': '#fff', 'text-halo-width': 1.5 } });
    this.place({ id: 'draft-line', type: 'line', source: 'draft', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': P, 'line-width': 2, 'line-dasharray': [2, 1] } });
    this.place({ id: 'draft-point', type: 'circle', source: 'draft', filter: point, paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': P, 'circle-stroke-width': 2 } });
    this.enableProposalDrag(map);
  }

  /** Closed green spaces: greyed and crossed, so a closure is visible at a glance. */
  private applyClosures() {
    const map = this.map!;
    const source = this.sourceOf('greenspaces');
    // No closure layers until something is closed (each layer is work for every tile).
    if (!source || (!this.closures.length && !map.getLayer('greenspaces-closed-fill'))) return;
    const closed: FilterSpecification = ['in', ['get', 'id'], ['literal', this.closures]];
    const fill = withinSource('greenspaces', ['all', ['==', ['geometry-type'], 'Polygon'], closed])!;
    const point = withinSource('greenspaces', ['all', ['==', ['geometry-type'], 'Point'], closed])!;
    if (!map.getLayer('greenspaces-closed-fill')) {
      this.place({ id: 'greenspaces-closed-fill', type: 'fill', source, filter: fill, paint: { 'fill-antialias': false, 'fill-color': '#9e9e9e', 'fill-opacity': 0.85 } });
      this.place({ id: 'greenspaces-closed-point', type: 'circle', source, filter: point, paint: { 'circle-radius': 7, 'circle-color': '#9e9e9e', 'circle-stroke-color': '#424242', 'circle-stroke-width': 2 } });
    }
    map.setFilter('greenspaces-closed-fill', fill);
    map.setFilter('greenspaces-closed-point', point);
  }

  private onMapClick(point: { x: number; y: number }, lngLat: [number, number]) {
    const mode = this.clickMode;
    if (mode === 'select') return this.onClick(point);
    if (mode === 'close') {
      const layers = LAYER_GROUPS.find((g) => g.id === 'greenspaces')!.layers.filter((l) => l.type === 'fill' || l.type === 'circle').map((l) => l.id).filter((id) => this.map!.getLayer(id));
      const [f] = this.map!.queryRenderedFeatures([[point.x - 6, point.y - 6], [point.x + 6, point.y + 6]], { layers });
      if (f) this.emit('map-pick', { mode, lngLat, id: String(f.properties.id) });
      return;
    }
    this.emit('map-pick', { mode, lngLat });
  }

  /** Proposed point sites can be dragged; the move is reported once, on release. */
  private enableProposalDrag(map: MapLibreMap) {
    let dragging: string | null = null;
    const moveTo = (lngLat: [number, number]) => {
      const src = map.getSource('proposals') as GeoJSONSource | undefined;
      if (!src || !this.proposals) return;
      src.setData({
        ...this.proposals,
        features: this.proposals.features.map((f) => (f.properties?.id === dragging && f.geometry.type === 'Point' ? { ...f, geometry: { type: 'Point', coordinates: lngLat } } : f)),
      });
    };
    const start = (e: MapLayerMouseEvent | MapLayerTouchEvent) => {
      if (this.clickMode === 'spot') return;
      const id = e.features?.[0]?.properties?.id;
      if (typeof id !== 'string') return;
      e.preventDefault(); // no map pan while dragging a site
      dragging = id;
      map.getCanvas().style.cursor = 'grabbing';
      const move = (ev: MapMouseEvent | MapTouchEvent) => moveTo([ev.lngLat.lng, ev.lngLat.lat]);
      const end = (ev: MapMouseEvent | MapTouchEvent) => {
        map.off('mousemove', move);
        map.off('touchmove', move);
        map.getCanvas().style.cursor = this.clickMode === 'select' ? '' : 'crosshair';
        const id2 = dragging;
        dragging = null;
        if (id2) this.emit('proposal-move', { id: id2, lngLat: [ev.lngLat.lng, ev.lngLat.lat] });
      };
      map.on('mousemove', move);
      map.on('touchmove', move);
      map.once(e.type === 'touchstart' ? 'touchend' : 'mouseup', end);
    };
    map.on('mousedown', 'proposals-point', start);
    map.on('touchstart', 'proposals-point', start);
    map.on('mouseenter', 'proposals-point', () => (map.getCanvas().style.cursor = 'grab'));
    map.on('mouseleave', 'proposals-point', () => (map.getCanvas().style.cursor = this.clickMode === 'select' ? '' : 'crosshair'));
  }

  /** The Nearby overlay sits above everything: routes (dashed when straight), then the spot. */
  private applyNearby() {
    const map = this.map!;
    const data = this.nearby ?? EMPTY;
    const src = map.getSource('nearby') as GeoJSONSource | undefined;
    if (src) {
      src.setData(data);
      return;
    }
    if (!this.nearby) return; // no source until there is something to show
    map.addSource('nearby', { type: 'geojson', data });
    const line: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
    this.place({ id: 'nearby-route-casing', type: 'line', source: 'nearby', filter: line, paint: { 'line-color': '#ffffff', 'line-width': 7 } });
    this.place({
      id: 'nearby-route', type: 'line', source: 'nearby', filter: line,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.route, 'line-width': 4, 'line-dasharray': ['case', ['==', ['get', 'kind'], 'straight'], ['literal', [1.5, 1.5]], ['literal', [1, 0]]] },
    });
    this.place({
      id: 'nearby-route-label', type: 'symbol', source: 'nearby', filter: line,
      layout: { 'symbol-placement': 'line-center', 'text-field': ['get', 'label'], 'text-size': 13, 'text-offset': [0, -0.8] },
      paint: { 'text-color': PALETTE.route, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    });
    this.place({
      id: 'nearby-spot', type: 'circle', source: 'nearby', filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 9, 'circle-color': PALETTE.route, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
    });
  }

  private applyVisibility() {
    const map = this.map!;
    const set = (id: string, on: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    for (const g of LAYER_GROUPS) for (const l of g.layers) set(l.id, this.visible.has(g.id));
    for (const { group, layer } of PLAN_LABELS) set(layer.id, this.visible.has(group));
  }

  private applyLang() {
    const map = this.map!;
    const texts = [...LAYER_GROUPS.flatMap((g) => g.layers), ...PLAN_LABELS.map((p) => p.layer)];
    for (const l of texts) {
      if (l.type === 'symbol' && map.getLayer(l.id)) map.setLayoutProperty(l.id, 'text-field', nameExpr(this.lang));
    }
  }

  /**
   * "© OpenStreetMap contributors", in the page's language, whatever else is on: the shipped
   * layers are OSM data (ODbL). Full text on a wide map; on a phone MapLibre's compact form,
   * shown open at first and folded into its (i) button once the map is moved. The basemap's
   * own credit is added beside it while the basemap is on (MapLibre merges duplicates).
   */
  private applyAttribution() {
    const map = this.map;
    if (!map || this.attributionLang === this.lang) return;
    this.attributionLang = this.lang;
    const control = new AttributionControl({ customAttribution: t(this.lang, 'osmAttribution', { url: OSM_SOURCE.copyrightUrl }) });
    if (this.attribution) map.removeControl(this.attribution);
    map.addControl(control, 'bottom-right');
    this.attribution = control;
  }

  private applyBasemap() {
    const map = this.map!;
    if (this.basemap && !map.getSource('basemap')) {
      map.addSource('basemap', { type: 'raster', tiles: [BASEMAP.tiles], tileSize: 256, attribution: BASEMAP.attribution, maxzoom: 19 });
      this.place({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.9 } });
    }
    if (map.getLayer('basemap')) map.setLayoutProperty('basemap', 'visibility', this.basemap ? 'visible' : 'none');
    if (map.getLayer('boundary-fill')) map.setPaintProperty('boundary-fill', 'fill-opacity', this.basemap ? 0.15 : 0.85);
  }

  private applySelection() {
    const map = this.map!;
    for (const src of SELECTABLE) {
      const id = this.selected?.source === src ? this.selected.id : '\u0000';
      const filter = withinSource(src, ['==', ['get', 'id'], id])!;
      const layer = `${src}-selected`;
      if (map.getLayer(layer)) map.setFilter(layer, filter);
      // The outline layer is added the first time something of its source is selected.
      else if (this.selected?.source === src && this.sourceOf(src)) {
        this.place({ id: layer, type: 'line', source: this.sourceOf(src)!, filter, paint: { 'line-color': '#000000', 'line-width': 4 } });
      }
    }
  }

  private onClick(point: { x: number; y: number }) {
    const map = this.map!;
    const box: [[number, number], [number, number]] = [[point.x - 4, point.y - 4], [point.x + 4, point.y + 4]];
    for (const gid of CLICK_ORDER) {
      const group = LAYER_GROUPS.find((g) => g.id === gid)!;
      if (!this.visible.has(gid)) continue;
      const ids = group.layers.filter((l) => l.type === 'fill' || l.type === 'circle').map((l) => l.id).filter((id) => map.getLayer(id));
      if (!ids.length) continue;
      const [f] = map.queryRenderedFeatures(box, { layers: ids });
      if (f) {
        this.emit('feature-select', { group: gid, properties: { ...f.properties }, bounds: bboxOf(f) } satisfies FeatureSelectDetail);
        return;
      }
    }
    this.emit('feature-select', null);
  }

  /** Flags the page busy, then ready once every source is loaded and the map is idle. */
  private settle() {
    const map = this.map!;
    document.documentElement.dataset.mapReady = 'false';
    this.emit('map-busy', null);
    const check = () => {
      const ids = Object.keys(map.getStyle().sources).filter((id) => id !== 'basemap');
      if (this.pending) return; // settled again once the app's data is in (see `pending`)
      // A source that failed counts as loaded: the map is idle, but not drawn.
      if (this.shippedFailed) document.documentElement.dataset.mapReady = 'error';
      else if (ids.every((id) => map.isSourceLoaded(id)) && map.loaded()) {
        document.documentElement.dataset.mapReady = 'true';
        this.emit('map-ready', { map });
      } else map.once('idle', check);
    };
    map.once('idle', check);
    // An idle map fires `idle` again only after a frame: ask for one (it joins any frame the
    // new data brings anyway).
    map.triggerRepaint();
  }
}

customElements.define('jb-map', JbMap);
