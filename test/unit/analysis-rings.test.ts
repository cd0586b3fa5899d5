import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, type Tier } from '../../domain/tiers';
import { coverageGaps, coverageReport, coverageRings } from '../../worker/analysis/analyse';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { projectSites } from '../../worker/analysis/sites';
import { outlineDistance } from '../fixtures/analysis/hausdorff';
import { randomSites } from '../fixtures/analysis/random-sites';
import { referenceRing } from '../fixtures/analysis/reference';
import { shippedLayers } from '../fixtures/analysis/shipped-data';

type Poly = Feature<Polygon | MultiPolygon>;

/**
 * "Within one grid cell" made testable: our ring lies between the reference ring shrunk
 * by one cell and grown by one cell (no area of either difference beyond float dust),
 * and 95 % of both outlines lie within 25 m of the other's.
 */
function expectWithinOneCell(ours: Poly, ref: Poly, cell: number, label: string) {
  const grown = turf.buffer(ref, cell, { units: 'meters' }) as Poly;
  const shrunk = turf.buffer(ref, -cell, { units: 'meters' }) as Poly | undefined;
  const over = turf.difference(turf.featureCollection([ours, grown]));
  const under = shrunk ? turf.difference(turf.featureCollection([shrunk, ours])) : null;
  expect(over ? turf.area(over) : 0, `${label}: area outside the reference grown by a cell (m²)`).toBeLessThan(1);
  expect(under ? turf.area(under) : 0, `${label}: reference shrunk by a cell not covered (m²)`).toBeLessThan(1);
  const d = outlineDistance(ours, ref);
  expect(d.p95, `${label}: 95th percentile outline distance (m)`).toBeLessThan(25);
  expect(d.mean, `${label}: mean outline distance (m)`).toBeLessThan(5);
  expect(Math.abs(turf.area(ours) / turf.area(ref) - 1), `${label}: area ratio`).toBeLessThan(0.01);
}

describe('coverage rings against the reference (buffer → union → clip to the district)', () => {
  const layers = shippedLayers();
  let model: DistrictModel;
  beforeAll(() => {
    model = buildModel(layers);
  });

  const cases: [string, () => FeatureCollection][] = [
    ['shipped sites', () => layers.greenspaces],
    ['100 random sites (seed 7)', () => randomSites(100, 7)],
    ['250 random sites (seed 8)', () => randomSites(250, 8)],
  ];
  for (const [name, sites] of cases) {
    it(`${name}: one dissolved ring per tier, within one grid cell of the reference`, () => {
      const fc = sites();
      const rings = coverageRings(model, projectSites(model.grid, fc), DEFAULT_RADII, 'radius');
      const tiers = rings.features.map((f) => f.properties!.tier as Tier);
      for (const f of rings.features) {
        const tier = f.properties!.tier as Tier;
        expect(f.properties).toMatchObject({ radius_m: DEFAULT_RADII[tier], mode: 'radius' });
        expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
        const ref = referenceRing(model.district, fc, tier, DEFAULT_RADII[tier], 64)!;
        expectWithinOneCell(f as Poly, ref, model.grid.cell, `${name} ${tier}`);
        expect(f.properties!.area_km2).toBeCloseTo(turf.area(f) / 1e6, 2);
      }
      expect(new Set(tiers).size).toBe(tiers.length);
    }, 120_000);
  }

  it('rings are clipped to the district: nothing beyond 25 m of it, a hair’s breadth at its corners', () => {
    const rings = coverageRings(model, projectSites(model.grid, randomSites(150, 9)), DEFAULT_RADII, 'radius');
    const grown = turf.buffer(model.district, 25, { units: 'meters' }) as Poly;
    for (const f of rings.features) {
      const far = turf.difference(turf.featureCollection([f as Poly, grown]));
      expect(far ? turf.area(far) : 0).toBeLessThan(1);
      // The raster clip cuts the outline's corners by a fraction of a cell.
      const outside = turf.difference(turf.featureCollection([f as Poly, model.district]));
      expect((outside ? turf.area(outside) : 0) / turf.area(f)).toBeLessThan(5e-4);
    }
    // With Turf's intersect instead, the clip is exact.
    const exact = coverageRings(model, projectSites(model.grid, randomSites(30, 9)), DEFAULT_RADII, 'radius', true);
    for (const f of exact.features) {
      const outside = turf.difference(turf.featureCollection([f as Poly, model.district]));
      expect(outside ? turf.area(outside) : 0).toBeLessThan(1);
    }
  });

  it('gaps: uncovered built-up land, largest first, adding up to the uncovered share of the rate', () => {
    const sites = projectSites(model.grid, layers.greenspaces);
    for (const tier of ['leisure', 'park'] as const) {
      const gaps = coverageGaps(model, sites, DEFAULT_RADII, 'radius', tier, 0);
      const areas = gaps.features.map((f) => f.properties!.area_km2 as number);
      expect(areas.length).toBeGreaterThan(0);
      expect([...areas].sort((a, b) => b - a)).toEqual(areas);
      gaps.features.forEach((f, k) => expect(f.properties!.rank).toBe(k + 1));
      const rate = coverageReport(model, sites, DEFAULT_RADII, 'radius').tiers.find((t) => t.tier === tier)!;
      const uncovered = rate.total_km2 - rate.covered_km2;
      const sum = areas.reduce((s, a) => s + a, 0);
      // Gap outlines follow the built-up edge at cell resolution: within 3 %.
      expect(Math.abs(sum / uncovered - 1), `${tier}: gaps ${sum} vs uncovered ${uncovered}`).toBeLessThan(0.03);
      // A gap inside a zone names it.
      if (layers.zones) {
        for (const f of gaps.features.slice(0, 5)) {
          const zone = f.properties!.zone as { id: string } | null;
          if (zone) {
            const z = layers.zones.features.find((x) => x.properties!.id === zone.id)!;
            expect(turf.booleanPointInPolygon(turf.pointOnFeature(f), z as Poly)).toBe(true);
          }
        }
      }
    }
  }, 60_000);
});
