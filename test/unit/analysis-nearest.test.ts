import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS, tierRank } from '../../domain/tiers';
import { nearestSites } from '../../worker/analysis/analyse';
import { toGrid } from '../../worker/analysis/grid';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { nearestByWalk } from '../../worker/analysis/nearest';
import { siteSamples } from '../../worker/analysis/site-samples';
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

describe('the five nearest sites on foot (walk mode)', () => {
  let model: DistrictModel;
  beforeAll(() => {
    model = buildModel(shippedLayers());
  });

  it('are the five a walk to each site alone ranks first, at the same distances, from both banks of the rivers', () => {
    const fc = randomSites(80, 16);
    const sites = projectSites(model.grid, fc);
    // Guanyinqiao; the Jiangbeizui bank; the Yuzhong bank across the Jialing; the east.
    const spots = [
      [106.5299, 29.5703],
      [106.573, 29.575],
      [106.555, 29.561],
      [106.75, 29.63],
    ] as const;
    const got = spots.map(([lon, lat]) => nearestSites(model, sites, DEFAULT_RADII, 'walk', lon, lat));
    // Each site walked to on its own: the same search, one site at a time, as far as a little
    // past the fifth (a site not reached is farther).
    const alone: { id: string; d: number }[][] = spots.map(() => []);
    for (const s of sites) {
      const samples = siteSamples(model.grid, [s]);
      spots.forEach(([lon, lat], k) => {
        const [gx, gy] = toGrid(model.grid, lon, lat);
        const far = (got[k]!.sites[4]?.distance_m ?? 15000) * 1.05 + 100;
        const hit = nearestByWalk(model.grid, model.blocked, [s], samples, gx, gy, far).tiers[0];
        if (hit) alone[k]!.push({ id: s.id, d: Math.round(hit.distance_m * 10) / 10 });
      });
    }
    spots.forEach(([lon, lat], k) => {
      const near = got[k]!;
      expect(near.walk_reach_m).toBe(15000);
      expect(near.sites).toHaveLength(5);
      const ranked = alone[k]!.sort((a, b) => a.d - b.d);
      expect(near.sites.map((s) => [s.id, s.distance_m])).toEqual(ranked.slice(0, 5).map((x) => [x.id, x.d]));
      // Never shorter than the straight line to the same site.
      for (const s of near.sites) {
        const straight = nearestSites(
          model,
          sites.filter((x) => x.id === s.id),
          DEFAULT_RADII,
          'radius',
          lon,
          lat,
        ).tiers[0]!.distance_m!;
        expect(s.distance_m).toBeGreaterThanOrEqual(straight);
      }
      // Each tier's nearest is the first listed site serving it, when one is listed.
      near.tiers.forEach((t, r) => {
        const first = near.sites.find((s) => tierRank(s.tier) >= r);
        if (first) expect([t.id, t.distance_m]).toEqual([first.id, first.distance_m]);
      });
    });
  });

  it('a site inside another’s outline is found too: a leisure space in a park, both listed', () => {
    // A park 400 m across with a pocket park inside it, 300 m east of its edge the spot.
    const park = turf.circle([106.6, 29.6], 0.2, { steps: 24, properties: { id: 'park', tier: 'park' } });
    const pocket = turf.point([106.6, 29.6], { id: 'pocket', tier: 'leisure' });
    const sites = projectSites(model.grid, { type: 'FeatureCollection', features: [park, pocket] });
    const lon = 106.6 + 0.5 / 96.7;
    const walk = nearestSites(model, sites, DEFAULT_RADII, 'walk', lon, 29.6);
    const radius = nearestSites(model, sites, DEFAULT_RADII, 'radius', lon, 29.6);
    expect(walk.sites.map((s) => s.id)).toEqual(['park', 'pocket']);
    expect(radius.sites.map((s) => s.id)).toEqual(['park', 'pocket']);
    walk.sites.forEach((s, k) => expect(s.distance_m).toBeGreaterThanOrEqual(radius.sites[k]!.distance_m));
    expect(walk.sites[1]!.distance_m).toBeLessThan(radius.sites[1]!.distance_m * 1.03);
  });

  it('fewer than five within the walk’s reach: all there are, and the tiers with none are null', () => {
    const fc = randomSites(3, 7, { tierShares: [1, 0, 0] });
    const sites = projectSites(model.grid, fc);
    const got = nearestSites(model, sites, DEFAULT_RADII, 'walk', 106.62, 29.6);
    expect(got.sites.length).toBeLessThanOrEqual(3);
    expect(got.sites.length).toBeGreaterThan(0);
    expect(got.tiers[1]).toMatchObject({ tier: 'garden', id: null, distance_m: null });
    expect(got.tiers[2]).toMatchObject({ tier: 'park', id: null, distance_m: null });
  });
});
