/**
 * Hostile input, inside workerd: generated malformed and extreme payloads to every POST
 * endpoint and hostile query strings to every GET; for shared scenarios, hostile files,
 * tokens, If-Match headers, ids and version numbers to every route (against the real D1). The API must never answer 5xx, and every
 * error must be JSON `{ error: { code, message } }`. Over 10,000 cases per run (printed).
 *
 * Requests go to the worker's app with the worker's env, in this workerd isolate: through
 * `exports.default.fetch` each request got slower than the last (300 took 7.6 s, the next
 * 300 some 40 s: the pool's loopback, not the app), which rules out 10,000 of them.
 */

import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TIERS } from '../../domain/tiers';
import { app } from '../../worker/app';

const ORIGIN = 'http://127.0.0.1';
const POSTS = ['/api/coverage', '/api/coverage/rings', '/api/gaps', '/api/gaps/pieces', '/api/nearest', '/api/suggest'] as const;
const GETS = [
  '/api/coverage',
  '/api/coverage/rings',
  '/api/gaps',
  '/api/gaps/pieces',
  '/api/nearest',
  '/api/suggest',
  '/api/places',
  '/api/layers',
  '/api/health',
  '/api/openapi.json',
] as const;

let tried = 0;
let fiveXX = 0;
const seen = new Map<number, number>();

afterAll(() => {
  const statuses = [...seen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(`fuzz: ${tried} cases tried, ${fiveXX} answered 5xx (statuses: ${statuses})`);
});

/** One request; asserts the answer's shape. */
async function send(what: string, req: Request, bindings: object = env): Promise<Response> {
  tried++;
  const res = await app.fetch(req, bindings);
  const text = await res.text();
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  if (res.status >= 500) fiveXX++;
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), what).toMatch(/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${what}: ${text.slice(0, 200)}`).toBe('string');
    expect(body.error!.code as string).toMatch(/^[a-z_]+$/);
    expect(typeof body.error?.message, what).toBe('string');
    expect((body.error!.message as string).length).toBeGreaterThan(0);
    // Never a stack trace.
    expect(text).not.toMatch(/\bat [^ ]+ \(|\.(ts|js):\d+:\d+/);
  } else if (res.status === 201 || res.status === 204 || res.status === 304) {
    // Scenario writes: created, deleted; a revalidated read.
  } else {
    expect(res.status, what).toBe(200);
    JSON.parse(text);
  }
  return new Response(text, { status: res.status, headers: res.headers });
}

const post = (path: string, body: string | Uint8Array, type: string | null = 'application/json') =>
  send(
    `POST ${path} ${typeof body === 'string' ? body.slice(0, 160) : `<${body.length} bytes>`} (${type})`,
    new Request(`${ORIGIN}${path}`, { method: 'POST', headers: type === null ? {} : { 'content-type': type }, body: body as BodyInit }),
  );

// --- values ---------------------------------------------------------------------------
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324, 1e21, 2 ** 64, 180.0000001, -90.0000001);
const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity);
const lonNear = fc.double({ min: 106.3, max: 107.0, noNaN: true });
const latNear = fc.double({ min: 29.4, max: 29.8, noNaN: true });
const anyNumber = fc.oneof(fc.double(), hugeNumber, nonFinite, fc.integer(), lonNear);
const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const hostileName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  controlChars,
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202e\u0000\ud800',
    '"};alert(1);//',
    '\\u0000',
    '𠀋𠀋𠀋',
    '\ufeff',
    'x'.repeat(10_000),
  ),
);
const position = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(lonNear, latNear) },
  { weight: 1, arbitrary: fc.tuple(anyNumber, anyNumber) },
  { weight: 1, arbitrary: fc.array(anyNumber, { maxLength: 5 }) }, // 0, 1, 3+ dimensions
  { weight: 1, arbitrary: fc.tuple(fc.string(), fc.anything()) },
);
const closedRing = (pts: unknown[][]) => (pts.length ? [...pts, pts[0]!] : pts);
const ring = fc.oneof(
  fc.array(fc.tuple(lonNear, latNear), { minLength: 3, maxLength: 12 }).map(closedRing), // self-intersecting often
  fc.array(fc.tuple(lonNear, latNear), { minLength: 0, maxLength: 6 }), // unclosed, too short, empty
  fc.array(position, { maxLength: 6 }).map(closedRing), // mixed dimensions, junk
  fc.tuple(lonNear, latNear).map(([x, y]) => [
    [x, y],
    [x + 0.01, y + 0.01],
    [x + 0.01, y],
    [x, y + 0.01],
    [x, y],
  ]), // bow-tie
  fc.tuple(lonNear, latNear).map(([x, y]) => [
    [x, y],
    [x + 0.01, y],
    [x + 0.02, y],
    [x, y],
  ]), // all on a line
);
const geometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constant('MultiPoint'), coordinates: fc.array(position, { maxLength: 6 }) }),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(ring, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 3 }) }),
  fc.record({ type: fc.constantFrom('LineString', 'GeometryCollection', 'Polygon ', 'point', ''), coordinates: fc.anything({ maxDepth: 3 }) }),
  fc.record({
    type: fc.constant('GeometryCollection'),
    geometries: fc.array(fc.record({ type: fc.constant('Point'), coordinates: position }), { maxLength: 3 }),
  }),
  fc.constantFrom(null, {}, [], 'Point', 0),
);
const properties = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        tier: fc.constantFrom(...TIERS),
        id: fc.oneof(fc.constant('dup'), fc.string(), fc.integer(), fc.anything({ maxDepth: 1 })),
        name_zh: hostileName,
        name_en: hostileName,
      },
      { requiredKeys: ['tier'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({ tier: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom('Park', ' park', 'park\u0000', '__proto__')) }),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.array(fc.anything({ maxDepth: 1 })), fc.string()) },
);
const feature = fc.record(
  {
    type: fc.oneof({ weight: 8, arbitrary: fc.constant('Feature') }, { weight: 1, arbitrary: fc.constantFrom('feature', 'FeatureCollection', 'Point') }),
    id: fc.oneof(fc.constant('dup'), fc.integer()),
    properties,
    geometry,
  },
  { requiredKeys: ['type', 'properties', 'geometry'] },
);
const sites = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('FeatureCollection', 'Feature', 'featurecollection'), features: fc.anything({ maxDepth: 2 }) }) },
  { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, [], '', 'FeatureCollection', {})) },
);
const radii = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      leisure: fc.oneof(fc.integer({ min: 50, max: 3000 }), anyNumber, fc.string()),
      garden: fc.integer({ min: 50, max: 3000 }),
      park: fc.oneof(fc.integer({ min: 50, max: 3000 }), anyNumber),
    },
    { requiredKeys: [] },
  ),
  fc.oneof(
    fc.string(),
    fc.array(fc.integer()),
    fc.dictionary(fc.string(), fc.anything({ maxDepth: 1 })),
    fc.constantFrom('leisure:500,park:2000', 'park:1e9', 'x', null),
  ),
);
const populationPoint = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(lonNear, latNear, fc.oneof(fc.nat({ max: 500 }), fc.double({ min: 0, max: 1e4, noNaN: true }))) },
  { weight: 1, arbitrary: fc.tuple(anyNumber, anyNumber, anyNumber) },
  { weight: 1, arbitrary: fc.oneof(fc.array(anyNumber, { maxLength: 5 }), fc.anything({ maxDepth: 1 }), fc.tuple(fc.string(), latNear, fc.nat())) },
);
const population = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        points: fc.oneof({ weight: 6, arbitrary: fc.array(populationPoint, { maxLength: 12 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) }),
        source: fc.oneof(fc.string({ maxLength: 40 }), hostileName, fc.anything({ maxDepth: 1 })),
        date: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
        extent: fc.oneof(fc.tuple(lonNear, latNear, lonNear, latNear), fc.array(anyNumber, { maxLength: 5 }), fc.anything({ maxDepth: 1 })),
        given: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), anyNumber, fc.string()),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, [], '', {}, { points: null })) },
);
const body = fc.record(
  {
    sites,
    radii,
    mode: fc.oneof(fc.constantFrom('radius', 'walk', undefined), fc.anything({ maxDepth: 1 })),
    sports: fc.oneof(fc.constantFrom(true, false, undefined, 'true', 'false', 'yes', 1, 0, null), fc.anything({ maxDepth: 1 })),
    tier: fc.oneof(fc.constantFrom(...TIERS), fc.anything({ maxDepth: 1 })),
    lon: fc.oneof(lonNear, anyNumber, fc.string()),
    lat: fc.oneof(latNear, anyNumber, fc.string()),
    count: fc.oneof(fc.integer({ min: -3, max: 60 }), anyNumber, fc.string()),
    min_km2: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyNumber),
    limit: fc.oneof(fc.integer({ min: -3, max: 600 }), anyNumber, fc.string()),
    population,
  },
  { requiredKeys: ['sites'] },
);

/** JSON text with NaN / Infinity literals swapped in: invalid JSON a sloppy client sends. */
const withBareNonFinite = (text: string) =>
  text.replace(/(-?\d+\.\d+)(?=[\],])/, (_, n: string) => (n.length % 3 === 0 ? 'NaN' : n.length % 3 === 1 ? 'Infinity' : '-Infinity'));
const deep = (n: number, open: string, close: string, inner = '1') => open.repeat(n) + inner + close.repeat(n);

const bodyText = fc.oneof(
  { weight: 12, arbitrary: body.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: body.map((b) => withBareNonFinite(JSON.stringify(b))) },
  {
    weight: 2,
    arbitrary: fc.tuple(body, fc.nat()).map(([b, k]) => {
      const t = JSON.stringify(b);
      return t.slice(0, k % Math.max(1, t.length));
    }),
  }, // truncated
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.anything().map((v) => JSON.stringify(v) ?? 'undefined') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => deep(n, '[', ']')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => deep(n, '{"a":', '}')) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 5, max: 50_000 })
      .map(
        (n) =>
          `{"sites":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"tier":"park"},"geometry":{"type":"Polygon","coordinates":${deep(n, '[', ']', '106.6,29.6')}}}]}}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => `{"sites":{"type":"FeatureCollection","features":[]},"radii":${deep(n, '{"park":', '}')}}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      '[]',
      '{}',
      '\ufeff{}',
      '{"sites":',
      '{"sites":{"type":"FeatureCollection","features":[]},}',
      '{"__proto__":{"sites":1}}',
      '{"sites":{"type":"FeatureCollection","features":[],"__proto__":{"x":1}}}',
    ),
  },
);
const pathWithQuery = fc
  .tuple(
    fc.constantFrom(...POSTS),
    fc.constantFrom(
      '',
      '?tier=park',
      '?lon=106.6&lat=29.6',
      '?count=3',
      '?mode=walk',
      '?lon=NaN&lat=Infinity',
      '?tier=%E0%A4%A',
      '?count=1e400',
      '?sports=true',
      '?sports=1',
      '?sports=%00',
      '?limit=3',
      '?limit=1e9',
    ),
  )
  .map(([p, q]) => p + q);

// --- query strings --------------------------------------------------------------------
const qKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('mode', 'radii', 'tier', 'min_km2', 'lon', 'lat', 'count', 'q', 'limit', 'sports') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const qValue = fc.oneof(
  fc.constantFrom(
    'radius',
    'walk',
    'leisure',
    'garden',
    'park',
    '106.6',
    '29.6',
    '106.55',
    '29.58',
    '3',
    '20',
    'leisure:500,park:2000',
    'park:3000',
    '江北',
    'jiangbei',
    'gy',
    'Park',
    'true',
    'false',
  ),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '-0',
    '0x10',
    '1_000',
    '',
    ' ',
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%00',
    '%uD800',
    '..%2F..%2F',
    '[]',
    '{}',
    'park:NaN',
    'leisure:50,leisure:3000',
    'leisure:',
    ':500',
    ',,,,',
    'park:1e-9',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
  fc.string({ maxLength: 90 }),
  fc.integer({ min: 60, max: 5000 }).map((n) => 'é'.repeat(n)),
  fc.double().map(String),
);
const query = fc
  .array(fc.tuple(qKey, qValue), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${/%|[^\x21-\x7e]/.test(v) ? v : encodeURIComponent(v)}`).join('&'));
const layerId = fc.oneof(
  fc.constantFrom(
    'boundary',
    'greenspaces',
    'nope',
    '__proto__',
    'constructor',
    'toString',
    '..%2F..%2Fwrangler.toml',
    '%2e%2e',
    '.',
    '%00',
    '%E0%A4%A',
    'boundary%00',
    'BOUNDARY',
    'boundary.geojson',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }).map(encodeURIComponent),
  fc.integer({ min: 100, max: 8000 }).map((n) => 'a'.repeat(n)),
);

/** A 100,000-vertex polygon (a star: not convex), 5-decimal positions: about 2 MB. */
function hugePolygonBody(tier: string, convex: boolean): string {
  const n = 100_000;
  const ring: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 0.02 * (convex ? 1 : 1 + 0.3 * Math.sin(a * 997));
    ring.push(`[${(106.66 + r * Math.cos(a)).toFixed(5)},${(29.6 + r * Math.sin(a)).toFixed(5)}]`);
  }
  ring.push(ring[0]!);
  return `{"sites":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"tier":"${tier}","name_en":"huge"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}]}}`;
}

const hugePolygon = { concave: hugePolygonBody('park', false), convex: hugePolygonBody('leisure', true) };

describe('hostile input never gets a 5xx, and every error is JSON with a code and a message', () => {
  it('POST: generated malformed and extreme bodies, every endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(pathWithQuery, bodyText, async (path, text) => {
        await post(path, text);
      }),
      { numRuns: 6500 },
    );
  }, 240_000);

  it('POST: the wrong content type, or none', async () => {
    const type = fc.constantFrom(
      null,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'text/json',
      'application/xml',
      'image/png',
      '*/*',
      'application/json; charset=utf-16',
      'APPLICATION/JSON',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...POSTS), type, bodyText, async (path, t, text) => {
        await post(path, text, t);
      }),
      { numRuns: 800 },
    );
  }, 120_000);

  it('GET: hostile query strings on every route, and hostile layer ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GETS), query, async (path, q) => {
        await send(`GET ${path}?${q}`, new Request(`${ORIGIN}${path}?${q}`));
      }),
      { numRuns: 2800 },
    );
    await fc.assert(
      fc.asyncProperty(layerId, query, async (id, q) => {
        await send(`GET /api/layers/${id.slice(0, 100)}`, new Request(`${ORIGIN}/api/layers/${id}?${q}`));
      }),
      { numRuns: 300 },
    );
  }, 240_000);

  it('bodies over the limit, a 100,000-vertex polygon, 10,001 features, binary junk', async () => {
    const big = `{"sites":{"type":"FeatureCollection","features":[]},"pad":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    for (const path of POSTS) {
      await post(path, big);
      await post(path, new Uint8Array(4 * 1024 * 1024 + 1).fill(0x7b));
      await post(path, hugePolygon.concave);
      await post(path, hugePolygon.convex);
      await post(
        path,
        JSON.stringify({
          sites: {
            type: 'FeatureCollection',
            features: Array.from({ length: 10_001 }, () => ({
              type: 'Feature',
              properties: { tier: 'park' },
              geometry: { type: 'Point', coordinates: [106.6, 29.6] },
            })),
          },
        }),
      );
      await post(path, new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      // 150,001 population points (413), and 140,000 good ones (within every limit: answered).
      await post(
        path,
        JSON.stringify({ sites: { type: 'FeatureCollection', features: [] }, population: { points: Array.from({ length: 150_001 }, () => [106.6, 29.6, 1]) } }),
      );
      await post(
        path,
        JSON.stringify({
          sites: { type: 'FeatureCollection', features: [] },
          population: { points: Array.from({ length: 140_000 }, (_, k) => [106.45 + (k % 400) * 0.001, 29.5 + Math.floor(k / 400) * 0.0005, k % 7]) },
        }),
      );
    }
  }, 240_000);
});

// --- shared scenarios (/api/scenarios) ----------------------------------------------------
// The write limit is raised here (as a deployment may): the fuzz is after the checks behind
// it, which the limit would otherwise hide after 30 writes. scenarios.test.ts tests the limit.
const scenarioEnv = { ...(env as Record<string, unknown>), SCENARIO_WRITES_PER_MINUTE: '1000000000' };
const scenarioMeta = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        version: fc.oneof(fc.constant(1), fc.anything({ maxDepth: 1 })),
        name: fc.oneof(hostileName, fc.anything({ maxDepth: 1 })),
        closures: fc.oneof(fc.array(fc.oneof(fc.string(), hostileName), { maxLength: 5 }), fc.anything({ maxDepth: 2 })),
        radii,
        mode: fc.oneof(fc.constantFrom('radius', 'walk'), fc.anything({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
const fileFeature = fc.record(
  {
    type: fc.constant('Feature'),
    id: fc.oneof(fc.string(), fc.integer()),
    properties: fc.oneof(
      fc.record(
        {
          tier: fc.constantFrom(...TIERS),
          id: fc.oneof(fc.string(), fc.anything({ maxDepth: 1 })),
          name: fc.oneof(hostileName, fc.anything({ maxDepth: 1 })),
          gain_km2: fc.oneof(fc.double(), fc.anything({ maxDepth: 1 })),
        },
        { requiredKeys: ['tier'] },
      ),
      properties,
    ),
    geometry,
  },
  { requiredKeys: ['type', 'properties', 'geometry'] },
);
const scenarioFile = fc.record(
  {
    type: fc.oneof({ weight: 8, arbitrary: fc.constant('FeatureCollection') }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) }),
    features: fc.oneof({ weight: 8, arbitrary: fc.array(fileFeature, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) }),
    jiangbei_scenario: scenarioMeta,
  },
  { requiredKeys: ['type', 'features'] },
);
/** Files that pass the checks but carry hostile names, ids and closures: they get stored. */
const storableFile = fc.record({
  type: fc.constant('FeatureCollection'),
  jiangbei_scenario: fc.record({
    version: fc.constant(1),
    name: hostileName.map((n) => n.slice(0, 200)),
    closures: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 4 }),
    mode: fc.constantFrom('radius', 'walk'),
  }),
  features: fc.array(
    fc.record({
      type: fc.constant('Feature'),
      properties: fc.record({ tier: fc.constantFrom(...TIERS), id: fc.string({ maxLength: 30 }), name: hostileName }),
      geometry: fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(lonNear, latNear) }),
    }),
    { maxLength: 4 },
  ),
});
const scenarioText = fc.oneof(
  { weight: 6, arbitrary: scenarioFile.map((f) => JSON.stringify(f)) },
  { weight: 4, arbitrary: storableFile.map((f) => JSON.stringify(f)) },
  { weight: 3, arbitrary: bodyText },
);
const goodFile = JSON.stringify({
  type: 'FeatureCollection',
  jiangbei_scenario: { version: 1, name: 'fuzz', closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' },
  features: [],
});
const hostileToken = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    'Bearer',
    'Bearer ',
    'bearer x',
    'Basic Zm9vOmJhcg==',
    `Bearer ${'A'.repeat(43)}`,
    `Bearer ${'A'.repeat(5000)}`,
    "Bearer ' OR 1=1 --",
  ),
);
const ifMatch = fc.oneof(fc.constantFrom('"v1"', 'W/"v1"', '"v2"', '*', '"v0"', '"v99999999999"', '', 'v1', '"1"', '"v1", "v2"'), fc.string({ maxLength: 20 }));
const scenarioPathId = fc.oneof(
  fc.constantFrom("x' OR '1'='1", '%27--', '..%2F..', '%00', '%E0%A4%A', 'A'.repeat(22), 'versions', ''),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 23, max: 3000 }).map((n) => 'a'.repeat(n)),
);
const versionN = fc.oneof(
  fc.constantFrom('0', '1', '2', '-1', '1e3', '1.5', 'NaN', '99999999999', "1'--", '%00'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
/** Header values as a client can send them (fetch refuses control characters and non-Latin-1). */
const headerSafe = (v: string) => v.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
const headersOf = (pairs: [string, string | undefined][]) =>
  Object.fromEntries(pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([k, v]) => [k, headerSafe(v)]));

describe('shared scenarios: hostile input never gets a 5xx', () => {
  let real: { id: string; token: string } | undefined;
  const realScenario = async () => {
    if (!real) {
      const res = await send(
        'POST /api/scenarios (the fuzz target)',
        new Request(`${ORIGIN}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: goodFile }),
        scenarioEnv,
      );
      const body = (await res.json()) as { id: string; edit_token: string };
      real = { id: body.id, token: body.edit_token };
    }
    return real;
  };

  it('POST /api/scenarios: generated scenario files, hostile names, junk', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioText,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 1, arbitrary: fc.constantFrom('application/geo+json', 'text/plain', null) },
        ),
        async (text, type) => {
          await send(
            `POST /api/scenarios ${text.slice(0, 160)} (${type})`,
            new Request(`${ORIGIN}/api/scenarios`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: text }),
            scenarioEnv,
          );
        },
      ),
      { numRuns: 1200 },
    );
  }, 240_000);

  it('PUT and DELETE: hostile tokens, If-Match, ids and bodies; the real scenario survives every wrong token', async () => {
    const { id, token } = await realScenario();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: scenarioPathId }),
        fc.oneof(hostileToken, fc.constant(undefined), fc.constant(`Bearer ${token}`)),
        fc.oneof(ifMatch, fc.constant(undefined)),
        scenarioText,
        async (target, authz, tag, text) => {
          const headers = headersOf([
            ['content-type', 'application/json'],
            ['authorization', authz],
            ['if-match', tag],
          ]);
          await send(
            `PUT /api/scenarios/${target.slice(0, 40)} ${JSON.stringify(headers).slice(0, 200)} ${text.slice(0, 100)}`,
            new Request(`${ORIGIN}/api/scenarios/${target}`, { method: 'PUT', headers, body: text }),
            scenarioEnv,
          );
          // Never the owner's own DELETE: the scenario must stay the target.
          if (authz !== `Bearer ${token}`)
            await send(
              `DELETE /api/scenarios/${target.slice(0, 40)} ${authz?.slice(0, 60)}`,
              new Request(`${ORIGIN}/api/scenarios/${target}`, { method: 'DELETE', headers: headersOf([['authorization', authz]]) }),
              scenarioEnv,
            );
        },
      ),
      { numRuns: 500 },
    );
    // Still there, and with its own token and the current version named, it takes a save.
    const current = (await (await send(`GET /api/scenarios/${id}`, new Request(`${ORIGIN}/api/scenarios/${id}`), scenarioEnv)).json()) as { latest: number };
    expect(current.latest).toBeGreaterThanOrEqual(1);
    const saved = await send(
      'PUT (the owner)',
      new Request(`${ORIGIN}/api/scenarios/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'if-match': `"v${current.latest}"` },
        body: goodFile,
      }),
      scenarioEnv,
    );
    expect(saved.status).toBe(200);
  }, 240_000);

  it('GET: hostile ids, version numbers and query strings', async () => {
    const { id } = await realScenario();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(id), scenarioPathId),
        fc.constantFrom('', '/versions', '/versions/'),
        fc.oneof(versionN, fc.constant('')),
        query,
        async (target, sub, n, q) => {
          const path = `/api/scenarios/${target}${sub}${sub.endsWith('/') ? n : ''}?${q}`;
          await send(`GET ${path.slice(0, 200)}`, new Request(`${ORIGIN}${path}`), scenarioEnv);
        },
      ),
      { numRuns: 800 },
    );
  }, 240_000);

  it('bodies over the limit and 2,001 sites', async () => {
    const { id, token } = await realScenario();
    const big = `{"type":"FeatureCollection","features":[],"pad":"${'x'.repeat(1024 * 1024)}"}`;
    const many = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 2001 }, () => ({
        type: 'Feature',
        properties: { tier: 'park' },
        geometry: { type: 'Point', coordinates: [106.6, 29.6] },
      })),
    });
    for (const body of [big, many, hugePolygon.concave]) {
      await send(
        'POST /api/scenarios (large)',
        new Request(`${ORIGIN}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
        scenarioEnv,
      );
      await send(
        'PUT /api/scenarios (large)',
        new Request(`${ORIGIN}/api/scenarios/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'if-match': '"v1"' },
          body,
        }),
        scenarioEnv,
      );
    }
  }, 120_000);
});

describe('the fuzz count', () => {
  it('tried at least 10,000 cases and saw no 5xx', () => {
    expect(tried).toBeGreaterThanOrEqual(10_000);
    expect(fiveXX).toBe(0);
  });
});
