import type { FeatureCollection } from 'geojson';
import { html, LitElement, type PropertyValues } from 'lit';
import type { ErrorEvent, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { gapsUrl, type LayerInfo, type Mode, ringsUrl, type Tier } from '../api';
import type { GroupId, SourceId } from '../content/layer-groups';
import { DISTRICT_BOUNDS } from '../content/map-theme';
import type { Lang } from '../content/messages';
import { emit } from '../events';
import { cameraPadding, HANDOUT_MAP, REPORT_MAP } from '../layout';
import { showAttribution } from '../map/attribution';
import { type Camera, flyToCamera, focusOn } from '../map/camera';
import { createMap } from '../map/create';
import { FeatureSelect, type FeatureSelectDetail } from '../map/feature-select';
import { type ClickMode, MapPick, type MapPickDetail } from '../map/map-pick';
import { EMPTY, setClosures, setEdits, setNearby, setSelection, setSuggestions, setUploaded } from '../map/overlays';
import type { PngFrame } from '../map/png-frame';
import { ProposalDrag } from '../map/proposal-drag';
import { settle } from '../map/readiness';
import { addPlanLayers, initialStyle, isAnalysis, labelLanguage, removePlanLayers, SHIPPED, showBasemap, showGroups } from '../map/style';
import { styles } from './jb-map.styles';

export type { ClickMode, FeatureSelectDetail, MapPickDetail };

/** What the map is brought up to date with once its style is in (the rest is in its first style). */
const SYNCED_AT_START =
  'shipped shippedError available visible lang basemap gaps selected keyboard nearby proposals suggestions uploaded draft closures ringsData clickMode';

declare global {
  interface Window {
    /** The MapLibre map, for tests and the console. */
    jbMap?: MapLibreMap;
  }
}

/**
 * <jb-map>: owns the MapLibre map and wires small units to it: style layers are data
 * (`content/layer-groups.ts`, `content/overlay-layers.ts`) placed by `map/style.ts` and
 * `map/overlays.ts`; each interaction is a unit of its own in `map/` (select, pick, drag),
 * switched on and off with `enable()`/`disable()`; pictures go through `map/capture.ts`.
 * Properties down: `available` (shipped layers), `shipped` (their data, one FeatureCollection),
 * `shippedError` (that data failed to load), `visible` groups, `lang`, `mode`, `sports`
 * (sports grounds counted in the shipped rings),
 * `tier` (whose gaps are drawn), `gaps` (a scenario's), `basemap`,
 * `selected`, `nearby`, `clickMode`, `proposals`, `suggestions` (not yet accepted), `uploaded`, `draft`, `closures`, `ringsData`, `keyboard`,
 * `view` (initial camera), `pending` (the app is still fetching data the map will show).
 * Events up: `map-started` (style and data in: the page may build the rest), `map-ready` (all
 * shown sources loaded, map idle), `map-busy`,
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
    tier: { type: String },
    gaps: { attribute: false },
    basemap: { type: Boolean },
    selected: { attribute: false },
    nearby: { attribute: false },
    clickMode: { type: String },
    proposals: { attribute: false },
    suggestions: { attribute: false },
    uploaded: { attribute: false },
    draft: { attribute: false },
    closures: { attribute: false },
    ringsData: { attribute: false },
    keyboard: { type: Boolean },
    view: { attribute: false },
    label: { type: String },
    pending: { type: Boolean },
  };

  static override styles = styles;

  declare available: LayerInfo[];
  /** The shipped layers' data could not be loaded: the map is blank, and says so. */
  declare shippedError: boolean;
  declare visible: Set<GroupId>;
  declare lang: Lang;
  declare mode: Mode;
  /** The shipped rings count sports grounds as leisure spaces. */
  declare sports: boolean;
  /** The shipped layers' data (the page fetches it as it starts and hands it over; see jb-app). */
  declare shipped: FeatureCollection | undefined;
  /** The tier whose gaps are drawn. */
  declare tier: Tier;
  /** Gaps of a scenario; when unset the shipped gaps of `tier` are drawn. */
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
  /** Suggested sites with their catchments, before the planner accepts them. */
  declare suggestions: FeatureCollection | undefined;
  /** The planner's uploaded green spaces, while the analysis uses them. */
  declare uploaded: FeatureCollection | undefined;
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
  private styleLoaded = false;
  /** A box asked to be framed before the map was made (it waits for the shipped data). */
  private focusLater?: [number, number, number, number];
  /** What each source was last given: the same URL or object again is not sent again. */
  private readonly given = new Map<typeof SHIPPED | 'rings' | 'gaps', string | FeatureCollection>();
  /** The interactions, one a unit: which click handler is on follows `clickMode`. */
  private select?: FeatureSelect;
  private pick?: MapPick;
  private drag?: ProposalDrag;
  /** The shipped layers' data failed to load (until `reload`). */
  private shippedFailed = false;
  /** The basemap's tiles failed since it was last turned on. */
  private basemapFailed = false;

  constructor() {
    super();
    this.available = [];
    this.shippedError = false;
    this.visible = new Set();
    this.lang = 'zh';
    this.mode = 'radius';
    this.sports = false;
    this.tier = 'leisure';
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

  /**
   * Made once the shipped layers' data is in (or failed), with that data in its first style:
   * MapLibre's worker then starts on it at once, not after a first frame drawn empty (measured:
   * map-ready ~0.1 s sooner). The data comes early: index.html preloads it.
   */
  private create() {
    if (this.shipped) this.given.set(SHIPPED, this.shipped);
    this.given.set('rings', this.ringsNow()).set('gaps', this.gapsNow());
    const data = { [SHIPPED]: this.shipped ?? EMPTY, rings: this.given.get('rings')!, gaps: this.given.get('gaps')! };
    const style = initialStyle(data, (id) => this.sourceId(id), this.visible, this.lang);
    const map = createMap(this.renderRoot.querySelector<HTMLElement>('#map')!, style, this.view, () => this.padding());
    if (this.focusLater) focusOn(map, this.focusLater, this.padding());
    showAttribution(map, this.lang);
    map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
      // Tiles that do not come (offline, blocked): said once each time the basemap is turned on.
      if (e.sourceId === 'basemap') {
        if (this.basemap && !this.basemapFailed) emit(this, 'basemap-failed');
        this.basemapFailed = true;
        return;
      }
      // The shipped layers are the map: without them it is blank, so the page must say so.
      const fatal = e.sourceId === SHIPPED;
      if (fatal) this.shippedFailed = true;
      emit(this, 'map-error', { message: e.error?.message ?? 'map error', fatal });
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      emit(this, 'view-change', { center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    this.select = new FeatureSelect(map, { visible: () => this.visible, select: (detail) => emit(this, 'feature-select', detail) });
    this.pick = new MapPick(map, { mode: () => this.clickMode, pick: (detail) => emit(this, 'map-pick', detail) });
    this.drag = new ProposalDrag(map, {
      proposals: () => this.proposals,
      locked: () => this.clickMode === 'spot',
      idleCursor: () => this.idleCursor(),
      moved: (id, lngLat) => emit(this, 'proposal-move', { id, lngLat }),
    });
    this.applyClickMode();
    this.map = map;
    window.jbMap = map;
    // Layers go on as soon as the style is in, not at `load` (which waits for every source's
    // data): their tiles are cut while the rest of the data is still being parsed.
    map.once('style.load', () => {
      this.styleLoaded = true;
      // Said a task later: MapLibre posts the sources' data to its worker in microtasks after
      // this event, and what the page renders on hearing it would otherwise go first.
      setTimeout(() => emit(this, 'map-started'));
      this.sync(new Set(SYNCED_AT_START.split(' ')));
    });
  }

  override updated(changed: PropertyValues<this>) {
    if (!this.map && (this.shipped || this.shippedError)) this.create();
    if (changed.has('clickMode')) this.applyClickMode();
    if (this.styleLoaded) this.sync(new Set([...changed.keys()] as string[]));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.select?.disable();
    this.pick?.disable();
    this.drag?.disable();
    this.map?.remove();
    this.map = undefined;
  }

  /**
   * Draws the map's data again after a failure: the shipped layers (as the page now has them;
   * it fetches them again itself), the rings and the gaps.
   */
  reload() {
    const map = this.map;
    if (!map || !this.styleLoaded) return;
    this.shippedFailed = this.shippedError;
    this.given.clear();
    if (this.shipped) this.setSource(SHIPPED, this.shipped);
    this.setSource('rings', this.ringsNow());
    this.setSource('gaps', this.gapsNow());
    this.settle();
  }

  /** Moves the camera to a lon/lat box, clear of the side panel (../map/camera.ts). */
  focusOn(bounds: [number, number, number, number]) {
    if (this.map) focusOn(this.map, bounds, this.padding());
    else this.focusLater = bounds;
  }

  /** Flies to a camera; `room` keeps its centre clear of what covers the map (the tour's bar and caption). */
  flyToCamera(camera: Camera, room?: { top: number; bottom: number }) {
    if (this.map) flyToCamera(this.map, camera, room);
  }

  /** Gives the camera the whole map again (after the tour's caption is gone). */
  clearRoom() {
    this.map?.setPadding({ top: 0, bottom: 0, left: 0, right: 0 });
  }

  /** The map as drawn now, as a data URL. (Pictures are code for exports only: loaded on the first.) */
  async capture(type = 'image/png'): Promise<string> {
    return (await import('../map/capture')).captureNow(this.map!, type, 0.9);
  }

  /** The whole district as a picture, whatever the user's view; the view is put back after. */
  async captureDistrict(type = 'image/jpeg'): Promise<string> {
    // Drawn as wide as the report prints it (so labels print at screen size), twice as sharp.
    return (await import('../map/capture')).captureBoundsSized(this.map!, DISTRICT_BOUNDS, REPORT_MAP, type, 0.9);
  }

  /**
   * The map as drawn now, as a PNG file framed for handing on: `frame` gives its title line,
   * date/scenario line and legend; the scale bar and the data's credit are added here.
   */
  async png(frame: Pick<PngFrame, 'title' | 'subtitle' | 'legend'>): Promise<Blob> {
    const { mapPng } = await import('../map/png-frame');
    return mapPng(this.map!, await this.capture('image/png'), frame, this.lang, getComputedStyle(this).fontFamily || 'sans-serif');
  }

  /** What the screen shows at a camera, as a JPEG data URL sized for the tour's handout (labels legible in print). */
  async snapshot(camera: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }): Promise<string> {
    return (await import('../map/capture')).captureCameraSized(this.map!, camera, HANDOUT_MAP, 'image/jpeg', 0.85);
  }

  /** Room for the side panel or bottom sheet, so the camera frames nothing under it. */
  private padding() {
    return cameraPadding(this.clientWidth || innerWidth, this.clientHeight || innerHeight);
  }

  /** A click selects a feature or picks a place, never both. */
  private applyClickMode() {
    if (this.clickMode === 'select') {
      this.pick?.disable();
      this.select?.enable();
    } else {
      this.select?.disable();
      this.pick?.enable();
    }
  }

  /** The canvas cursor outside a drag: a crosshair while a click picks a place. */
  private idleCursor() {
    return this.clickMode === 'select' ? '' : 'crosshair';
  }

  /** Gives a source new data (a URL or a FeatureCollection); false if it already has it. */
  private setSource(id: typeof SHIPPED | 'rings' | 'gaps', data: string | FeatureCollection): boolean {
    if (this.given.get(id) === data) return false;
    this.given.set(id, data);
    (this.map!.getSource(id) as GeoJSONSource).setData(data);
    return true;
  }

  /**
   * The rings drawn: the scenario's, or the shipped ones for the mode (fetched by the map) —
   * once the shipped layers' data is in: MapLibre's worker takes sources one at a time, and
   * that one carries most of the drawing, so it goes first.
   */
  private ringsNow() {
    return this.ringsData ?? (this.given.has(SHIPPED) ? ringsUrl(this.mode, this.sports) : EMPTY);
  }

  /** The gaps drawn: the scenario's, or the shipped ones of the tier and mode (fetched by the map, after the shipped layers). */
  private gapsNow() {
    return this.gaps ?? (this.given.has(SHIPPED) ? gapsUrl(this.tier, this.mode, this.sports) : EMPTY);
  }

  /**
   * Whether a layer's features can be on the map: the analysis always; a shipped layer unless
   * the layer list, once in, lacks it (until then every layer goes on, so none waits for the list).
   */
  private hasSource(id: SourceId): boolean {
    return isAnalysis(id) || this.available.length === 0 || this.available.some((l) => l.id === id);
  }

  /** The map source a layer's features are in, if they can be on the map. */
  private sourceId(id: SourceId): string | undefined {
    return this.hasSource(id) ? (isAnalysis(id) ? id : SHIPPED) : undefined;
  }

  /** The map source a layer's features are in, once it is on the map. */
  private sourceOf(id: SourceId): string | undefined {
    const src = this.sourceId(id);
    return src && this.map!.getSource(src) ? src : undefined;
  }

  private sync(changed: Set<string>) {
    const map = this.map!;
    let dataChanged = false;
    if (changed.has('shippedError')) this.shippedFailed = this.shippedError;
    if (changed.has('shipped') && this.shipped) dataChanged = this.setSource(SHIPPED, this.shipped);
    if (changed.has('available')) {
      removePlanLayers(map, (id) => !this.hasSource(id));
      dataChanged = addPlanLayers(map, (id) => this.sourceOf(id), this.visible, this.lang) || dataChanged;
    }
    if (['shipped', 'mode', 'sports', 'ringsData'].some((k) => changed.has(k))) dataChanged = this.setSource('rings', this.ringsNow()) || dataChanged;
    if (['shipped', 'mode', 'sports', 'tier', 'gaps'].some((k) => changed.has(k))) dataChanged = this.setSource('gaps', this.gapsNow()) || dataChanged;
    if (changed.has('visible') || dataChanged) showGroups(map, this.visible);
    if (changed.has('lang') || dataChanged) labelLanguage(map, this.lang);
    if (changed.has('lang')) showAttribution(this.map!, this.lang);
    if (changed.has('basemap')) {
      if (this.basemap) this.basemapFailed = false;
      showBasemap(map, this.basemap);
    }
    if (changed.has('selected') || dataChanged) setSelection(map, this.selected, (src) => this.sourceOf(src));
    if (changed.has('keyboard')) this.keyboard ? map.keyboard.enable() : map.keyboard.disable();
    if (changed.has('nearby')) setNearby(map, this.nearby);
    if (changed.has('suggestions')) setSuggestions(map, this.suggestions);
    if (changed.has('uploaded')) setUploaded(map, this.uploaded);
    if (changed.has('clickMode')) map.getCanvas().style.cursor = this.idleCursor();
    if ((changed.has('proposals') || changed.has('draft')) && setEdits(map, this.proposals, this.draft)) this.drag!.enable();
    if (changed.has('closures') || changed.has('uploaded') || dataChanged) setClosures(map, this.sourceOf('greenspaces'), this.closures);
    if (dataChanged || changed.has('available') || changed.has('shippedError') || (changed.has('pending') && !this.pending)) this.settle();
  }

  /** Flags the page busy, then ready once the map has drawn what it was given (../map/readiness.ts). */
  private settle() {
    const map = this.map!;
    settle(map, {
      pending: () => this.pending,
      failed: () => this.shippedFailed,
      busy: () => emit(this, 'map-busy'),
      ready: () => emit(this, 'map-ready', { map }),
    });
  }
}

customElements.define('jb-map', JbMap);
