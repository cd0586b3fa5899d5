/**
 * What a link restores: camera, analysis mode, selected tier, whether sports grounds count as
 * leisure spaces, visible layer groups, language, open panel, a shared scenario. Pure parse/serialise over the query string; jb-app writes it back with
 * history.replaceState so Back is never flooded with camera moves.
 */
import { TIERS } from '../../domain/tiers';
import type { Mode, Tier } from '../api';
import { DEFAULT_VISIBLE, type GroupId, LAYER_GROUPS } from '../content/layer-groups';
import type { Lang } from '../content/messages';
export type PanelId = 'layers' | 'coverage' | 'nearby' | 'plan' | 'about';

const PANELS: readonly PanelId[] = ['layers', 'coverage', 'nearby', 'plan', 'about'];

export interface ViewState {
  center?: [number, number];
  zoom?: number;
  mode: Mode;
  tier: Tier;
  /** Sports grounds count as leisure-tier sites in the coverage analysis (`sports=true`). */
  sports: boolean;
  visible: Set<GroupId>;
  lang?: Lang;
  panel: PanelId;
  /** The Nearby spot (a shared `?near=lon,lat` link opens the Nearby panel there). */
  near?: [number, number];
  /** Tour chapter, from 1; undefined when not touring. */
  tour?: number;
  /** A shared scenario opened read-only (`?scenario=<id>`, opens the Plan panel). */
  scenario?: string;
}

/** A shared scenario's id: 128 bits in base64url (see worker/scenarios/secrets.ts). */
const SCENARIO_ID = /^[A-Za-z0-9_-]{22}$/;

export function defaultState(): ViewState {
  return { mode: 'radius', tier: 'leisure', sports: false, visible: new Set(DEFAULT_VISIBLE), panel: 'coverage' };
}

const num = (s: string | null, lo: number, hi: number): number | undefined => {
  if (s === null || s.trim() === '') return undefined;
  const v = Number(s);
  return Number.isFinite(v) && v >= lo && v <= hi ? v : undefined;
};

/** The visible groups with `id` shown (`on`) or hidden: a new set, the state is never edited in place. */
export function withGroup(visible: ReadonlySet<GroupId>, id: GroupId, on: boolean): Set<GroupId> {
  const next = new Set(visible);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

const without = new WeakMap<ReadonlySet<GroupId>, Map<GroupId, Set<GroupId>>>();
/** The visible groups less one: the same set for the same input, so the map is not told of a change on every render. */
export function withoutGroup(visible: ReadonlySet<GroupId>, id: GroupId): Set<GroupId> {
  let byId = without.get(visible);
  if (!byId) without.set(visible, (byId = new Map()));
  let next = byId.get(id);
  if (!next) byId.set(id, (next = withGroup(visible, id, false)));
  return next;
}

/** Reads state from a query string; anything malformed falls back to the default. */
export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const state = defaultState();
  const c = q.get('c')?.split(',');
  if (c && c.length === 2) {
    const lon = num(c[0]!, 105, 111);
    const lat = num(c[1]!, 28, 33);
    if (lon !== undefined && lat !== undefined) state.center = [lon, lat];
  }
  state.zoom = num(q.get('z'), 0, 22);
  const mode = q.get('mode');
  if (mode === 'radius' || mode === 'walk') state.mode = mode;
  const tier = q.get('tier');
  if (TIERS.includes(tier as Tier)) state.tier = tier as Tier;
  // The API's own spelling; '1' too, as people shorten links.
  state.sports = ['true', '1'].includes(q.get('sports') ?? '');
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  const panel = q.get('panel');
  if (PANELS.includes(panel as PanelId)) state.panel = panel as PanelId;
  const near = q.get('near')?.split(',');
  if (near && near.length === 2) {
    const lon = num(near[0]!, 105, 111);
    const lat = num(near[1]!, 28, 33);
    if (lon !== undefined && lat !== undefined) {
      state.near = [lon, lat];
      if (!panel) state.panel = 'nearby';
    }
  }
  const scenario = q.get('scenario');
  if (scenario && SCENARIO_ID.test(scenario)) {
    state.scenario = scenario;
    if (!panel) state.panel = 'plan';
  }
  const tour = num(q.get('tour'), 1, 999);
  if (tour !== undefined) state.tour = Math.floor(tour);
  const layers = q.get('layers');
  if (layers !== null) {
    const known = new Set(LAYER_GROUPS.map((g) => g.id));
    state.visible = new Set(layers.split(',').filter((id): id is GroupId => known.has(id as GroupId)));
  }
  return state;
}

const lonLat = (p: [number, number]) => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;
const query = (q: URLSearchParams) => {
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
};

/** Writes state as a query string; defaults are left out so links stay short. */
export function serializeState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.center) q.set('c', lonLat(state.center));
  if (state.zoom !== undefined) q.set('z', state.zoom.toFixed(2));
  if (state.mode !== 'radius') q.set('mode', state.mode);
  if (state.tier !== 'leisure') q.set('tier', state.tier);
  if (state.sports) q.set('sports', 'true');
  if (state.lang) q.set('lang', state.lang);
  if (state.panel !== 'coverage') q.set('panel', state.panel);
  if (state.near) q.set('near', lonLat(state.near));
  if (state.tour !== undefined) q.set('tour', String(state.tour));
  if (state.scenario) q.set('scenario', state.scenario);
  const visible = LAYER_GROUPS.map((g) => g.id).filter((id) => state.visible.has(id));
  if (visible.join(',') !== DEFAULT_VISIBLE.join(',')) q.set('layers', visible.join(','));
  return query(q);
}

/**
 * The query of a shared Nearby link: the spot first, then only what changes its answer (the
 * distance mode) and the language, so the link opens the Nearby panel at the same answer.
 */
export function serializeNearby(state: ViewState & { near: [number, number] }): string {
  const q = new URLSearchParams({ near: lonLat(state.near) });
  if (state.mode !== 'radius') q.set('mode', state.mode);
  if (state.lang) q.set('lang', state.lang);
  return query(q);
}
