import { exports } from 'cloudflare:workers';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Coverage, ErrorBody } from '../../domain/api';
import { DEFAULT_RADII } from '../../domain/tiers';
import { referenceLand, referenceRates } from '../fixtures/analysis/reference';

const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));
const get = async <T>(path: string): Promise<T> => {
  const res = await call(path);
  expect(res.status, `${path} → ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const post = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const layer = (id: string) => get<FeatureCollection>(`/api/layers/${id}`);

describe('GET /api/coverage over the shipped data, in workerd', () => {
  let layers: Record<string, FeatureCollection | undefined>;
  beforeAll(async () => {
    layers = {};
    for (const id of ['boundary', 'rivers', 'builtup', 'greenspaces', 'zones', 'cores', 'belt']) {
      const res = await call(`/api/layers/${id}`);
      layers[id] = res.status === 200 ? ((await res.json()) as FeatureCollection) : undefined;
    }
  });

  // The shipped green spaces are a few hundred real outlines, and Turf's union of their
  // buffers takes tens of seconds in workerd: the full set is compared with Turf in the unit
  // tests (test/unit/analysis-rates.test.ts, every area); here a fixed quarter of it (every
  // fourth feature) is posted and compared, and the next tests tie GET to POST.
  it('gives every tier’s rate within 0.5 pp of the Turf reference, for the district and all land', async () => {
    const body = await get<Coverage>('/api/coverage');
    expect(body.mode).toBe('radius');
    expect(body.radii).toEqual(DEFAULT_RADII);
    expect(body.tiers.map((t) => t.tier)).toEqual(['leisure', 'garden', 'park']);
    const quarter = { type: 'FeatureCollection' as const, features: layers.greenspaces!.features.filter((_, k) => k % 4 === 0) };
    const res = await post('/api/coverage', { sites: quarter });
    expect(res.status).toBe(200);
    const posted = (await res.json()) as Coverage;
    const ref = referenceLand({ boundary: layers.boundary!, rivers: layers.rivers, builtup: layers.builtup });
    const measured = body.of === 'builtup' ? ref.builtup! : ref.land;
    const r = referenceRates(measured, quarter, DEFAULT_RADII, undefined, 64);
    const rl = referenceRates(ref.land, quarter, DEFAULT_RADII, undefined, 64);
    posted.tiers.forEach((t, k) => {
      expect(t.radius_m).toBe(DEFAULT_RADII[t.tier as 'park']);
      expect(Math.abs(t.coverage_pct - r[k]!.coverage_pct), t.tier).toBeLessThan(0.5);
      expect(Math.abs(t.land_coverage_pct - rl[k]!.coverage_pct), t.tier).toBeLessThan(0.5);
      expect(t.total_km2).toBeCloseTo(r[k]!.total_km2, 0);
    });
    body.tiers.forEach((t, k) => {
      expect(t.total_km2).toBe(posted.tiers[k]!.total_km2);
      expect(t.covered_km2).toBeLessThanOrEqual(t.total_km2);
      // More sites cover at least as much.
      expect(t.covered_km2).toBeGreaterThanOrEqual(posted.tiers[k]!.covered_km2);
    });
  }, 120_000);

  it('reports every core, zone and belt segment by name, in the plan’s kinds', async () => {
    const body = await get<Coverage>('/api/coverage');
    expect(body.areas[0]).toMatchObject({ kind: 'district' });
    const kinds = new Set(body.areas.map((a) => a.kind));
    for (const [id, kind] of [
      ['cores', 'core'],
      ['zones', 'zone'],
      ['belt', 'belt'],
    ] as const) {
      for (const f of layers[id]?.features ?? []) {
        const a = body.areas.find((x) => x.id === f.properties!.id);
        expect(a, `${kind} ${f.properties!.id}`).toBeDefined();
        expect(a!.kind).toBe(kind);
        expect(a!.name_zh).toBe(f.properties!.name_zh);
        expect(a!.tiers).toHaveLength(3);
      }
      if (layers[id]?.features.length) expect(kinds.has(kind)).toBe(true);
    }
  });

  it('is cached per isolate and served with an ETag (304 on revalidation)', async () => {
    const first = await call('/api/coverage?radii=leisure:600');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await call('/api/coverage?radii=leisure:600');
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(await again.text()).toBe(await first.text());
    const revalidate = await call('/api/coverage?radii=leisure:600', { headers: { 'if-none-match': etag! } });
    expect(revalidate.status).toBe(304);
    // Other inputs, another key.
    const other = await call('/api/coverage?radii=leisure:700');
    expect(other.headers.get('etag')).not.toBe(etag);
    expect(other.headers.get('x-cache')).toBe('miss');
  });

  it('radii change the answer: a larger leisure radius covers more, the other tiers stay', async () => {
    const base = await get<Coverage>('/api/coverage');
    const wide = await get<Coverage>('/api/coverage?radii=leisure:1000');
    expect(wide.radii).toEqual({ ...DEFAULT_RADII, leisure: 1000 });
    expect(wide.tiers[0]!.covered_km2).toBeGreaterThan(base.tiers[0]!.covered_km2);
    expect(wide.tiers[2]).toEqual(base.tiers[2]);
  });

  // GET answers the shipped sites from their rate index (radii in 0.5 m steps up to 2000 m)
  // and stamps other radii; a POST of the same sites always stamps. All three agree.
  it('GET (rate index or stamped) and a POST of the same sites give the same rates', async () => {
    const sites = await layer('greenspaces');
    for (const radii of [
      { leisure: 400, garden: 900, park: 1800 },
      { leisure: 512.5, garden: 1000.25, park: 2600 },
    ]) {
      const q = Object.entries(radii)
        .map(([k, v]) => `${k}:${v}`)
        .join(',');
      const got = await get<Coverage>(`/api/coverage?radii=${q}`);
      const res = await post('/api/coverage', { sites, radii });
      expect(res.status).toBe(200);
      const posted = (await res.json()) as Coverage;
      got.areas.forEach((a, k) =>
        a.tiers.forEach((t, i) => {
          const p = posted.areas[k]!.tiers[i]!;
          expect(t.radius_m).toBe(p.radius_m);
          expect(Math.abs(t.coverage_pct - p.coverage_pct), `${a.id} ${t.tier} at ${t.radius_m} m`).toBeLessThanOrEqual(0.06);
          expect(t.total_km2).toBe(p.total_km2);
        }),
      );
    }
  });

  it('walk mode never covers more than straight-line mode', async () => {
    const radius = await get<Coverage>('/api/coverage');
    const walk = await get<Coverage>('/api/coverage?mode=walk');
    expect(walk.mode).toBe('walk');
    walk.tiers.forEach((t, k) => expect(t.covered_km2).toBeLessThanOrEqual(radius.tiers[k]!.covered_km2 + 0.05));
  });

  // GET in walk mode reads the walk index (radii in 0.5 m steps up to 2000 m) and walks
  // other radii; a POST of the same sites always walks. All agree exactly.
  it('walk mode: GET (walk index or walked) and a POST of the same sites give the same rates', async () => {
    const sites = await layer('greenspaces');
    for (const radii of [DEFAULT_RADII, { leisure: 612.5, garden: 1000, park: 2400 }]) {
      const q = Object.entries(radii)
        .map(([k, v]) => `${k}:${v}`)
        .join(',');
      const got = await get<Coverage>(`/api/coverage?mode=walk&radii=${q}`);
      const res = await post('/api/coverage', { sites, radii, mode: 'walk' });
      expect(res.status).toBe(200);
      const posted = (await res.json()) as Coverage;
      expect(got.areas).toEqual(posted.areas);
    }
  }, 60_000);

  it('rings: one clipped (multi)polygon per tier whose area matches the land it covers', async () => {
    const rings = await get<FeatureCollection>('/api/coverage/rings');
    const district = layers.boundary!.features[0] as Feature<Polygon | MultiPolygon>;
    const dArea = turf.area(district) / 1e6;
    const body = await get<Coverage>('/api/coverage');
    for (const f of rings.features) {
      const t = body.tiers.find((x) => x.tier === f.properties!.tier)!;
      const area = turf.area(f) / 1e6;
      expect(f.properties!.area_km2).toBeCloseTo(area, 2);
      expect(area).toBeLessThanOrEqual(dArea + 0.01);
      // The ring includes water; land covered can only be smaller.
      expect(t.land_covered_km2).toBeLessThanOrEqual(area + 0.1);
    }
    expect(rings.features.map((f) => f.properties!.tier)).toEqual(['leisure', 'garden', 'park'].slice(0, rings.features.length));
  });

  it('gaps: largest first, with area and zone; together they are the uncovered built-up land', async () => {
    const gaps = await get<FeatureCollection>('/api/gaps?tier=park&min_km2=0');
    const body = await get<Coverage>('/api/coverage');
    const park = body.tiers[2]!;
    const areas = gaps.features.map((f) => f.properties!.area_km2 as number);
    expect([...areas].sort((a, b) => b - a)).toEqual(areas);
    expect(Math.abs(areas.reduce((s, a) => s + a, 0) / (park.total_km2 - park.covered_km2) - 1)).toBeLessThan(0.03);
    for (const f of gaps.features) expect(f.properties).toHaveProperty('zone');
  });

  it('nearest: a point inside a park is 0 m from it at every tier; walk mode adds a path', async () => {
    const park = layers.greenspaces!.features.find((f) => f.properties!.tier === 'park' && f.geometry.type !== 'Point')!;
    const [lon, lat] = turf.pointOnFeature(park).geometry.coordinates as [number, number];
    const near = await get<{ tiers: { tier: string; id: string; distance_m: number; covered: boolean; walk_min: number }[] }>(
      `/api/nearest?lon=${lon}&lat=${lat}`,
    );
    for (const t of near.tiers) expect(t).toMatchObject({ id: park.properties!.id, distance_m: 0, covered: true, walk_min: 0 });
    // From 1 km north of it, on foot.
    const walk = await get<{ tiers: { distance_m: number; walk_min: number; path?: { type: string; coordinates: number[][] } }[] }>(
      `/api/nearest?lon=${lon}&lat=${lat + 0.009}&mode=walk`,
    );
    const t = walk.tiers[0]!;
    expect(t.path!.type).toBe('LineString');
    expect(t.path!.coordinates[0]![0]).toBeCloseTo(lon, 5);
    expect(t.walk_min).toBeCloseTo(t.distance_m / 80, 1);
  });

  it('suggest: N points with falling gains; adding them (POST) raises the rate by their sum', async () => {
    const picks = await get<FeatureCollection>('/api/suggest?tier=leisure&count=4');
    expect(picks.features).toHaveLength(4);
    const gains = picks.features.map((f) => f.properties!.gain_pp as number);
    for (let k = 1; k < 4; k++) expect(gains[k]!).toBeLessThanOrEqual(gains[k - 1]!);
    const base = await get<Coverage>('/api/coverage');
    const sites = {
      type: 'FeatureCollection',
      features: [...layers.greenspaces!.features, ...picks.features.map((f) => ({ ...f, properties: { tier: 'leisure' } }))],
    };
    const res = await post('/api/coverage', { sites });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Coverage;
    const rise = after.tiers[0]!.coverage_pct - base.tiers[0]!.coverage_pct;
    expect(Math.abs(rise - gains.reduce((s, g) => s + g, 0))).toBeLessThan(0.2);
  });

  it('serves an OpenAPI 3.1 document describing every route', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/coverage', '/coverage/rings', '/gaps', '/gaps/pieces', '/nearest', '/suggest']) {
      expect(doc.paths[p], p).toHaveProperty('get');
      expect(doc.paths[p], p).toHaveProperty('post');
    }
  });
});

describe('sports grounds counted as leisure spaces (sports=true)', () => {
  const asLeisure = (fc: FeatureCollection): Feature[] => fc.features.map((f) => ({ ...f, properties: { ...f.properties, tier: 'leisure' } }));
  const sportsLayer = async (): Promise<FeatureCollection> => {
    const res = await call('/api/layers/sports');
    return res.status === 200 ? ((await res.json()) as FeatureCollection) : { type: 'FeatureCollection', features: [] };
  };

  it('GET echoes it; with them the rates are ≥ without (leisure only moves) and equal a POST of green spaces + sports grounds', async () => {
    const without = await get<Coverage & { sports: boolean; sites: number }>('/api/coverage');
    const withSports = await get<Coverage & { sports: boolean; sites: number }>('/api/coverage?sports=true');
    expect(without.sports).toBe(false);
    expect(withSports.sports).toBe(true);
    const green = await layer('greenspaces');
    const sports = await sportsLayer();
    expect(withSports.sites).toBe(green.features.length + sports.features.length);
    withSports.areas.forEach((a, k) => {
      const w = without.areas[k]!;
      expect(a.tiers[0]!.covered_km2, a.id).toBeGreaterThanOrEqual(w.tiers[0]!.covered_km2);
      // Sports grounds are leisure spaces only: the garden and park tiers do not move.
      expect(a.tiers.slice(1)).toEqual(w.tiers.slice(1));
    });
    if (sports.features.length > 0) expect(withSports.tiers[0]!.covered_km2).toBeGreaterThan(without.tiers[0]!.covered_km2);
    // The same sites posted: green spaces and sports grounds (as leisure), stamped.
    const posted = (await (
      await post('/api/coverage', { sites: { type: 'FeatureCollection', features: [...green.features, ...asLeisure(sports)] } })
    ).json()) as Coverage & { sports: boolean };
    expect(posted.sports).toBe(false);
    withSports.areas.forEach((a, k) =>
      a.tiers.forEach((t, i) => expect(Math.abs(t.coverage_pct - posted.areas[k]!.tiers[i]!.coverage_pct), `${a.id} ${t.tier}`).toBeLessThanOrEqual(0.06)),
    );
    // …and the green spaces posted with sports: true add the shipped sports grounds to them.
    const res = await post('/api/coverage', { sites: green, sports: true });
    expect(res.status).toBe(200);
    const both = (await res.json()) as Coverage & { sports: boolean };
    expect(both.sports).toBe(true);
    expect(both.areas).toEqual(posted.areas);
  }, 60_000);

  it('every coverage route takes it and echoes it, GET and POST', async () => {
    const site = { type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [106.56, 29.59] } };
    const sites = { type: 'FeatureCollection', features: [site] };
    for (const path of [
      '/api/coverage/rings?sports=true',
      '/api/gaps?tier=leisure&sports=true',
      '/api/nearest?lon=106.56&lat=29.6&sports=true',
      '/api/suggest?count=2&sports=true',
    ]) {
      expect((await get<{ sports: boolean }>(path)).sports, path).toBe(true);
    }
    expect((await get<{ sports: boolean }>('/api/gaps?sports=false')).sports).toBe(false);
    for (const path of ['/api/coverage/rings', '/api/gaps', '/api/nearest?lon=106.56&lat=29.6', '/api/suggest?count=2']) {
      const res = await post(path, { sites, sports: true });
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as { sports: boolean }).sports, path).toBe(true);
    }
    // In the query string of a POST too.
    expect(((await (await post('/api/coverage?sports=true', { sites })).json()) as { sports: boolean }).sports).toBe(true);
  }, 60_000);

  it('nearest with sports: a point inside a sports ground finds it as the nearest leisure space', async () => {
    const sports = await sportsLayer();
    const ground = sports.features.find((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    if (!ground) return; // no sports layer ships yet: nothing to find
    const [lon, lat] = turf.pointOnFeature(ground as Feature<Polygon>).geometry.coordinates as [number, number];
    const near = await get<{ tiers: { tier: string; id: string; distance_m: number }[] }>(`/api/nearest?lon=${lon}&lat=${lat}&sports=true`);
    expect(near.tiers[0]).toMatchObject({ tier: 'leisure', distance_m: 0 });
  });

  it('anything but true or false → 422 invalid_parameter naming sports', async () => {
    for (const path of [
      '/api/coverage?sports=yes',
      '/api/coverage/rings?sports=1',
      '/api/gaps?sports=TRUE',
      '/api/nearest?lon=106.56&lat=29.6&sports=',
      '/api/suggest?sports=on',
    ]) {
      const res = await call(path);
      if (path.endsWith('sports=')) {
        expect(res.status, path).toBe(200); // empty: the default
        continue;
      }
      expect(res.status, path).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toContain('sports');
    }
    const sites = { type: 'FeatureCollection', features: [] };
    for (const value of [1, 'yes', [], {}]) {
      const res = await post('/api/coverage', { sites, sports: value });
      expect(res.status, JSON.stringify(value)).toBe(422);
      expect(((await res.json()) as ErrorBody).error.message).toContain('sports');
    }
    // The words, as a query string has them, are read too.
    expect(((await (await post('/api/coverage', { sites, sports: 'true' })).json()) as { sports: boolean }).sports).toBe(true);
  });
});

describe('POST analyses over the caller’s sites', () => {
  const site = { type: 'Feature', properties: { tier: 'park', id: 'mine', name_en: 'My park' }, geometry: { type: 'Point', coordinates: [106.56, 29.59] } };

  it('one park: its leisure, garden and park coverage match the reference for that site', async () => {
    const sites = { type: 'FeatureCollection', features: [site] };
    const res = await post('/api/coverage', { sites, radii: { park: 1500 } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Coverage;
    expect(body.radii).toEqual({ ...DEFAULT_RADII, park: 1500 });
    const boundary = await layer('boundary');
    const rivers = await layer('rivers');
    const builtup = await layer('builtup');
    const ref = referenceLand({ boundary, rivers, builtup });
    const r = referenceRates(ref.land, sites as FeatureCollection, { ...DEFAULT_RADII, park: 1500 }, undefined, 64);
    body.tiers.forEach((t, k) => expect(Math.abs(t.land_coverage_pct - r[k]!.coverage_pct)).toBeLessThan(0.5));
    expect(body.tiers[0]!.land_covered_km2).toBeGreaterThan(0);
  });

  it('rings, gaps and nearest take the same body', async () => {
    const sites = { type: 'FeatureCollection', features: [site] };
    const rings = (await (await post('/api/coverage/rings', { sites })).json()) as FeatureCollection;
    expect(rings.features).toHaveLength(3);
    const gaps = await post('/api/gaps?tier=leisure', { sites });
    expect(gaps.status).toBe(200);
    const near = (await (await post('/api/nearest', { sites, lon: 106.56, lat: 29.6 })).json()) as { tiers: { id: string; distance_m: number }[] };
    expect(near.tiers[0]!.id).toBe('mine');
    expect(near.tiers[0]!.distance_m).toBeCloseTo(turf.distance([106.56, 29.59], [106.56, 29.6], { units: 'meters' }), -1);
  });
});

describe('bad input gets a 4xx naming the problem, never a 5xx', () => {
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    return body;
  };

  it('malformed JSON → 400 invalid_json', async () => {
    await expectError(await post('/api/coverage', '{"sites": '), 400, 'invalid_json');
  });
  it('not a FeatureCollection → 422', async () => {
    await expectError(await post('/api/coverage', { sites: { type: 'Point', coordinates: [1, 2] } }), 422, 'invalid_sites');
  });
  it('a bad feature → 422 with its index', async () => {
    const features = [
      { type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } },
      { type: 'Feature', properties: { tier: 'lake' }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } },
    ];
    const body = await expectError(await post('/api/coverage', { sites: { type: 'FeatureCollection', features } }), 422, 'unknown_tier');
    expect(body.error.details!.problems![0]).toMatchObject({ index: 1, field: 'sites.features[1].properties.tier' });
    expect(body.error.message).toContain('Feature 1');
  });
  it('a line where a site should be → 422 unsupported_geometry', async () => {
    const f = {
      type: 'Feature',
      properties: { tier: 'park' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.6, 29.6],
          [106.61, 29.6],
        ],
      },
    };
    await expectError(await post('/api/coverage/rings', { sites: { type: 'FeatureCollection', features: [f] } }), 422, 'unsupported_geometry');
  });
  it('far from Chongqing → 422 far_from_district', async () => {
    const f = { type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [2.35, 48.85] } };
    await expectError(await post('/api/gaps', { sites: { type: 'FeatureCollection', features: [f] } }), 422, 'far_from_district');
  });
  it('absurd radius, unknown tier, unknown mode, bad point → 422', async () => {
    await expectError(await call('/api/coverage?radii=park:99999'), 422, 'invalid_radius');
    await expectError(await call('/api/gaps?tier=pond'), 422, 'unknown_tier');
    await expectError(await call('/api/coverage?mode=fly'), 422, 'invalid_mode');
    await expectError(await call('/api/nearest?lon=abc&lat=29.6'), 422, 'invalid_parameter');
    await expectError(await call('/api/nearest?lon=116.4&lat=39.9'), 422, 'far_from_district');
    await expectError(await call('/api/suggest?count=0'), 422, 'invalid_parameter');
  });
  it('too many features → 413; a body over the limit → 413 body_too_large', async () => {
    const features = Array.from({ length: 10_001 }, () => ({
      type: 'Feature',
      properties: { tier: 'leisure' },
      geometry: { type: 'Point', coordinates: [106.6, 29.6] },
    }));
    await expectError(await post('/api/coverage', { sites: { type: 'FeatureCollection', features } }), 413, 'too_many_features');
    const big = JSON.stringify({ sites: { type: 'FeatureCollection', features: [] }, pad: 'x'.repeat(5 * 1024 * 1024) });
    await expectError(await post('/api/coverage', big), 413, 'body_too_large');
  });
});

describe('fuzzed bodies never get a 5xx', () => {
  it('arbitrary JSON as the body or as `sites`: 200 or a 4xx with an error code', async () => {
    const fc = await import('fast-check');
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'feature', 'Point'),
      properties: fc.oneof(fc.constant(null), fc.record({ tier: fc.oneof(fc.constantFrom('leisure', 'garden', 'park'), fc.string()) })),
      geometry: fc.oneof(
        fc.constant(null),
        fc.record({ type: fc.constantFrom('Point', 'Polygon', 'LineString', 'MultiPolygon'), coordinates: fc.anything() }),
        fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(fc.double(), fc.double()) }),
      ),
    });
    const bodies = fc.oneof(
      fc.anything(),
      fc.record({ sites: fc.anything() }),
      fc.record({
        sites: fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 5 }) }),
        radii: fc.anything(),
        mode: fc.anything(),
      }),
    );
    const paths = ['/api/coverage', '/api/coverage/rings', '/api/gaps', '/api/nearest?lon=106.6&lat=29.6', '/api/suggest'];
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(...paths), async (body, path) => {
        const res = await post(path, JSON.stringify(body) ?? 'null');
        const text = await res.text();
        expect(res.status, `${path} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) expect((JSON.parse(text) as ErrorBody).error.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
