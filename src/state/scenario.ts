/**
 * Planner scenarios: proposed sites, closed sites, radii and mode. Pure functions for the
 * model and its GeoJSON file form, plus a store over Web Storage that never loses work
 * silently: a corrupt entry is reported and skipped, a full quota is reported to the caller.
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { siteProblems } from '../../domain/sites';
import { DEFAULT_RADII, MAX_RADIUS_M, MIN_RADIUS_M, type Mode, type Radii, TIERS, type Tier, tierFromName } from '../../domain/tiers';

export interface Proposal {
  id: string;
  tier: Tier;
  name: string;
  geometry: Point | Polygon;
  /** Set when the proposal came from an accepted suggestion. */
  gain_km2?: number;
}

export interface Scenario {
  id: string;
  name: string;
  updated: string;
  proposals: Proposal[];
  /** Ids of shipped (or uploaded) green spaces taken out of service in this scenario. */
  closures: string[];
  radii: Radii;
  mode: Mode;
}

export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export function newScenario(name: string): Scenario {
  return { id: newId('sc'), name, updated: new Date().toISOString(), proposals: [], closures: [], radii: { ...DEFAULT_RADII }, mode: 'radius' };
}

/** The sites the analysis runs over: the base green spaces, minus closures, plus proposals. */
export function scenarioSites(base: FeatureCollection, s: Scenario): FeatureCollection {
  const closed = new Set(s.closures);
  const kept = base.features.filter((f) => !closed.has(String(f.properties?.id)));
  const proposed: Feature[] = s.proposals.map((p) => ({
    type: 'Feature',
    properties: { id: p.id, tier: p.tier, name_zh: p.name, name_en: p.name, proposed: true },
    geometry: p.geometry,
  }));
  return { type: 'FeatureCollection', features: [...kept, ...proposed] };
}

// --- the file form: a FeatureCollection of the proposals, the rest in a foreign member ---

export const FILE_MEMBER = 'jiangbei_scenario';

export function toGeoJSON(s: Scenario): FeatureCollection & Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    [FILE_MEMBER]: { version: 1, name: s.name, closures: s.closures, radii: s.radii, mode: s.mode },
    features: s.proposals.map((p) => ({
      type: 'Feature',
      id: p.id,
      properties: { id: p.id, tier: p.tier, name: p.name, ...(p.gain_km2 !== undefined ? { gain_km2: p.gain_km2 } : {}) },
      geometry: p.geometry,
    })),
  };
}

export class ScenarioFileError extends Error {}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A proposal's geometry: a Point or a Polygon that passes the site rules (tier checked apart). */
function checkGeometry(g: unknown, where: string): Point | Polygon {
  const geometry = g as Point | Polygon;
  let problem: string | undefined;
  try {
    problem = siteProblems({ type: 'Feature', properties: null, geometry }, { geometries: ['Point', 'Polygon'], needsTier: false })[0]?.message;
  } catch {
    // The site rules read well-formed GeoJSON; a file may not be.
    problem = 'geometry must be a Point or a Polygon with valid lon/lat coordinates.';
  }
  if (problem) throw new ScenarioFileError(`${where}: ${problem}`);
  return geometry.type === 'Point' ? { type: 'Point', coordinates: geometry.coordinates.slice(0, 2) } : geometry;
}

/** Reads a scenario file; throws ScenarioFileError naming what is wrong. */
export function fromGeoJSON(data: unknown, fallbackName = 'Imported'): Scenario {
  const fc = data as { type?: unknown; features?: unknown; [FILE_MEMBER]?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new ScenarioFileError('The file is not a GeoJSON FeatureCollection.');
  const meta = (fc[FILE_MEMBER] ?? {}) as { name?: unknown; closures?: unknown; radii?: unknown; mode?: unknown };
  const radii: Radii = { ...DEFAULT_RADII };
  if (meta.radii && typeof meta.radii === 'object') {
    for (const tier of TIERS) {
      const r = (meta.radii as Record<string, unknown>)[tier];
      if (r !== undefined) {
        if (!isNum(r) || r < MIN_RADIUS_M || r > MAX_RADIUS_M)
          throw new ScenarioFileError(`radii.${tier} must be a number of metres from ${MIN_RADIUS_M} to ${MAX_RADIUS_M}.`);
        radii[tier] = r;
      }
    }
  }
  const proposals = (fc.features as unknown[]).map((f, i): Proposal => {
    const feat = f as { properties?: Record<string, unknown> | null; geometry?: unknown; id?: unknown };
    const p = feat?.properties ?? {};
    const tier = tierFromName(p.tier);
    if (!tier) throw new ScenarioFileError(`Feature ${i + 1}: tier must be one of ${TIERS.join(', ')}.`);
    const out: Proposal = {
      id: typeof p.id === 'string' && p.id ? p.id : newId('site'),
      tier,
      name: typeof p.name === 'string' ? p.name.slice(0, 200) : '',
      geometry: checkGeometry(feat.geometry, `Feature ${i + 1}`),
    };
    if (isNum(p.gain_km2)) out.gain_km2 = p.gain_km2;
    return out;
  });
  return {
    id: newId('sc'),
    name: typeof meta.name === 'string' && meta.name.trim() ? meta.name.slice(0, 200) : fallbackName,
    updated: new Date().toISOString(),
    proposals,
    closures: Array.isArray(meta.closures) ? meta.closures.filter((x): x is string => typeof x === 'string') : [],
    radii,
    mode: meta.mode === 'walk' ? 'walk' : 'radius',
  };
}

// --- the store -----------------------------------------------------------------------------

const KEY_PREFIX = 'jb.scenario.';
const CURRENT_KEY = 'jb.currentScenario';

export interface StoreProblem {
  key: string;
  message: string;
}

export class QuotaError extends Error {}

let lastStamp = 0;

export class ScenarioStore {
  constructor(private readonly storage: Storage) {}

  /** Every saved scenario, newest first; unreadable entries are reported, never thrown. */
  list(): { scenarios: Scenario[]; problems: StoreProblem[] } {
    const scenarios: Scenario[] = [];
    const problems: StoreProblem[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(KEY_PREFIX)) continue;
      try {
        const raw = JSON.parse(this.storage.getItem(key) ?? '') as Scenario;
        const s = { ...fromGeoJSON(raw.id ? toGeoJSON(raw) : raw), id: raw.id, name: raw.name, updated: raw.updated };
        if (typeof s.id !== 'string' || typeof s.name !== 'string') throw new Error('missing id or name');
        scenarios.push(s);
      } catch (err) {
        problems.push({ key, message: err instanceof Error ? err.message : String(err) });
      }
    }
    scenarios.sort((a, b) => b.updated.localeCompare(a.updated));
    return { scenarios, problems };
  }

  /** Saves; throws QuotaError when the browser's storage is full (the caller tells the user). */
  save(s: Scenario): Scenario {
    // Strictly increasing stamps keep "newest first" true even for saves in the same millisecond.
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    const saved = { ...s, updated: new Date(lastStamp).toISOString() };
    try {
      this.storage.setItem(KEY_PREFIX + s.id, JSON.stringify(saved));
      this.storage.setItem(CURRENT_KEY, s.id);
    } catch (err) {
      throw new QuotaError(err instanceof Error ? err.message : String(err));
    }
    return saved;
  }

  remove(id: string) {
    this.storage.removeItem(KEY_PREFIX + id);
    if (this.storage.getItem(CURRENT_KEY) === id) this.storage.removeItem(CURRENT_KEY);
  }

  /** Moves an unreadable entry aside (kept under another key, so nothing is destroyed). */
  quarantine(key: string) {
    const value = this.storage.getItem(key);
    this.storage.removeItem(key);
    if (value !== null) {
      try {
        this.storage.setItem(`jb.corrupt.${key.slice(KEY_PREFIX.length)}`, value);
      } catch {
        /* no room to keep a copy; it was unreadable anyway */
      }
    }
  }

  currentId(): string | null {
    return this.storage.getItem(CURRENT_KEY);
  }
}
