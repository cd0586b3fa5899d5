import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS } from '../../domain/tiers';
import { coverageGaps, coverageReport, coverageRings, nearestSites, suggest } from '../../worker/analysis/analyse';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { projectSites } from '../../worker/analysis/sites';
import { checkSites } from '../../worker/analysis/validate-input';
import { shippedLayers } from '../fixtures/analysis/shipped-data';

// Odd but valid input: every analysis answers, with numbers in range, and never throws.
const lon = fc.double({ min: 106.3, max: 107.0, noNaN: true });
const lat = fc.double({ min: 29.45, max: 29.8, noNaN: true });
const tier = fc.constantFrom(...TIERS);
const point = fc
  .record({ lon, lat, tier })
  .map(({ lon, lat, tier }): Feature => ({ type: 'Feature', properties: { tier }, geometry: { type: 'Point', coordinates: [lon, lat] } }));
// Rings of 3–8 random vertices round a centre: convex or not, self-touching, tiny or huge.
const polygon = fc
  .record({
    lon,
    lat,
    tier,
    size: fc.double({ min: 1e-6, max: 0.05, noNaN: true }),
    angles: fc.array(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), { minLength: 3, maxLength: 8 }),
    radii: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ lon, lat, tier, size, angles, radii }): Feature => {
    const ring = angles.map((a, k) => [lon + Math.cos(a) * size * radii[k]!, lat + Math.sin(a) * size * radii[k]!]);
    ring.push(ring[0]!);
    return { type: 'Feature', properties: { tier }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
const sitesArb = fc
  .array(fc.oneof(point, polygon), { minLength: 0, maxLength: 12 })
  .map((features): FeatureCollection => ({ type: 'FeatureCollection', features }));

describe('robustness on odd but valid sites', () => {
  let model: DistrictModel;
  beforeAll(() => {
    model = buildModel(shippedLayers());
  });

  it('rates stay within 0–100 % and covered ≤ total in every area', () => {
    fc.assert(
      fc.property(sitesArb, (sites) => {
        expect(checkSites(sites).ok).toBe(true);
        const report = coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius');
        for (const a of report.areas) {
          for (const t of a.tiers) {
            expect(t.coverage_pct).toBeGreaterThanOrEqual(0);
            expect(t.coverage_pct).toBeLessThanOrEqual(100);
            expect(t.covered_km2).toBeLessThanOrEqual(t.total_km2 + 1e-9);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rings, gaps, nearest and suggest answer without throwing', () => {
    fc.assert(
      fc.property(sitesArb, lon, lat, (sites, x, y) => {
        const projected = projectSites(model.grid, sites);
        const rings = coverageRings(model, projected, DEFAULT_RADII, 'radius');
        expect(rings.features.length).toBeLessThanOrEqual(3);
        const gaps = coverageGaps(model, projected, DEFAULT_RADII, 'radius', 'leisure');
        for (const g of gaps.features) expect(g.properties!.area_km2).toBeGreaterThan(0);
        const near = nearestSites(model, projected, DEFAULT_RADII, 'radius', x, y);
        expect(near.tiers).toHaveLength(3);
        expect(suggest(model, projected, DEFAULT_RADII, 'garden', 2).features.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('walk mode answers too, from points on land and in the river', () => {
    fc.assert(
      fc.property(sitesArb, lon, lat, (sites, x, y) => {
        const projected = projectSites(model.grid, sites);
        const report = coverageReport(model, projected, DEFAULT_RADII, 'walk');
        expect(report.tiers).toHaveLength(3);
        const near = nearestSites(model, projected, DEFAULT_RADII, 'walk', x, y);
        for (const t of near.tiers) if (t.distance_m !== null) expect(t.distance_m).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});
