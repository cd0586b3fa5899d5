import type { FeatureCollection } from 'geojson';
import { writeArrayBuffer } from 'geotiff';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePopulationTiff } from '../../src/population/parse-geotiff';
import { preparePopulation } from '../../src/population/prepare';
import { call, json, post } from './http';

interface Rate {
  tier: string;
  coverage_pct: number;
  land_coverage_pct: number;
  people_covered?: number;
  people_total?: number;
  people_pct?: number;
}
interface Coverage {
  tiers: Rate[];
  areas: { id: string; kind: string; tiers: Rate[] }[];
  people?: { source: string | null; date: string | null; given: number; total: number; outside: number; extent_builtup_pct: number };
}
interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: { index?: number; field: string; message: string }[] } };
}

describe('population in the analysis requests, in workerd', () => {
  let green: FeatureCollection;
  let park: [number, number];
  beforeAll(async () => {
    green = await json<FeatureCollection>(await call('/api/layers/greenspaces'));
    const f =
      green.features.find((x) => x.properties!.tier === 'park' && x.geometry.type === 'Point') ?? green.features.find((x) => x.properties!.tier === 'park')!;
    const g = f.geometry;
    park = (
      g.type === 'Point' ? g.coordinates : g.type === 'Polygon' ? g.coordinates[0]![0]! : (g as { coordinates: number[][][][] }).coordinates[0]![0]![0]!
    ) as [number, number];
  }, 60_000);

  it('POST /api/coverage: people beside area in every rate, with the source and date as given', async () => {
    // 1,000 people at a park's edge (served at every tier), 1,000 far out east where nothing is.
    const population = {
      points: [
        [park[0], park[1], 1000],
        [106.86, 29.7, 1000],
      ],
      source: 'Test census 测试',
      date: '2020',
      extent: [106.4, 29.5, 106.9, 29.8],
    };
    const body = await json<Coverage>(await post('/api/coverage', { sites: green, population }));
    expect(body.people).toMatchObject({ source: 'Test census 测试', date: '2020', given: 2000 });
    const d = body.tiers;
    for (const t of d) {
      expect(t.people_total).toBe(body.people!.total);
      expect(t.people_covered).toBeGreaterThanOrEqual(1000);
      expect(t.people_pct).toBeCloseTo((100 * t.people_covered!) / t.people_total!, 1);
    }
    for (const a of body.areas) for (const t of a.tiers) expect(t).toHaveProperty('people_pct');
    // Without a population, no people fields.
    const plain = await json<Coverage>(await post('/api/coverage', { sites: green }));
    expect(plain.people).toBeUndefined();
    expect(plain.tiers[0]).not.toHaveProperty('people_pct');
    expect(plain.tiers.map((t) => t.coverage_pct)).toEqual(d.map((t) => t.coverage_pct));
  }, 60_000);

  it('POST /api/gaps/pieces and /api/suggest: ranked and picked by people', async () => {
    // 5,000 people in the 20th-largest leisure gap piece (by area), 3 elsewhere.
    const byArea = await json<FeatureCollection>(await call('/api/gaps/pieces?tier=leisure&limit=20'));
    const [cx, cy] = byArea.features[19]!.properties!.centre as [number, number];
    const population = {
      points: [
        [cx, cy, 5000],
        [106.52, 29.6, 3],
      ],
    };
    const pieces = await json<FeatureCollection & { people: { given: number } }>(
      await post('/api/gaps/pieces?tier=leisure&limit=3', { sites: green, population }),
    );
    expect(pieces.people.given).toBe(5003);
    expect(pieces.features[0]!.properties!.people).toBe(5000);
    expect(pieces.features[0]!.properties!.site.gain_people).toBe(5000);
    const picks = await json<FeatureCollection>(await post('/api/suggest', { tier: 'leisure', count: 1, population }));
    expect(picks.features[0]!.properties!.gain_people).toBe(5000);
    const [lon, lat] = picks.features[0]!.geometry.type === 'Point' ? picks.features[0]!.geometry.coordinates : [0, 0];
    expect(Math.hypot((lon! - cx) * 96800, (lat! - cy) * 111200)).toBeLessThan(520);
  }, 60_000);

  it('4xx: every bad point named by index, too many points, no people, bad extent and text', async () => {
    const bad = await json<ErrorBody>(
      await post('/api/coverage', {
        sites: green,
        population: {
          points: [
            [106.6, 29.6, 10],
            [106.6, 29.6, -1],
            ['x', 29.6, 1],
            [29.6, 106.6, 5],
            [106.6, 29.6],
          ],
        },
      }),
      422,
    );
    expect(bad.error.code).toBe('invalid_population');
    expect(bad.error.message).toMatch(/population point 1: count -1/);
    expect(bad.error.message).toMatch(/and 3 more bad points/);
    expect(bad.error.details!.problems!.map((p) => p.index)).toEqual([1, 2, 3, 4]);
    const many = Array.from({ length: 150_001 }, () => [106.6, 29.6, 1]);
    expect((await json<ErrorBody>(await post('/api/coverage', { sites: green, population: { points: many } }), 413)).error.code).toBe(
      'too_many_population_points',
    );
    expect((await json<ErrorBody>(await post('/api/coverage', { sites: green, population: { points: [[106.6, 29.6, 0]] } }), 422)).error.message).toMatch(
      /no people/,
    );
    expect(
      (await json<ErrorBody>(await post('/api/coverage', { sites: green, population: { points: [[106.6, 29.6, 1]], extent: [107, 29, 106, 30] } }), 422)).error
        .message,
    ).toMatch(/extent/);
    expect(
      (await json<ErrorBody>(await post('/api/coverage', { sites: green, population: { points: [[106.6, 29.6, 1]], source: 7 } }), 422)).error.message,
    ).toMatch(/source/);
    expect((await json<ErrorBody>(await post('/api/coverage', { sites: green, population: [1, 2] }), 422)).error.code).toBe('invalid_population');
    // `given` below the points' own total (beyond the wire's rounding) is refused.
    expect(
      (await json<ErrorBody>(await post('/api/coverage', { sites: green, population: { points: [[106.6, 29.6, 100]], given: 50 } }), 422)).error.message,
    ).toMatch(/given/);
    expect((await json<ErrorBody>(await post('/api/suggest', { population: { points: 'x' } }), 422)).error.code).toBe('invalid_population');
  }, 60_000);

  it('geotiff.js runs in workerd: a UTM GeoTIFF written and read here, sent as the page sends it, counted in people', async () => {
    // 10 × 8 pixels of 100 m at 50 people, in UTM 48N, north-west corner at E 658 000, N 3 278 200 (by Tangjiatuo).
    const buffer = writeArrayBuffer(new Float32Array(80).fill(50), {
      width: 10,
      height: 8,
      BitsPerSample: [32],
      SampleFormat: [3],
      SamplesPerPixel: 1,
      ModelPixelScale: [100, 100, 0],
      ModelTiepoint: [0, 0, 0, 658000, 3278200, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32648,
    } as Parameters<typeof writeArrayBuffer>[1]);
    const r = await parsePopulationTiff(buffer);
    expect(r).toMatchObject({ crs: 'EPSG:32648', width: 10, height: 8, total: 4000 });
    const boundary = await json<FeatureCollection>(await call('/api/layers/boundary'));
    const prepared = await preparePopulation({ kind: 'geotiff', buffer }, boundary, { source: 'in-test raster', date: '2026-12-02' });
    const body = await json<Coverage>(await post('/api/coverage', { sites: green, population: prepared.wire }));
    expect(body.people).toMatchObject({ source: 'in-test raster', date: '2026-12-02', given: 4000 });
    // All on district land (the spot was chosen so): none outside.
    expect(body.people).toMatchObject({ total: 4000, outside: 0 });
    expect(body.people!.extent_builtup_pct).toBeGreaterThan(0);
    expect(body.people!.extent_builtup_pct).toBeLessThan(5);
  }, 60_000);
});
