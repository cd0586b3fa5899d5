/**
 * The coverage analysis routes: thin. Each parses and validates its input (query string, or
 * a POSTed `{ sites, radii?, mode?, sports? }`), calls the pure analysis (../analysis), and
 * shapes the JSON. GET answers over the shipped data are cached per isolate and carry an
 * ETag (the `api` app's etag middleware); POST answers are computed per request. Every
 * answer echoes `sports`: whether the shipped sports grounds counted as leisure spaces.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { Mode, Radii, Tier } from '../../domain/tiers';
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
import { BUDGET, estimateWork, type Kind, overBudgetMessage } from '../analysis/budget';
import type { DistrictModel } from '../analysis/model';
import type { DistrictPeople } from '../analysis/population';
import { projectSites, type Site } from '../analysis/sites';
import { type AnalysisBody, checkBody, LIMITS } from '../analysis/validate-input';
import { type PopulationInput, pointsExtent } from '../analysis/validate-population';
import { type AnyParam, ok, point, readParams } from '../contract/params';
import { CONTRACT } from '../contract/routes';
import { ApiError } from '../errors';
import { openapiDocument } from './openapi';
import { cached, prepareShippedAnalysis, shippedModel, shippedPlaces, shippedRateIndex, shippedSitesFor, shippedSports } from './shipped-analysis';

export const analysis = new Hono();

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

/**
 * A POST body `{ sites, ...params }` checked, with the route's parameters read from the query
 * string or the body (the query wins), and the sites projected (plus sports grounds if asked).
 */
async function readBody<const P extends readonly AnyParam[]>(c: Context, params: P) {
  const raw = await readJson(c);
  const body: AnalysisBody = ok(checkBody(raw));
  const values = readParams(params, (k) => c.req.query(k) ?? body.body[k]);
  const sports = (values as { sports?: boolean }).sports ?? false;
  return { ...values, sites: body.sites, sitesProjected: withSports(projectSites(shippedModel().grid, body.sites), sports) };
}

/** A checked `population` on the grid, with its source and date as given (null without one). */
interface People {
  people: DistrictPeople;
  meta: { source: string | null; date: string | null };
}
function peopleOf(p: PopulationInput | null): People | null {
  if (!p) return null;
  return { people: peopleOfPoints(shippedModel(), p.points, p.extent ?? pointsExtent(p.points), p.given), meta: { source: p.source, date: p.date } };
}
/** `people` in an answer: the population's numbers, and its source and date as given. */
const peopleOut = (p: People | null) => (p ? { people: peopleSummary(p.people, p.meta) } : {});

/** A GET's parameters, read from the query string through the route's contract. */
const readQuery = <const P extends readonly AnyParam[]>(c: Context, params: P) => readParams(params, (k) => c.req.query(k));

/**
 * Refuses, before it starts, an analysis estimated to overrun the Worker's CPU (see
 * ../analysis/budget.ts): 422 analysis_too_large, saying what to reduce.
 */
function withinBudget(kind: Kind, sites: readonly Site[], radii: Radii, mode: Mode, tier?: Tier, picks = 0): void {
  const e = estimateWork(shippedModel().grid, sites, radii, mode, kind, tier, picks);
  if (e.ms > BUDGET.maxMs) {
    throw new ApiError(422, 'analysis_too_large', overBudgetMessage(e, kind), {
      estimated_ms: Math.round(e.ms),
      max_ms: BUDGET.maxMs,
      positions: e.positions,
      concave_edges: e.concaveEdges,
    });
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
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as JSON with Content-Type: application/json (got ${JSON.stringify(type.slice(0, 40) || 'none')}).`,
    );
  }
  return sizeLimit(c, next);
});

const key = (radii: Radii) => `${radii.leisure},${radii.garden},${radii.park}`;

// --- coverage rates -------------------------------------------------------------------
const COVERAGE = CONTRACT['/coverage'];
analysis.get('/coverage', (c) => {
  const { mode, radii, sports } = readQuery(c, COVERAGE.get.params);
  return shipped(c, `coverage|${mode}|${key(radii)}`, sports, (m, s) => coverageReport(m, s, radii, mode, shippedRateIndex(mode, sports)), { timed: true });
});
analysis.post('/coverage', limit, async (c) => {
  const b = await readBody(c, COVERAGE.post.params);
  withinBudget('coverage', b.sitesProjected, b.radii, b.mode);
  const people = peopleOf(b.population);
  return c.json(
    timed(
      () => echo({ ...coverageReport(shippedModel(), b.sitesProjected, b.radii, b.mode, undefined, people?.people), ...peopleOut(people) }, b.sports),
      true,
    ),
  );
});

// --- rings ----------------------------------------------------------------------------
const RINGS = CONTRACT['/coverage/rings'];
analysis.get('/coverage/rings', (c) => {
  const { mode, radii, sports } = readQuery(c, RINGS.get.params);
  return shipped(c, `rings|${mode}|${key(radii)}`, sports, (m, s) => coverageRings(m, s, radii, mode), { geo: true });
});
analysis.post('/coverage/rings', limit, async (c) => {
  const b = await readBody(c, RINGS.post.params);
  withinBudget('rings', b.sitesProjected, b.radii, b.mode);
  return c.body(JSON.stringify(echo(coverageRings(shippedModel(), b.sitesProjected, b.radii, b.mode), b.sports)), 200, GEOJSON_TYPE);
});

// --- gaps -----------------------------------------------------------------------------
const GAPS = CONTRACT['/gaps'];
analysis.get('/gaps', (c) => {
  const { tier, mode, radii, sports, min_km2 } = readQuery(c, GAPS.get.params);
  return shipped(c, `gaps|${mode}|${key(radii)}|${tier}|${min_km2}`, sports, (m, s) => coverageGaps(m, s, radii, mode, tier, min_km2), { geo: true });
});
analysis.post('/gaps', limit, async (c) => {
  const b = await readBody(c, GAPS.post.params);
  withinBudget('gaps', b.sitesProjected, b.radii, b.mode, b.tier);
  return c.body(JSON.stringify(echo(coverageGaps(shippedModel(), b.sitesProjected, b.radii, b.mode, b.tier, b.min_km2), b.sports)), 200, GEOJSON_TYPE);
});

// --- gap pieces -----------------------------------------------------------------------
const PIECES = CONTRACT['/gaps/pieces'];
analysis.get('/gaps/pieces', (c) => {
  const { tier, mode, radii, sports, min_km2, limit: count } = readQuery(c, PIECES.get.params);
  return shipped(
    c,
    `pieces|${mode}|${key(radii)}|${tier}|${min_km2}|${count}`,
    sports,
    (m, s) => coverageGapPieces(m, s, radii, mode, tier, { places: shippedPlaces(), minKm2: min_km2, limit: count }),
    { geo: true },
  );
});
analysis.post('/gaps/pieces', limit, async (c) => {
  const b = await readBody(c, PIECES.post.params);
  withinBudget('gaps', b.sitesProjected, b.radii, b.mode, b.tier);
  const people = peopleOf(b.population);
  const out = coverageGapPieces(shippedModel(), b.sitesProjected, b.radii, b.mode, b.tier, {
    places: shippedPlaces(),
    minKm2: b.min_km2,
    limit: b.limit,
    people: people?.people ?? null,
  });
  return c.body(JSON.stringify(echo({ ...out, ...peopleOut(people) }, b.sports)), 200, GEOJSON_TYPE);
});

// --- nearest --------------------------------------------------------------------------
const NEAREST = CONTRACT['/nearest'];
analysis.get('/nearest', (c) => {
  const { mode, radii, sports, lon, lat } = readQuery(c, NEAREST.get.params);
  const [x, y] = point(lon, lat);
  // Points are many and cheap to answer: not cached.
  return c.json(echo(nearestSites(shippedModel(), shippedSitesFor(sports), radii, mode, x, y), sports));
});
analysis.post('/nearest', limit, async (c) => {
  const b = await readBody(c, NEAREST.post.params);
  const [x, y] = point(b.lon, b.lat);
  withinBudget('nearest', b.sitesProjected, b.radii, b.mode);
  return c.json(echo(nearestSites(shippedModel(), b.sitesProjected, b.radii, b.mode, x, y), b.sports));
});

// --- suggestions ----------------------------------------------------------------------
const SUGGEST = CONTRACT['/suggest'];
analysis.get('/suggest', (c) => {
  const { tier, count, radii, sports } = readQuery(c, SUGGEST.get.params);
  return shipped(c, `suggest|${key(radii)}|${tier}|${count}`, sports, (m, s) => suggestSitesFor(m, s, radii, tier, count), { geo: true });
});
analysis.post('/suggest', limit, async (c) => {
  const raw = await readJson(c);
  // The sites are optional here: without them, suggest over the shipped sites.
  const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const { tier, count, radii, sports, population } = readParams(SUGGEST.post.params, (k) => c.req.query(k) ?? body[k]);
  let sites = shippedSitesFor(sports);
  if ('sites' in body) {
    const b = ok(checkBody({ sites: body.sites }));
    sites = withSports(projectSites(shippedModel().grid, b.sites), sports);
    withinBudget('suggest', sites, radii, 'radius', tier, count);
  }
  // With a population, each pick serves the most people not yet served.
  const people = peopleOf(population);
  const out = suggestSitesFor(shippedModel(), sites, radii, tier, count, people?.people);
  return c.body(JSON.stringify(echo({ ...out, ...peopleOut(people) }, sports)), 200, GEOJSON_TYPE);
});

// --- the API described -----------------------------------------------------------------
analysis.get('/openapi.json', (c) => c.json(openapiDocument()));

/**
 * Optional: build the shipped-data model and rate indexes and warm the analysis at isolate
 * start-up, e.g. `warmUpCoverage()` at module scope in worker/index.ts. Without it, the
 * first analysis request in an isolate pays for them (see ../analysis/README.md).
 */
export function warmUpCoverage(): boolean {
  return prepareShippedAnalysis(warmUp);
}
