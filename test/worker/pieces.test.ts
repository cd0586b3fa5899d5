import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { call, json, post } from './http';

interface Piece {
  rank: number;
  tier: string;
  radius_m: number;
  mode: string;
  area_km2: number;
  people: number | null;
  zone: { id: string } | null;
  near: { layer: string; name_zh: string; distance_m: number } | null;
  centre: [number, number];
  site: { lon: number; lat: number; closes_pct: number; gain_km2: number; gain_pp: number };
}
interface Rates {
  tiers: { tier: string; covered_km2: number; total_km2: number }[];
}

describe('/api/gaps/pieces, in workerd', () => {
  it('GET: ranked pieces ≤ 1 km² that add up to the uncovered built-up land, each labelled, each with a site', async () => {
    const fcx = await json<FeatureCollection & { sports: boolean }>(await call('/api/gaps/pieces?tier=garden&limit=500&min_km2=0'));
    expect(fcx.sports).toBe(false);
    const pieces = fcx.features.map((f) => f.properties as Piece);
    expect(pieces.length).toBeGreaterThan(10);
    const rates = await json<Rates>(await call('/api/coverage'));
    const garden = rates.tiers[1]!;
    const total = pieces.reduce((s, p) => s + p.area_km2, 0);
    expect(Math.abs(total - (garden.total_km2 - garden.covered_km2))).toBeLessThan(0.05);
    pieces.forEach((p, k) => {
      expect(p.rank).toBe(k + 1);
      expect(p).toMatchObject({ tier: 'garden', radius_m: 1000, mode: 'radius', people: null });
      expect(p.area_km2).toBeLessThanOrEqual(1.0001);
      if (k > 0) expect(p.area_km2).toBeLessThanOrEqual(pieces[k - 1]!.area_km2);
      expect(['stations', 'landmarks']).toContain(p.near!.layer);
      expect(p.site.closes_pct).toBeGreaterThan(0);
    });
    expect(fcx.features[0]!.geometry.type).toBe('MultiPolygon');
  }, 60_000);

  it('GET: limit keeps the top pieces; the default is 50', async () => {
    const all = await json<FeatureCollection>(await call('/api/gaps/pieces'));
    const five = await json<FeatureCollection>(await call('/api/gaps/pieces?limit=5'));
    expect(all.features.length).toBe(50);
    expect(five.features.map((f) => f.properties!.area_km2)).toEqual(all.features.slice(0, 5).map((f) => f.properties!.area_km2));
  });

  it('POST: adding the top piece’s suggested site shrinks that piece and raises the rate by about its gain', async () => {
    const green = await json<FeatureCollection>(await call('/api/layers/greenspaces'));
    const before = await json<FeatureCollection>(await post('/api/gaps/pieces', { sites: green, tier: 'leisure', limit: 1 }));
    const top = before.features[0]!.properties as Piece;
    const rate0 = await json<Rates>(await post('/api/coverage', { sites: green }));
    const withSite = {
      ...green,
      features: [
        ...green.features,
        { type: 'Feature', properties: { tier: 'leisure' }, geometry: { type: 'Point', coordinates: [top.site.lon, top.site.lat] } },
      ],
    };
    const rate1 = await json<Rates>(await post('/api/coverage', { sites: withSite }));
    const rise = rate1.tiers[0]!.covered_km2 - rate0.tiers[0]!.covered_km2;
    // Whole 50 m cells in the gain, 25 m sub-cells in the rate.
    expect(Math.abs(rise - top.site.gain_km2)).toBeLessThan(0.03);
    const after = await json<FeatureCollection>(await post('/api/gaps/pieces?tier=leisure&limit=500&min_km2=0', { sites: withSite }));
    const same = after.features.map((f) => f.properties as Piece).filter((p) => p.near?.name_zh === top.near?.name_zh && p.zone?.id === top.zone?.id);
    const left = same.reduce((s, p) => s + p.area_km2, 0);
    expect(left).toBeLessThan(top.area_km2 * (1 - top.site.closes_pct / 100) + 0.2);
  });

  it('4xx: bad tier, limit and min_km2 name the parameter', async () => {
    const e1 = await json<{ error: { code: string; message: string } }>(await call('/api/gaps/pieces?tier=pond'), 422);
    expect(e1.error.code).toBe('unknown_tier');
    const e2 = await json<{ error: { code: string; message: string } }>(await call('/api/gaps/pieces?limit=0'), 422);
    expect(e2.error).toMatchObject({ code: 'invalid_parameter' });
    expect(e2.error.message).toMatch(/limit/);
    const e3 = await json<{ error: { code: string; message: string } }>(await call('/api/gaps/pieces?limit=2.5'), 422);
    expect(e3.error.message).toMatch(/whole number/);
    const e4 = await json<{ error: { code: string; message: string } }>(
      await post('/api/gaps/pieces', { sites: { type: 'FeatureCollection', features: [] }, min_km2: -1 }),
      422,
    );
    expect(e4.error.message).toMatch(/min_km2/);
  });
});
