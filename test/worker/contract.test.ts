import { exports } from 'cloudflare:workers';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CoverageSchema,
  ErrorSchema,
  GapPiecesSchema,
  GapsSchema,
  LayersSchema,
  NearestSchema,
  PlacesSchema,
  RingsSchema,
  ScenarioCreatedSchema,
  ScenarioVersionListSchema,
  ScenarioVersionSchema,
  SuggestionsSchema,
} from '../../domain/api';
import { CONTRACT } from '../../worker/contract/routes';

const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));
const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

// TypeBox's checker knows no string formats until told: a date-time is what Date can read, in ISO 8601.
FormatRegistry.Set('date-time', (v) => /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v)));

/** The answer's problems against its published schema ([] when it conforms). */
const problems = (schema: TSchema, value: unknown) => [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);

const site = { type: 'Feature', properties: { tier: 'leisure' }, geometry: { type: 'Point', coordinates: [106.55, 29.6] } };
const sites = { type: 'FeatureCollection', features: [site] };
const population = {
  points: [
    [106.55, 29.6, 120],
    [106.7, 29.65, 80],
  ],
  source: 'test',
  date: '2020',
};

describe('answers conform to the schemas the OpenAPI document publishes', () => {
  // The first analysis in an isolate builds the shipped model and its indexes.
  beforeAll(() => call('/api/coverage'), 60_000);
  const cases: [string, () => Promise<Response>, TSchema][] = [
    ['GET /coverage', () => call('/api/coverage'), CoverageSchema],
    ['GET /coverage walk + sports', () => call('/api/coverage?mode=walk&sports=true'), CoverageSchema],
    ['POST /coverage', () => post('/api/coverage', { sites }), CoverageSchema],
    ['GET /coverage/rings', () => call('/api/coverage/rings'), RingsSchema],
    ['GET /gaps', () => call('/api/gaps?tier=garden'), GapsSchema],
    ['POST /gaps', () => post('/api/gaps', { sites, tier: 'park' }), GapsSchema],
    ['GET /nearest', () => call('/api/nearest?lon=106.53&lat=29.58'), NearestSchema],
    ['GET /nearest walk', () => call('/api/nearest?lon=106.53&lat=29.58&mode=walk'), NearestSchema],
    ['GET /nearest walk, on the water near the bank (walk_start)', () => call('/api/nearest?lon=106.565&lat=29.57&mode=walk'), NearestSchema],
    ['GET /nearest walk, out on the river (no_walk)', () => call('/api/nearest?lon=106.5778&lat=29.5945&mode=walk'), NearestSchema],
    ['GET /suggest', () => call('/api/suggest?count=3'), SuggestionsSchema],
    ['POST /coverage with population', () => post('/api/coverage', { sites, population }), CoverageSchema],
    ['GET /gaps/pieces', () => call('/api/gaps/pieces?tier=garden&limit=5'), GapPiecesSchema],
    ['POST /gaps/pieces with population', () => post('/api/gaps/pieces', { sites, population, limit: 5 }), GapPiecesSchema],
    ['POST /suggest with population', () => post('/api/suggest', { population, count: 2 }), SuggestionsSchema],
    ['GET /places', () => call('/api/places?q=guanyinqiao'), PlacesSchema],
    ['GET /layers', () => call('/api/layers'), LayersSchema],
  ];
  it.each(cases)('%s', async (_, run, schema) => {
    const res = await run();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(problems(schema, body)).toEqual([]);
  });

  it('a refusal is the published Error shape, and a wrong answer would be caught', async () => {
    const res = await call('/api/coverage?mode=fly');
    expect(res.status).toBe(422);
    expect(problems(ErrorSchema, await res.json())).toEqual([]);
    // The check bites: a coverage answer missing its areas, or with a rate as text, fails.
    const good = (await (await call('/api/coverage')).json()) as Record<string, unknown>;
    const { areas: _, ...noAreas } = good;
    expect(problems(CoverageSchema, noAreas).length).toBeGreaterThan(0);
    expect(problems(CoverageSchema, { ...good, tiers: [{ ...(good.tiers as object[])[0], coverage_pct: '62 %' }] }).length).toBeGreaterThan(0);
  });
});

describe('shared scenarios answer their published schemas', () => {
  it('create, read, list and read one version', async () => {
    const file = {
      type: 'FeatureCollection',
      jiangbei_scenario: { version: 1, name: 'contract', closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' },
      features: [{ type: 'Feature', id: 'p1', properties: { id: 'p1', tier: 'leisure', name: 'A' }, geometry: { type: 'Point', coordinates: [106.55, 29.6] } }],
    };
    const created = await post('/api/scenarios', file);
    expect(created.status).toBe(201);
    const c = (await created.json()) as { id: string };
    expect(problems(ScenarioCreatedSchema, c)).toEqual([]);
    for (const [path, schema] of [
      [`/api/scenarios/${c.id}`, ScenarioVersionSchema],
      [`/api/scenarios/${c.id}/versions`, ScenarioVersionListSchema],
      [`/api/scenarios/${c.id}/versions/1`, ScenarioVersionSchema],
    ] as const) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(problems(schema, await res.json()), path).toEqual([]);
    }
    const missing = await call(`/api/scenarios/${c.id}/versions/x`);
    expect(missing.status).toBe(400);
    expect(problems(ErrorSchema, await missing.json())).toEqual([]);
  });
});

describe('the OpenAPI document is the contract the routes read', () => {
  it('lists every route, method and parameter of the contract, and each parameter is enforced', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(CONTRACT)) {
      for (const [method, o] of Object.entries(methods)) {
        const published = doc.paths[path]?.[method]?.parameters.map((p) => p.name) ?? [];
        expect(published, `${method} ${path}`).toEqual(expect.arrayContaining((o as { params: readonly { name: string }[] }).params.map((p) => p.name)));
      }
    }
    // Each GET parameter with a constrained schema refuses a wrong value by name.
    for (const [path, methods] of Object.entries(CONTRACT)) {
      const get = (methods as { get?: { params: readonly { name: string; schema: Record<string, unknown> }[] } }).get;
      for (const p of get?.params ?? []) {
        if ((p as { in?: string }).in) continue; // path and header parameters: their routes' own tests
        if (!p.schema.enum && p.schema.type !== 'number' && p.schema.type !== 'integer' && p.schema.type !== 'boolean') continue;
        const base = path === '/nearest' ? 'lon=106.53&lat=29.58&' : path === '/places' ? 'q=guanyinqiao&' : '';
        const res = await call(`/api${path}?${base.replace(`${p.name}=`, 'x=')}${p.name}=bogus`);
        expect(res.status, `${path} ${p.name}=bogus`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { error: { message: string; details?: { problems?: { field: string }[] } } };
        const named = body.error.message.includes(p.name) || (body.error.details?.problems ?? []).some((x: { field: string }) => x.field.includes(p.name));
        expect(named, `${path}: ${body.error.message}`).toBe(true);
      }
    }
  });
});
