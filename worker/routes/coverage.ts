/**
 * The coverage analysis routes: thin. Each parses and validates its input (query string, or
 * a POSTed `{ sites, radii?, mode?, sports? }`), calls the pure analysis (../analysis), and
 * shapes the JSON. GET answers over the shipped data are cached per isolate and carry an
 * ETag (the `api` app's etag middleware); POST answers are computed per request. Every
 * answer echoes `sports`: whether the shipped sports grounds counted as leisure spaces.
 */
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import {
  coverageGapPieces,
  coverageGaps,
  coverageReport,
  coverageRings,
  nearestSites,
  peopleOfPoints,
  peopleSummary,
  suggest as suggestSitesFor,
  warmUp,
} from '../analysis/analyse';
import { BUDGET, type Kind, estimateWork, overBudgetMessage } from '../analysis/budget';
import type { DistrictModel } from '../analysis/model';
import type { DistrictPeople } from '../analysis/population';
import { checkPopulation, pointsExtent } from '../analysis/validate-population';
import { type Site, projectSites } from '../analysis/sites';
import type { Mode, Radii, Tier } from '../analysis/tiers';
import {
  type AnalysisBody,
  type Checked,
  LIMITS,
  checkBody,
  checkMode,
  checkNumber,
  checkPoint,
  checkRadii,
  checkSports,
  checkTier,
} from '../analysis/validate-input';
import { ApiError } from '../errors';
import { openapi } from './openapi';
import { cached, prepareShippedAnalysis, shippedModel, shippedPlaces, shippedRateIndex, shippedSitesFor, shippedSports } from './shipped-analysis';

export const analysis = new Hono();

function ok<T>(r: Checked<T>): T {
  if (r.ok) return r.value;
  const status = r.code === 'too_many_features' || r.code === 'too_many_vertices' || r.code === 'too_many_population_points' ? 413 : 422;
  throw new ApiError(status, r.code, r.message, { problems: r.problems });
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const GEOJSON_TYPE = { 'content-type': 'application/geo+json; charset=utf-8' };

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Shaped {
  geo?: boolean;
  timed?: boolean;
}

/** The answer with `sports` echoed (a foreign member on a FeatureCollection). */
const echo = <T extends object>(out: T, sports: boolean) => ({ ...out, sports });

/** Runs an analysis over the shipped sites (and sports grounds), through the per-isolate cache. */
function shipped(c: Context, inputs: string, sports: boolean, run: (model: DistrictModel, sites: Site[]) => object, shape: Shaped = {}): Response {
  const { text, hit, key } = cached(`${inputs}|sports:${sports}`, () => timed(() => echo(run(shippedModel(), shippedSitesFor(sports)), sports), shape.timed));
  // The cache key (a hash of the data and the inputs) is the ETag: the etag middleware
  // answers If-None-Match with 304 without hashing the body again.
  return c.body(text, 200, { ...(shape.geo ? GEOJSON_TYPE : JSON_TYPE), 'x-cache': hit ? 'hit' : 'miss', etag: `"${key}"` });
}

function timed(run: () => object, withTime = false): object {
  const t0 = now();
  const out = run();
  // In workerd the clock only advances across I/O, so this reads 0 there; it is real in Node.
  return withTime ? { ...out, computed_ms: Math.round((now() - t0) * 100) / 100 } : out;
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** The posted sites in grid units, plus the shipped sports grounds (as leisure spaces) when asked. */
function withSports(posted: Site[], sports: boolean): Site[] {
  return sports && shippedSports().length > 0 ? [...posted, ...shippedSports()] : posted;
}

/** A body's population, checked and put on the grid; with `source` and `date` as given. */
interface People {
  people: DistrictPeople;
  meta: { source: string | null; date: string | null };
}
function readPopulation(body: Record<string, unknown>): People | null {
  if (body.population === undefined || body.population === null) return null;
  const p = ok(checkPopulation(body.population));
  return { people: peopleOfPoints(shippedModel(), p.points, p.extent ?? pointsExtent(p.points), p.given), meta: { source: p.source, date: p.date } };
}

async function readBody(c: Context): Promise<AnalysisBody & { sitesProjected: Site[]; population: People | null }> {
  const raw = await readJson(c);
  const body = ok(checkBody(raw));
  // `sports` may come in the query string, as tier and lon/lat may.
  const sports = q(c, 'sports') !== undefined ? ok(checkSports(q(c, 'sports'))) : body.sports;
  return { ...body, sports, population: readPopulation(body.body), sitesProjected: withSports(projectSites(shippedModel().grid, body.sites), sports) };
}

/** `people` in an answer: the population's own words (source, date) beside its numbers. */
const peopleOut = (p: People | null) => (p ? { people: { ...p.meta, ...peopleSummary(p.people) } } : {});

/**
 * Refuses, before it starts, an analysis estimated to overrun the Worker's CPU (see
 * ../analysis/budget.ts): 422 analysis_too_large, saying what to reduce.
 */
function withinBudget(kind: Kind, sites: readonly Site[], radii: Radii, mode: Mode, tier?: Tier, picks = 0): void {
  const e = estimateWork(shippedModel().grid, sites, radii, mode, kind, tier, picks);
  if (e.ms > BUDGET.maxMs) {
    throw new ApiError(422, 'analysis_too_large', overBudgetMessage(e, kind), { estimated_ms: Math.round(e.ms), max_ms: BUDGET.maxMs, positions: e.positions, concave_edges: e.concaveEdges });
  }
}

const bodyTooLarge = () => {
  throw new ApiError(413, 'body_too_large', `The body is larger than ${LIMITS.maxBodyBytes / (1024 * 1024)} MiB.`, { max_bytes: LIMITS.maxBodyBytes });
};
const sizeLimit = bodyLimit({ maxSize: LIMITS.maxBodyBytes, onError: bodyTooLarge });

/** JSON bodies only (application/json, application/geo+json, any +json), and at most 4 MiB. */
const limit = createMiddleware(async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^application\/([a-z0-9.+-]*\+)?json$/.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', `Send the body as JSON with Content-Type: application/json (got ${JSON.stringify(type.slice(0, 40) || 'none')}).`);
  }
  return sizeLimit(c, next);
});

const q = (c: Context, k: string) => c.req.query(k);
/** Query value, else body value: POST routes accept either. */
const qb = (c: Context, body: Record<string, unknown>, k: string) => q(c, k) ?? body[k];

function queryCommon(c: Context): { mode: Mode; radii: Radii; sports: boolean } {
  return { mode: ok(checkMode(q(c, 'mode'))), radii: ok(checkRadii(q(c, 'radii'))), sports: ok(checkSports(q(c, 'sports'))) };
}
const key = (radii: Radii) => `${radii.leisure},${radii.garden},${radii.park}`;

// --- coverage rates -------------------------------------------------------------------
analysis.get('/coverage', (c) => {
  const { mode, radii, sports } = queryCommon(c);
  return shipped(c, `coverage|${mode}|${key(radii)}`, sports, (m, s) => coverageReport(m, s, radii, mode, shippedRateIndex(mode, sports)), { timed: true });
});
analysis.post('/coverage', limit, async (c) => {
  const b = await readBody(c);
  withinBudget('coverage', b.sitesProjected, b.radii, b.mode);
  return c.json(timed(() => echo({ ...coverageReport(shippedModel(), b.sitesProjected, b.radii, b.mode, undefined, b.population?.people), ...peopleOut(b.population) }, b.sports), true));
});

// --- rings ----------------------------------------------------------------------------
analysis.get('/coverage/rings', (c) => {
  const { mode, radii, sports } = queryCommon(c);
  return shipped(c, `rings|${mode}|${key(radii)}`, sports, (m, s) => coverageRings(m, s, radii, mode), { geo: true });
});
analysis.post('/coverage/rings', limit, async (c) => {
  const b = await readBody(c);
  withinBudget('rings', b.sitesProjected, b.radii, b.mode);
  return c.body(JSON.stringify(echo(coverageRings(shippedModel(), b.sitesProjected, b.radii, b.mode), b.sports)), 200, GEOJSON_TYPE);
});

// --- gaps -----------------------------------------------------------------------------
const minKm2 = (v: unknown) => ok(checkNumber(v, 'min_km2', 0, 100, 0.0025));
analysis.get('/gaps', (c) => {
  const { mode, radii, sports } = queryCommon(c);
  const tier: Tier = ok(checkTier(q(c, 'tier') ?? 'leisure'));
  const min = minKm2(q(c, 'min_km2'));
  return shipped(c, `gaps|${mode}|${key(radii)}|${tier}|${min}`, sports, (m, s) => coverageGaps(m, s, radii, mode, tier, min), { geo: true });
});
analysis.post('/gaps', limit, async (c) => {
  const b = await readBody(c);
  const tier: Tier = ok(checkTier(qb(c, b.body, 'tier') ?? 'leisure'));
  const min = minKm2(qb(c, b.body, 'min_km2'));
  withinBudget('gaps', b.sitesProjected, b.radii, b.mode, tier);
  return c.body(JSON.stringify(echo(coverageGaps(shippedModel(), b.sitesProjected, b.radii, b.mode, tier, min), b.sports)), 200, GEOJSON_TYPE);
});

// --- gap pieces -----------------------------------------------------------------------
/** tier (default leisure), min_km2, limit (1–500, default 50) from the query or the body. */
function pieceParams(get: (k: string) => unknown): { tier: Tier; min: number; limit: number } {
  const tier: Tier = ok(checkTier(get('tier') ?? 'leisure'));
  const limit = ok(checkNumber(get('limit'), 'limit', 1, LIMITS.maxPieces, 50));
  if (!Number.isInteger(limit)) throw new ApiError(422, 'invalid_parameter', `limit must be a whole number from 1 to ${LIMITS.maxPieces}.`);
  return { tier, min: minKm2(get('min_km2')), limit };
}
analysis.get('/gaps/pieces', (c) => {
  const { mode, radii, sports } = queryCommon(c);
  const { tier, min, limit } = pieceParams((k) => q(c, k));
  return shipped(c, `pieces|${mode}|${key(radii)}|${tier}|${min}|${limit}`, sports, (m, s) => coverageGapPieces(m, s, radii, mode, tier, { places: shippedPlaces(), minKm2: min, limit }), { geo: true });
});
analysis.post('/gaps/pieces', limit, async (c) => {
  const b = await readBody(c);
  const { tier, min, limit: count } = pieceParams((k) => qb(c, b.body, k));
  withinBudget('gaps', b.sitesProjected, b.radii, b.mode, tier);
  const out = coverageGapPieces(shippedModel(), b.sitesProjected, b.radii, b.mode, tier, { places: shippedPlaces(), minKm2: min, limit: count, people: b.population?.people ?? null });
  return c.body(JSON.stringify(echo({ ...out, ...peopleOut(b.population) }, b.sports)), 200, GEOJSON_TYPE);
});

// --- nearest --------------------------------------------------------------------------
analysis.get('/nearest', (c) => {
  const { mode, radii, sports } = queryCommon(c);
  const [lon, lat] = ok(checkPoint(q(c, 'lon'), q(c, 'lat')));
  // Points are many and cheap to answer: not cached.
  return c.json(echo(nearestSites(shippedModel(), shippedSitesFor(sports), radii, mode, lon, lat), sports));
});
analysis.post('/nearest', limit, async (c) => {
  const b = await readBody(c);
  const [lon, lat] = ok(checkPoint(qb(c, b.body, 'lon'), qb(c, b.body, 'lat')));
  withinBudget('nearest', b.sitesProjected, b.radii, b.mode);
  return c.json(echo(nearestSites(shippedModel(), b.sitesProjected, b.radii, b.mode, lon, lat), b.sports));
});

// --- suggestions ----------------------------------------------------------------------
function suggestParams(get: (k: string) => unknown): { tier: Tier; count: number; sports: boolean } {
  const sports = ok(checkSports(get('sports')));
  const tier: Tier = ok(checkTier(get('tier') ?? 'leisure'));
  const count = ok(checkNumber(get('count'), 'count', 1, LIMITS.maxSuggest, 5));
  if (!Number.isInteger(count)) throw new ApiError(422, 'invalid_parameter', `count must be a whole number from 1 to ${LIMITS.maxSuggest}.`);
  const mode = get('mode');
  if (mode !== undefined && mode !== 'radius') {
    throw new ApiError(422, 'invalid_mode', 'Suggestions measure straight-line reach only: use mode=radius (or leave it out).');
  }
  return { tier, count, sports };
}
analysis.get('/suggest', (c) => {
  const { tier, count, sports } = suggestParams((k) => q(c, k));
  const radii = ok(checkRadii(q(c, 'radii')));
  return shipped(c, `suggest|${key(radii)}|${tier}|${count}`, sports, (m, s) => suggestSitesFor(m, s, radii, tier, count), { geo: true });
});
analysis.post('/suggest', limit, async (c) => {
  const raw = await readJson(c);
  // The sites are optional here: without them, suggest over the shipped sites.
  const hasSites = typeof raw === 'object' && raw !== null && 'sites' in raw;
  const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const { tier, count, sports } = suggestParams((k) => qb(c, body, k));
  let sites = shippedSitesFor(sports);
  let radii = ok(checkRadii(qb(c, body, 'radii')));
  if (hasSites) {
    const b = ok(checkBody({ ...body, mode: undefined, sports: undefined }));
    sites = withSports(projectSites(shippedModel().grid, b.sites), sports);
    radii = b.radii;
    withinBudget('suggest', sites, radii, 'radius', tier, count);
  }
  // With a population, each pick serves the most people not yet served.
  const population = readPopulation(body);
  const out = suggestSitesFor(shippedModel(), sites, radii, tier, count, population?.people);
  return c.body(JSON.stringify(echo({ ...out, ...peopleOut(population) }, sports)), 200, GEOJSON_TYPE);
});

// --- the API described -----------------------------------------------------------------
analysis.get('/openapi.json', (c) => c.json(openapi));

/**
 * Optional: build the shipped-data model and rate indexes and warm the analysis at isolate
 * start-up, e.g. `warmUpCoverage()` at module scope in worker/index.ts. Without it, the
 * first analysis request in an isolate pays for them (see ../analysis/README.md).
 */
export function warmUpCoverage(): boolean {
  return prepareShippedAnalysis(warmUp);
}
