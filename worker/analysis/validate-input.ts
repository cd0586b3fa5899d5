/**
 * Checks a POSTed analysis body, or query parameters, before any analysis runs. Pure:
 * returns the parsed input or a list of problems (each naming the feature index where it
 * has one); the route turns problems into a 4xx. GeoJSON structure is checked with
 * geojson-validation, then the domain: geometry types, coordinate ranges, distance from
 * Jiangbei, tiers, radii, and size limits.
 */

import type { Feature, FeatureCollection } from 'geojson';
import * as GJV from 'geojson-validation';
import { positionsOf } from '../../domain/geo';
import { kmFromJiangbei, MAX_KM_FROM_JIANGBEI, preview, type SiteProblemCode, siteProblems } from '../../domain/sites';
import { DEFAULT_RADII, isTier, MAX_RADIUS_M, MIN_RADIUS_M, MODES, type Mode, type Radii, TIERS } from '../../domain/tiers';

export const LIMITS = {
  /** Sites per request. */
  maxFeatures: 10_000,
  /** Positions over all sites. */
  maxVertices: 200_000,
  /** Every position must lie within this distance of Jiangbei's centre (km). */
  maxKmFromJiangbei: MAX_KM_FROM_JIANGBEI,
  /** Problems listed in one error. */
  maxProblems: 20,
  /** POST body size (bytes), enforced by hono's bodyLimit. */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Suggestions per request. */
  maxSuggest: 50,
  /** Gap pieces per answer (`limit`). */
  maxPieces: 500,
  /** Population points per request (a 50 m resampling of the district is ~90,000). */
  maxPopulationPoints: 150_000,
} as const;

export interface Problem {
  /** Feature index in `sites.features`, when the problem is in one feature. */
  index?: number;
  /** Which part of the input: e.g. "sites.features[3].properties.tier", "radii.park". */
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; code: string; message: string; problems: Problem[] };

function fail<T>(code: string, problems: Problem[]): Checked<T> {
  const first = problems[0]!;
  const where = first.index !== undefined ? `Feature ${first.index}: ` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, code, message: `${where}${first.message}${more}`, problems: problems.slice(0, LIMITS.maxProblems) };
}

/**
 * True when `v` nests arrays and objects more than `cap` levels deep. Iterative: hostile
 * input nested 100,000 levels deep must not overflow the stack here, nor reach code that
 * recurses (geojson-validation stringifies bad positions).
 */
function nestedDeeperThan(v: unknown, cap: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (d >= cap) return true;
    for (const y of Array.isArray(x) ? x : Object.values(x)) if (typeof y === 'object' && y !== null) stack.push([y, d + 1]);
  }
  return false;
}

/** Levels of nesting a site's geometry may have: object → coordinates → polygon → ring → position. */
const MAX_GEOMETRY_DEPTH = 6;

/** Validates a FeatureCollection of sites. */
export function checkSites(sites: unknown): Checked<FeatureCollection> {
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
    return fail('invalid_sites', [{ field: 'sites', message: '`sites` must be a GeoJSON FeatureCollection object.' }]);
  }
  const fc = sites as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return fail('invalid_sites', [{ field: 'sites', message: '`sites` must be a GeoJSON FeatureCollection with a `features` array.' }]);
  }
  const features = fc.features as unknown[];
  if (features.length > LIMITS.maxFeatures) {
    return fail('too_many_features', [{ field: 'sites.features', message: `${features.length} features; at most ${LIMITS.maxFeatures} are accepted.` }]);
  }
  const problems: Problem[] = [];
  const add = (p: Problem) => {
    if (problems.length < LIMITS.maxProblems + 1) problems.push(p);
  };
  let vertices = 0;
  let structural = false;
  const codes = new Set<SiteProblemCode>();
  features.forEach((raw, index) => {
    const at = `sites.features[${index}]`;
    if (typeof raw === 'object' && raw !== null && nestedDeeperThan((raw as { geometry?: unknown }).geometry, MAX_GEOMETRY_DEPTH)) {
      structural = true;
      add({ index, field: `${at}.geometry`, message: 'geometry is nested deeper than GeoJSON allows (a MultiPolygon is 4 levels of arrays).' });
      return;
    }
    let gjv: string[];
    try {
      gjv = GJV.isFeature(raw, true);
    } catch {
      // geojson-validation throws on some malformed coordinates (e.g. an empty ring).
      gjv = ['its coordinates are malformed (an empty ring or position?)'];
    }
    if (gjv.length > 0) {
      structural = true;
      add({ index, field: at, message: `not a valid GeoJSON Feature: ${gjv.slice(0, 3).join('; ')}` });
      return;
    }
    const f = raw as Feature;
    vertices += positionsOf(f.geometry).length;
    for (const p of siteProblems(f)) {
      codes.add(p.code);
      add({ index, field: `${at}.${p.field}`, message: p.message });
    }
  });
  if (vertices > LIMITS.maxVertices) {
    problems.unshift({ field: 'sites', message: `${vertices} positions in all; at most ${LIMITS.maxVertices} are accepted.` });
    return fail('too_many_vertices', problems);
  }
  if (problems.length > 0) {
    const code = structural
      ? 'invalid_geojson'
      : codes.size === 1 && codes.has('unknown_tier')
        ? 'unknown_tier'
        : codes.has('far_from_district')
          ? 'far_from_district'
          : codes.has('unsupported_geometry')
            ? 'unsupported_geometry'
            : 'invalid_sites';
    return fail(code, problems);
  }
  return { ok: true, value: sites as FeatureCollection };
}

/**
 * Radii, as a query string `leisure:500,garden:1000,park:2000` (any subset; the rest keep
 * their defaults) or, in a POST body, an object `{ "park": 1500 }`. Metres, 50–3000.
 */
export function checkRadii(input: unknown): Checked<Radii> {
  const radii: Radii = { ...DEFAULT_RADII };
  if (input === undefined || input === null || input === '') return { ok: true, value: radii };
  const entries: [string, unknown][] = [];
  if (typeof input === 'string') {
    for (const part of input.split(',')) {
      if (part.trim() === '') continue;
      const m = /^\s*([a-z]+)\s*:\s*([^\s]+)\s*$/i.exec(part);
      if (!m)
        return fail('invalid_radii', [
          { field: 'radii', message: `cannot read "${part.slice(0, 40)}"; write radii as tier:metres pairs, e.g. leisure:500,garden:1000,park:2000.` },
        ]);
      entries.push([m[1]!, Number(m[2])]);
    }
  } else if (typeof input === 'object' && !Array.isArray(input)) {
    entries.push(...Object.entries(input as Record<string, unknown>));
  } else {
    return fail('invalid_radii', [{ field: 'radii', message: '`radii` must be an object like {"leisure": 500} or a string like "leisure:500,park:2000".' }]);
  }
  const problems: Problem[] = [];
  for (const [k, v] of entries) {
    if (!isTier(k)) {
      problems.push({ field: `radii.${k.slice(0, 20)}`, message: `unknown tier "${k.slice(0, 20)}" in radii; tiers are ${TIERS.join(', ')}.` });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < MIN_RADIUS_M || v > MAX_RADIUS_M) {
      problems.push({
        field: `radii.${k}`,
        message: `radius for ${k} must be a number of metres from ${MIN_RADIUS_M} to ${MAX_RADIUS_M}; got ${preview(v, 20)}.`,
      });
      continue;
    }
    radii[k] = v;
  }
  if (problems.length) return fail(problems.some((p) => p.message.startsWith('unknown tier')) ? 'unknown_tier' : 'invalid_radius', problems);
  return { ok: true, value: radii };
}

export function checkMode(input: unknown): Checked<Mode> {
  if (input === undefined || input === null || input === '') return { ok: true, value: 'radius' };
  if (typeof input === 'string' && (MODES as readonly string[]).includes(input)) return { ok: true, value: input as Mode };
  return fail('invalid_mode', [{ field: 'mode', message: `mode must be one of ${MODES.join(', ')}; got ${preview(input, 30)}.` }]);
}

export function checkTier(input: unknown, field = 'tier'): Checked<(typeof TIERS)[number]> {
  if (isTier(input)) return { ok: true, value: input };
  return fail('unknown_tier', [
    {
      field,
      message:
        input === undefined || input === ''
          ? `${field} is required: one of ${TIERS.join(', ')}.`
          : `${field} ${preview(input, 30)} is not one of ${TIERS.join(', ')}.`,
    },
  ]);
}

/** A query-string or body number within bounds. */
export function checkNumber(input: unknown, field: string, min: number, max: number, fallback?: number): Checked<number> {
  if ((input === undefined || input === null || input === '') && fallback !== undefined) return { ok: true, value: fallback };
  const v = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    return fail('invalid_parameter', [{ field, message: `${field} must be a number from ${min} to ${max}; got ${preview(input ?? null, 30)}.` }]);
  }
  return { ok: true, value: v };
}

/** A point to measure from: lon/lat in range and within reach of Jiangbei. */
export function checkPoint(lon: unknown, lat: unknown): Checked<[number, number]> {
  const x = checkNumber(lon, 'lon', -180, 180);
  if (!x.ok) return x;
  const y = checkNumber(lat, 'lat', -90, 90);
  if (!y.ok) return y;
  const d = kmFromJiangbei(x.value, y.value);
  if (d > LIMITS.maxKmFromJiangbei) {
    return fail('far_from_district', [
      { field: 'lon,lat', message: `the point is ${Math.round(d)} km from Jiangbei, Chongqing; it must lie within ${LIMITS.maxKmFromJiangbei} km.` },
    ]);
  }
  return { ok: true, value: [x.value, y.value] };
}

/**
 * Whether the shipped sports grounds count as leisure spaces: `true` or `false` (a JSON
 * boolean, or those words in a query string); absent means false.
 */
export function checkSports(input: unknown): Checked<boolean> {
  if (input === undefined || input === null || input === '') return { ok: true, value: false };
  if (input === true || input === 'true') return { ok: true, value: true };
  if (input === false || input === 'false') return { ok: true, value: false };
  return fail('invalid_parameter', [{ field: 'sports', message: `sports must be true or false; got ${preview(input, 30)}.` }]);
}

export interface AnalysisBody {
  sites: FeatureCollection;
  radii: Radii;
  mode: Mode;
  /** Count the shipped sports grounds as leisure spaces too. */
  sports: boolean;
  body: Record<string, unknown>;
}

/** Validates a POST body `{ sites, radii?, mode?, sports?, population? }` (already JSON-parsed). */
export function checkBody(body: unknown): Checked<AnalysisBody> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('invalid_body', [
      {
        field: 'body',
        message:
          'the body must be a JSON object { "sites": FeatureCollection, "radii"?: {…}, "mode"?: "radius"|"walk", "sports"?: boolean, "population"?: {…} }.',
      },
    ]);
  }
  const b = body as Record<string, unknown>;
  if (!('sites' in b)) return fail('invalid_body', [{ field: 'sites', message: 'the body has no `sites` (a GeoJSON FeatureCollection).' }]);
  const sites = checkSites(b.sites);
  if (!sites.ok) return sites;
  const radii = checkRadii(b.radii);
  if (!radii.ok) return radii;
  const mode = checkMode(b.mode);
  if (!mode.ok) return mode;
  const sports = checkSports(b.sports);
  if (!sports.ok) return sports;
  // `population`, when present, is checked by validate-population.ts (the route calls it).
  return { ok: true, value: { sites: sites.value, radii: radii.value, mode: mode.value, sports: sports.value, body: b } };
}
