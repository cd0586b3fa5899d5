/**
 * The Nearby feature as a Lit reactive controller: a spot (tapped, searched for, or located),
 * the nearest site of each tier from it in the current distance mode, a link to share it, and
 * the overlay the map draws (the spot and the ways to the sites).
 */

import type { Feature, FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bboxOf } from '../../domain/geo';
import { errorMessage, fetchLayer, fetchNearest, type Nearest, type Place, searchPlaces, shippedLayer } from '../api';
import type { CardFeature } from '../components/jb-card';
import type { JbMap } from '../components/jb-map';
import { type Lang, messagesLoaded, t } from '../content/messages';
import { areaKm2, metresBetween, nearestPointOn, pointInGeometry } from '../geo';
import type { ShippedController } from './shipped';
import { serializeNearby, type ViewState } from './view-state';

type Box = [number, number, number, number];

/** Where the citizen wants to go (a green space picked in the search or the list): apart from where they are. */
export interface Destination {
  id: string;
  name_zh: string;
  name_en: string;
  /** The point the way leads to: the site's edge nearest the citizen, or its own point. */
  lon: number;
  lat: number;
}

/** The way from where the citizen is to the destination, as the data can tell it. */
export interface Route {
  distance_m: number;
  walk_min: number;
  /** Drawn straight (radius mode, or a site the walk search did not reach): rivers not considered. */
  straight: boolean;
  path: [number, number][];
}

/** "About N min on foot", or "you are there" at 0 m: a walk of no length is not a minute. */
export const walkText = (lang: Lang, distanceM: number | null | undefined, walkMin: number | null | undefined) =>
  distanceM === 0 ? t(lang, 'nearbyThere') : t(lang, 'nearbyWalkMin', { m: Math.max(1, Math.round(walkMin ?? 0)) });

/** Beyond this far from the district (km) a location gets no answer from Jiangbei's data. */
const FAR_KM = 10;

/** Walking speed behind every "minutes" on the page (the worker's WALK_M_PER_MIN). */
const M_PER_MIN = 80;

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
  /** The spot lies outside Jiangbei (the data covers Jiangbei and 2 km around it). */
  outside = false;
  destination?: Destination;
  private named?: { near: [number, number]; name: ReturnType<NearbyController['spotName']> };
  private inflight?: AbortController;
  /** The last overlay and what it was made from (see `features`). */
  private shown?: { inputs: unknown[]; fc: FeatureCollection };

  constructor(private readonly host: NearbyHost) {
    host.addController(this);
  }

  hostConnected() {}

  private set(patch: Partial<Pick<NearbyController, 'nearest' | 'loading' | 'locating' | 'message' | 'places' | 'shareText' | 'outside' | 'destination'>>) {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Sets the spot; `frame` moves the camera to show the spot and its answer. */
  async setSpot(near: [number, number], frame = false) {
    this.host.patchState({ near, panel: 'nearby' });
    this.set({ shareText: '', message: '', places: undefined, outside: !(await this.inDistrict(near).catch(() => true)) });
    if (this.destination) this.setDestination(this.destination.id);
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

  private async kmFromDistrict(p: [number, number]): Promise<number> {
    const bundle = this.host.shipped.bundle;
    const boundary = bundle ? shippedLayer(bundle, 'boundary') : await fetchLayer('boundary');
    return Math.min(...boundary.features.map((f) => metresBetween(p, nearestPointOn(p, f.geometry)) / 1000));
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
        // Near Jiangbei (across a river, in a neighbouring district): an honest answer, the nearest
        // green space in the data and what the data does not cover. Far away: say so.
        const km = await this.kmFromDistrict(p).catch(() => 0);
        if (km > FAR_KM) {
          this.set({ message: t(lang, 'nearbyFarOutside', { km: Math.round(km) }) });
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

  /**
   * A picked search hit. A green space (or sports ground) is where the citizen wants to go: it
   * becomes the destination and "where I am" stays. Any other place (a station, a landmark) is
   * where they want to know about: it becomes the spot.
   */
  async pickPlace(p: Place) {
    this.set({ places: undefined });
    await this.host.shipped.loaded;
    if ((p.layer === 'greenspaces' || p.layer === 'sports') && this.host.shipped.site(p.id)) {
      this.setDestination(p.id);
      this.frameDestination();
      return;
    }
    await this.setSpot([p.lon, p.lat], true);
  }

  /** Makes a shipped site the destination; the way leads to its edge nearest the spot. */
  setDestination(id: string) {
    const site = this.host.shipped.site(id);
    if (!site) return;
    const p = site.feature.properties ?? {};
    const near = this.host.state.near;
    const g = site.feature.geometry;
    const [lon, lat] = near
      ? nearestPointOn(near, g)
      : g.type === 'Point'
        ? (g.coordinates as [number, number])
        : (() => {
            const [w, s, e, n] = bboxOf(g);
            return nearestPointOn([(w + e) / 2, (s + n) / 2], g);
          })();
    this.set({ destination: { id, name_zh: String(p.name_zh ?? ''), name_en: String(p.name_en ?? p.name_zh ?? ''), lon, lat } });
  }

  clearDestination() {
    this.set({ destination: undefined });
  }

  /** The named station or landmark nearest the spot (within 1.5 km), so the spot reads as a place, not coordinates. */
  spotName(): { name_zh: string; name_en: string; m: number } | undefined {
    const near = this.host.state.near;
    const bundle = this.host.shipped.bundle;
    if (!near || !bundle) return undefined;
    if (this.named?.near === near) return this.named.name;
    let best: { name_zh: string; name_en: string; m: number } | undefined;
    for (const f of bundle.features) {
      const p = f.properties ?? {};
      if ((p.layer !== 'stations' && p.layer !== 'landmarks') || f.geometry.type !== 'Point' || !p.name_zh) continue;
      const m = metresBetween(near, f.geometry.coordinates as [number, number]);
      if (m <= 1500 && (!best || m < best.m)) best = { name_zh: String(p.name_zh), name_en: String(p.name_en ?? p.name_zh), m };
    }
    this.named = { near, name: best };
    return best;
  }

  /** The way from the spot to the destination: the walk search's when it found that site, else a straight line. */
  route(): Route | undefined {
    const near = this.host.state.near;
    const d = this.destination;
    if (!near || !d) return undefined;
    const hit = [...(this.nearest?.tiers ?? []), ...(this.nearest?.sites ?? [])].find((x) => x.id === d.id && x.distance_m !== null);
    if (hit && hit.distance_m !== null) {
      const path = hit.path?.coordinates ?? [near, [d.lon, d.lat] as [number, number]];
      return { distance_m: hit.distance_m, walk_min: hit.walk_min ?? hit.distance_m / M_PER_MIN, straight: !hit.path, path };
    }
    const m = metresBetween(near, [d.lon, d.lat]);
    return { distance_m: m, walk_min: m / M_PER_MIN, straight: true, path: [near, [d.lon, d.lat]] };
  }

  private frameDestination() {
    const d = this.destination;
    if (!d) return;
    const near = this.host.state.near;
    const site = this.host.shipped.site(d.id);
    let box = site ? bboxOf(site.feature.geometry) : ([d.lon, d.lat, d.lon, d.lat] as Box);
    if (near) box = [Math.min(box[0], near[0]), Math.min(box[1], near[1]), Math.max(box[2], near[0]), Math.max(box[3], near[1])];
    this.host.map?.focusOn(box);
  }

  /** Flies to a result (a green space, or a sports ground when they count) and opens its card. */
  async selectSite(id: string) {
    await this.host.shipped.loaded;
    const site = this.host.shipped.site(id);
    if (!site) return;
    const f = site.feature;
    this.setDestination(id);
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
    if ((!near && !this.destination) || state.panel !== 'nearby') return undefined;
    // The labels' words too: English may still be loading on the first renders.
    const inputs = [near, this.nearest, shipped.greenspaces, shipped.sports, lang, messagesLoaded(lang), this.destination];
    if (this.shown?.inputs.every((x, i) => x === inputs[i])) return this.shown.fc;
    const features: Feature[] = near ? [{ type: 'Feature', properties: { kind: 'spot' }, geometry: { type: 'Point', coordinates: near } }] : [];
    const seen = new Set<string>();
    for (const x of near ? (this.nearest?.tiers ?? []) : []) {
      // Nothing to draw to a site the spot is in.
      if (!x.id || seen.has(x.id) || x.distance_m === 0) continue;
      seen.add(x.id);
      if (x.path) {
        const name = x.name_zh && lang === 'zh' ? x.name_zh : x.name_en;
        features.push({
          type: 'Feature',
          properties: { kind: 'walk', label: `${name} · ${walkText(lang, x.distance_m, x.walk_min)}` },
          geometry: x.path,
        });
      } else {
        const f = shipped.site(x.id)?.feature;
        if (f && near)
          features.push({
            type: 'Feature',
            properties: { kind: 'straight', label: t(lang, 'nearbyStraight') },
            geometry: { type: 'LineString', coordinates: [near, nearestPointOn(near, f.geometry)] },
          });
      }
    }
    const d = this.destination;
    const way = this.route();
    if (d && way) {
      const name = lang === 'zh' ? d.name_zh : d.name_en;
      features.push({
        type: 'Feature',
        properties: { kind: way.straight ? 'straight' : 'walk', label: `${name} · ${walkText(lang, way.distance_m, way.walk_min)}` },
        geometry: { type: 'LineString', coordinates: way.path },
      });
    }
    if (d) features.push({ type: 'Feature', properties: { kind: 'destination' }, geometry: { type: 'Point', coordinates: [d.lon, d.lat] } });
    this.shown = { inputs, fc: { type: 'FeatureCollection', features } };
    return this.shown.fc;
  }
}
