/**
 * The Nearby feature as a Lit reactive controller: a spot (tapped, searched for, or located),
 * the nearest site of each tier from it in the current distance mode, a link to share it, and
 * the overlay the map draws (the spot and the ways to the sites).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feature, FeatureCollection } from 'geojson';
import { errorMessage, fetchLayer, fetchNearest, searchPlaces, shippedLayer, type Nearest, type Place } from '../api';
import { bboxOf } from '../../domain/geo';
import { areaKm2, nearestPointOn, pointInGeometry } from '../geo';
import { t, type Lang } from '../content/messages';
import { serializeNearby, type ViewState } from './view-state';
import type { ShippedController } from './shipped';
import type { CardFeature } from '../components/jb-card';
import type { JbMap } from '../components/jb-map';

type Box = [number, number, number, number];

/** What the controller needs from the page. */
export interface NearbyHost extends ReactiveControllerHost {
  readonly state: ViewState;
  /** The language the page is shown in. */
  readonly uiLang: Lang;
  readonly shipped: ShippedController;
  patchState(patch: Partial<ViewState>): void;
  readonly map: Pick<JbMap, 'focusOn'> | null;
  /** The info card shown (a result opens its site's). */
  card: (CardFeature & { id: string }) | undefined;
}

export class NearbyController implements ReactiveController {
  nearest?: Nearest;
  loading = false;
  locating = false;
  /** What went wrong, for the user ('' when nothing did). */
  message = '';
  /** Places matching the search (undefined when there is no search). */
  places?: Place[];
  shareText = '';
  private inflight?: AbortController;
  /** The last overlay and what it was made from (see `features`). */
  private shown?: { inputs: unknown[]; fc: FeatureCollection };

  constructor(private readonly host: NearbyHost) {
    host.addController(this);
  }

  hostConnected() {}

  private set(patch: Partial<Pick<NearbyController, 'nearest' | 'loading' | 'locating' | 'message' | 'places' | 'shareText'>>) {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Sets the spot; `frame` moves the camera to show the spot and its answer. */
  async setSpot(near: [number, number], frame = false) {
    this.host.patchState({ near, panel: 'nearby' });
    this.set({ shareText: '', message: '', places: undefined });
    await this.find();
    if (frame) this.frame();
  }

  /** Fits the camera to the spot and the nearest site of each tier. */
  frame() {
    const near = this.host.state.near;
    if (!near) return;
    let box: Box = [near[0], near[1], near[0], near[1]];
    for (const x of this.nearest?.tiers ?? []) {
      const f = x.id ? this.host.shipped.site(x.id)?.feature : undefined;
      if (!f || (x.distance_m ?? Infinity) > 3000) continue; // a far park would zoom the spot away
      const [w, s, e, n] = bboxOf(x.path ?? { type: 'LineString', coordinates: [near, nearestPointOn(near, f.geometry)] });
      box = [Math.min(box[0], w), Math.min(box[1], s), Math.max(box[2], e), Math.max(box[3], n)];
    }
    this.host.map?.focusOn(box);
  }

  /** The nearest sites from the spot, in the current distance mode. */
  async find() {
    const { near, mode, sports } = this.host.state;
    if (!near) return;
    this.inflight?.abort();
    const ctrl = (this.inflight = new AbortController());
    this.set({ loading: true });
    try {
      const nearest = await fetchNearest(near[0], near[1], mode, sports, ctrl.signal);
      this.set({ nearest, message: '' });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.set({ nearest: undefined, message: errorMessage(err) });
    } finally {
      if (this.inflight === ctrl) this.set({ loading: false });
    }
  }

  private async inDistrict(p: [number, number]): Promise<boolean> {
    const bundle = this.host.shipped.bundle;
    const boundary = bundle ? shippedLayer(bundle, 'boundary') : await fetchLayer('boundary');
    return boundary.features.some((f) => pointInGeometry(p, f.geometry));
  }

  locate() {
    const lang = this.host.uiLang;
    if (!('geolocation' in navigator)) {
      this.set({ message: t(lang, 'nearbyUnsupported') });
      return;
    }
    this.set({ locating: true, message: '' });
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        this.set({ locating: false });
        const p: [number, number] = [pos.coords.longitude, pos.coords.latitude];
        if (!(await this.inDistrict(p).catch(() => false))) {
          this.set({ message: t(lang, 'nearbyOutside') });
          return;
        }
        await this.setSpot(p, true);
      },
      (err) => {
        const key = err.code === err.PERMISSION_DENIED ? 'nearbyDenied' : err.code === err.TIMEOUT ? 'nearbyTimeout' : 'nearbyUnavailable';
        this.set({ locating: false, message: t(lang, key) });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  async search(q: string) {
    if (!q.trim()) {
      this.set({ places: undefined });
      return;
    }
    try {
      this.set({ places: await searchPlaces(q) });
    } catch (err) {
      this.set({ message: errorMessage(err) });
    }
  }

  async pickPlace(p: Place) {
    this.set({ places: undefined });
    await this.setSpot([p.lon, p.lat], true);
  }

  /** Flies to a result (a green space, or a sports ground when they count) and opens its card. */
  async selectSite(id: string) {
    await this.host.shipped.loaded;
    const site = this.host.shipped.site(id);
    if (!site) return;
    const f = site.feature;
    this.host.map?.focusOn(bboxOf(f.geometry));
    this.host.card = { group: site.group, properties: { ...f.properties }, id, areaKm2: areaKm2(f.geometry) };
  }

  /** Copies a link to the spot (the same answer when opened), or shows it to copy by hand. */
  async share() {
    const { state, uiLang: lang } = this.host;
    const near = state.near;
    if (!near) return;
    const link = `${location.origin}${location.pathname}${serializeNearby({ ...state, near })}`;
    try {
      await navigator.clipboard.writeText(link);
      this.set({ shareText: `${t(lang, 'nearbyCopied')}${link}` });
    } catch {
      this.set({ shareText: `${t(lang, 'nearbyShareFallback')}${link}` });
    }
  }

  /**
   * The spot and the ways to the nearest sites, for the map: the same object while its inputs
   * are the same, so the map is not handed new data, and redraws, on every render.
   */
  features(): FeatureCollection | undefined {
    const { state, uiLang: lang, shipped } = this.host;
    const near = state.near;
    if (!near || state.panel !== 'nearby') return undefined;
    const inputs = [near, this.nearest, shipped.greenspaces, shipped.sports, lang];
    if (this.shown?.inputs.every((x, i) => x === inputs[i])) return this.shown.fc;
    const features: Feature[] = [{ type: 'Feature', properties: { kind: 'spot' }, geometry: { type: 'Point', coordinates: near } }];
    const seen = new Set<string>();
    for (const x of this.nearest?.tiers ?? []) {
      if (!x.id || seen.has(x.id)) continue;
      seen.add(x.id);
      if (x.path) {
        const name = x.name_zh && lang === 'zh' ? x.name_zh : x.name_en;
        features.push({ type: 'Feature', properties: { kind: 'walk', label: `${name} · ${t(lang, 'nearbyWalkMin', { m: Math.max(1, Math.round(x.walk_min ?? 0)) })}` }, geometry: x.path });
      } else {
        const f = shipped.site(x.id)?.feature;
        if (f) features.push({ type: 'Feature', properties: { kind: 'straight', label: t(lang, 'nearbyStraight') }, geometry: { type: 'LineString', coordinates: [near, nearestPointOn(near, f.geometry)] } });
      }
    }
    this.shown = { inputs, fc: { type: 'FeatureCollection', features } };
    return this.shown.fc;
  }
}
