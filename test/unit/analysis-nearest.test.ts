import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS, tierRank } from '../../domain/tiers';
import { nearestSites } from '../../worker/analysis/analyse';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { projectSites } from '../../worker/analysis/sites';
import { randomSites, rng } from '../fixtures/analysis/random-sites';
import { shippedLayers } from '../fixtures/analysis/shipped-data';

describe('nearest site per tier (straight line)', () => {
  let model: DistrictModel;
  beforeAll(() => {
    model = buildModel(shippedLayers());
  });

  it('matches Turf’s distance to the nearest serving site (points and polygon edges) within 0.3 %', () => {
    const fc = randomSites(200, 21);
    const sites = projectSites(model.grid, fc);
    const r = rng(5);
    for (let k = 0; k < 25; k++) {
      const lon = 106.5 + r() * 0.35;
      const lat = 29.57 + r() * 0.1;
      const got = nearestSites(model, sites, DEFAULT_RADII, 'radius', lon, lat);
      const pt = turf.point([lon, lat]);
      TIERS.forEach((tier, t) => {
        const serving = fc.features.filter((f) => tierRank(f.properties!.tier) >= t);
        const dist = serving.map((f) =>
          f.geometry.type === 'Point'
            ? turf.distance(pt, f as never, { units: 'meters' })
            : turf.booleanPointInPolygon(pt, f as never)
              ? 0
              : turf.pointToPolygonDistance(pt, f as never, { units: 'meters' }),
        );
        const best = Math.min(...dist);
        const mine = got.tiers[t]!;
        expect(mine.tier).toBe(tier);
        expect(Math.abs(mine.distance_m! - best)).toBeLessThan(0.003 * best + 0.2);
        expect(mine.covered).toBe(mine.distance_m! <= DEFAULT_RADII[tier]);
        expect(mine.walk_min).toBeCloseTo(mine.distance_m! / 80, 1);
        expect(mine.path).toBeUndefined();
      });
    }
  });

  it('lists the 5 closest sites of any tier, closest first; the first is the leisure tier’s nearest', () => {
    const fc = randomSites(60, 4);
    const sites = projectSites(model.grid, fc);
    const got = nearestSites(model, sites, DEFAULT_RADII, 'radius', 106.62, 29.6);
    expect(got.sites).toHaveLength(5);
    const d = got.sites.map((s) => s.distance_m);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    // Every site serves the leisure tier, so its nearest is the closest of all.
    expect(got.sites[0]!.id).toBe(got.tiers[0]!.id);
    const all = fc.features.map((f) =>
      f.geometry.type === 'Point'
        ? turf.distance([106.62, 29.6], f as never, { units: 'meters' })
        : turf.booleanPointInPolygon([106.62, 29.6], f as never)
          ? 0
          : turf.pointToPolygonDistance([106.62, 29.6], f as never, { units: 'meters' }),
    );
    all.sort((a, b) => a - b);
    d.forEach((x, k) => expect(Math.abs(x - all[k]!)).toBeLessThan(0.003 * all[k]! + 0.2));
  });

  it('inside a park: distance 0 and covered for every tier', () => {
    const layers = shippedLayers();
    const park = layers.greenspaces.features.find((f) => f.properties!.tier === 'park' && f.geometry.type === 'Polygon')!;
    const [lon, lat] = turf.pointOnFeature(park as never).geometry.coordinates as [number, number];
    const got = nearestSites(model, projectSites(model.grid, layers.greenspaces), DEFAULT_RADII, 'radius', lon, lat);
    for (const t of got.tiers) {
      expect(t.distance_m).toBe(0);
      expect(t.covered).toBe(true);
      expect(t.id).toBe(park.properties!.id);
    }
  });

  it('no sites of a tier: nulls, not covered', () => {
    const only = { type: 'FeatureCollection' as const, features: [turf.point([106.6, 29.6], { tier: 'leisure', id: 'a' })] };
    const got = nearestSites(model, projectSites(model.grid, only), DEFAULT_RADII, 'radius', 106.6, 29.601);
    expect(got.tiers[0]!.id).toBe('a');
    expect(got.tiers[1]).toMatchObject({ tier: 'garden', id: null, distance_m: null, covered: false });
    expect(got.tiers[2]).toMatchObject({ tier: 'park', id: null, distance_m: null, covered: false });
  });
});
