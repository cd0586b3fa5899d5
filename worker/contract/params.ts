/**
 * Every request parameter, declared once: its JSON Schema and words for the OpenAPI
 * document, and the check that reads it (throwing a 4xx ApiError that names it). Routes
 * read their parameters through these, and the document is generated from the same objects,
 * so what is checked and what is published cannot drift apart.
 */
import { DEFAULT_RADII, MAX_RADIUS_M, MIN_RADIUS_M, MODES, type Mode, type Radii, TIERS, type Tier } from '../../domain/tiers';
import { type Checked, checkMode, checkNumber, checkPoint, checkRadii, checkSports, checkTier, LIMITS } from '../analysis/validate-input';
import { checkPopulation, type PopulationInput } from '../analysis/validate-population';
import { ApiError } from '../errors';
import { ID_PATTERN } from '../scenarios/secrets';

export interface Param<N extends string, T> {
  name: N;
  /** Where it comes from (default: the query string, or in a POST the query or the body). */
  in?: 'path' | 'header';
  description: string;
  /** JSON Schema of the value as a query string carries it. */
  schema: Record<string, unknown>;
  /** JSON Schema of the value in a POST body, where it differs (radii is an object there). */
  bodySchema?: Record<string, unknown>;
  required?: boolean;
  /** Reads the raw value (a query string, or a body member); throws a 4xx ApiError. */
  read: (raw: unknown) => T;
}

/** A failed check as the HTTP error it is: too large is 413, otherwise 422. */
export function ok<T>(r: Checked<T>): T {
  if (r.ok) return r.value;
  const status = r.code === 'too_many_features' || r.code === 'too_many_vertices' || r.code === 'too_many_population_points' ? 413 : 422;
  throw new ApiError(status, r.code, r.message, { problems: r.problems });
}

const param = <N extends string, T>(p: Param<N, T>) => p;

export const mode = param({
  name: 'mode',
  description:
    'Distance mode: `radius` (straight line from the site edge, default) or `walk` (straight lines on foot, the rivers crossed only on bridges a pedestrian can use).',
  schema: { type: 'string', enum: [...MODES], default: 'radius' },
  read: (v): Mode => ok(checkMode(v)),
});

export const radii = param({
  name: 'radii',
  description: `Service radii in metres, any subset (the rest keep their defaults), each ${MIN_RADIUS_M}–${MAX_RADIUS_M}. In a query: tier:metres pairs separated by commas; in a body: an object.`,
  schema: { type: 'string', example: TIERS.map((t) => `${t}:${DEFAULT_RADII[t]}`).join(',') },
  bodySchema: {
    type: 'object',
    properties: Object.fromEntries(TIERS.map((t) => [t, { type: 'number', minimum: MIN_RADIUS_M, maximum: MAX_RADIUS_M }])),
    additionalProperties: false,
  },
  read: (v): Radii => ok(checkRadii(v)),
});

export const sports = param({
  name: 'sports',
  description:
    'Count the shipped sports grounds (layer `sports`: pitches, sports centres, stadiums, tracks) as leisure spaces (休闲空间), besides the green spaces: `true` or `false` (default). With your own sites, the sports grounds are added to them.',
  schema: { type: 'boolean', default: false },
  read: (v): boolean => ok(checkSports(v)),
});

export const tier = param({
  name: 'tier',
  description: 'Tier: leisure (休闲空间), garden (街头绿园) or park (公园). Default leisure.',
  schema: { type: 'string', enum: [...TIERS], default: 'leisure' },
  read: (v): Tier => ok(checkTier(v ?? 'leisure')),
});

export const minKm2 = param({
  name: 'min_km2',
  description: 'Smallest gap returned (km²), 0–100.',
  schema: { type: 'number', minimum: 0, maximum: 100, default: 0.0025 },
  read: (v): number => ok(checkNumber(v, 'min_km2', 0, 100, 0.0025)),
});

/** A whole number from 1 to max (a query string or a body number), else 422 naming it. */
const wholeNumber = <N extends string>(name: N, description: string, max: number, dflt: number) =>
  param({
    name,
    description,
    schema: { type: 'integer', minimum: 1, maximum: max, default: dflt },
    read: (v): number => {
      const n = ok(checkNumber(v, name, 1, max, dflt));
      if (!Number.isInteger(n)) throw new ApiError(422, 'invalid_parameter', `${name} must be a whole number from 1 to ${max}.`);
      return n;
    },
  });

export const count = wholeNumber('count', `How many suggestions (1–${LIMITS.maxSuggest}).`, LIMITS.maxSuggest, 5);

export const pieceLimit = wholeNumber('limit', `How many gap pieces, the top ones (1–${LIMITS.maxPieces}).`, LIMITS.maxPieces, 50);

/** People to report rates in (POST only): see worker/analysis/validate-population.ts. */
export const population = param({
  name: 'population',
  description:
    'People as points with counts, `{ points: [[lon, lat, count], …], source?, date?, extent?, given? }`: with it, rates, suggestions and gap pieces are reported in people beside area (see the Population schema).',
  schema: { $ref: '#/components/schemas/Population' },
  read: (v): PopulationInput | null => (v === undefined || v === null ? null : ok(checkPopulation(v))),
});

/** The measuring point of /nearest: lon and lat are read together (the far-away check needs both). */
export const lon = param({
  name: 'lon',
  description: 'Longitude (WGS-84).',
  schema: { type: 'number', minimum: -180, maximum: 180 },
  required: true,
  read: (v): unknown => v,
});
export const lat = param({
  name: 'lat',
  description: 'Latitude (WGS-84).',
  schema: { type: 'number', minimum: -90, maximum: 90 },
  required: true,
  read: (v): unknown => v,
});
export const point = (x: unknown, y: unknown): [number, number] => ok(checkPoint(x, y));

/** Suggestions measure straight-line reach only; `mode` is accepted only as `radius`. */
export const radiusOnly = param({
  name: 'mode',
  description: 'Only `radius`: suggestions measure straight-line reach.',
  schema: { type: 'string', enum: ['radius'], default: 'radius' },
  read: (v): 'radius' => {
    if (v !== undefined && v !== 'radius')
      throw new ApiError(422, 'invalid_mode', 'Suggestions measure straight-line reach only: use mode=radius (or leave it out).');
    return 'radius';
  },
});

export const q = param({
  name: 'q',
  description: 'Search text: Chinese, pinyin or English; partial names work (at most 64 characters).',
  schema: { type: 'string', minLength: 1, maxLength: 64 },
  required: true,
  read: (v): string => {
    const s = typeof v === 'string' ? v : '';
    if (s.trim() === '') throw new ApiError(400, 'missing_query', 'Give a search text as ?q= (Chinese, pinyin or English; partial names work).');
    if (s.length > 64) throw new ApiError(400, 'query_too_long', 'The search text is longer than 64 characters.');
    return s;
  },
});

export const limit = param({
  name: 'limit',
  description: 'How many places (1–20).',
  schema: { type: 'integer', minimum: 1, maximum: 20, default: 8 },
  read: (v): number => {
    const text = typeof v === 'string' ? v : '8';
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 20)
      throw new ApiError(400, 'invalid_limit', `limit must be a whole number from 1 to 20, not "${text.slice(0, 16)}".`);
    return n;
  },
});

// --- shared scenarios -------------------------------------------------------------------

export const scenarioId = param({
  name: 'id',
  in: 'path',
  description: 'The scenario id: 128 random bits, base64url (22 characters). Knowing it is what allows reading.',
  schema: { type: 'string', pattern: ID_PATTERN.source },
  required: true,
  read: (v): string => {
    const id = typeof v === 'string' ? v : '';
    if (!ID_PATTERN.test(id)) throw new ApiError(404, 'scenario_not_found', `No shared scenario "${id.slice(0, 40)}" (never stored, or deleted).`);
    return id;
  },
});

export const versionNumber = param({
  name: 'n',
  in: 'path',
  description: 'A version number, from 1.',
  schema: { type: 'integer', minimum: 1 },
  required: true,
  read: (v): number => {
    const raw = typeof v === 'string' ? v : '';
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= 1)) throw new ApiError(400, 'invalid_version', `A version is a whole number from 1; got ${JSON.stringify(raw.slice(0, 20))}.`);
    return n;
  },
});

/** Read by the route once it knows the latest version (its errors name it): 428 when absent, 400 when it names no version. */
export const ifMatch = param({
  name: 'If-Match',
  in: 'header',
  description: 'The ETag of the version the edit started from, e.g. "v3".',
  schema: { type: 'string' },
  required: true,
  read: (v): string | undefined => (typeof v === 'string' ? v : undefined),
});

// biome-ignore lint/suspicious/noExplicitAny: any parameter's value type
export type AnyParam = Param<string, any>;
type Values<P extends readonly AnyParam[]> = { [K in P[number] as K['name']]: ReturnType<K['read']> };

/** Reads each parameter through its check; `get` gives the raw value (query, or query then body). */
export function readParams<const P extends readonly AnyParam[]>(params: P, get: (name: string) => unknown): Values<P> {
  const out: Record<string, unknown> = {};
  for (const p of params) out[p.name] = p.read(get(p.name));
  return out as Values<P>;
}
