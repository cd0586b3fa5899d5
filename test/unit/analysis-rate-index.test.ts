import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS, tierRank } from '../../domain/tiers';
import { coverageReport } from '../../worker/analysis/analyse';
import { cellKm2 } from '../../worker/analysis/grid';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { siteDistance } from '../../worker/analysis/nearest';
import { buildRateIndex, INDEX_MAX_M, indexAnswers, indexedRates, type RateIndex, STEP_M } from '../../worker/analysis/rate-index';
import { projectSites, type Site, serving } from '../../worker/analysis/sites';
import { randomSites } from '../fixtures/analysis/random-sites';
import { shippedLayers } from '../fixtures/analysis/shipped-data';
import { point, rect, syntheticLayers } from '../fixtures/analysis/synthetic';

/** Covered land of the whole district in sub-cells, by measuring every sub-cell exactly. */
function bruteForceLand(model: DistrictModel, sites: readonly Site[], rank: number, radius: number): number {
  const serve = serving(sites, rank);
  const { ss, fine, fineBase } = model;
  const d = model.areas[0]!;
  let covered = 0;
  for (let k = 0; k < fineBase.length; k++) {
    for (let q = 0; q < ss * ss; q++) {
      const c = fineBase[k]! + (q % ss) + Math.floor(q / ss) * fine.w;
      const x = ((c % fine.w) + 0.5) / ss;
      const y = (Math.floor(c / fine.w) + 0.5) / ss;
      const dist = Math.min(...serve.map((s) => siteDistance(s, x, y))) * model.grid.cell;
      if (dist <= radius + 1e-6) covered += d.land[k]! / (ss * ss);
    }
  }
  return covered;
}

describe('rate index (shipped-site rates by lookup)', () => {
  it('equals an exact sub-cell-by-sub-cell measurement on a small district', () => {
    const layers = syntheticLayers();
    const model = buildModel(layers);
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { ...rect(800, 700, 1500, 1300), properties: { id: 'park', tier: 'park' } },
        { ...rect(4200, 2600, 4400, 2750), properties: { id: 'garden', tier: 'garden' } },
        point(2500, 3300, 'leisure'),
        point(5100, 800, 'leisure'),
      ],
    };
    const sites = projectSites(model.grid, fc);
    const { index } = buildRateIndex(model, sites);
    const km2 = cellKm2(model.grid);
    for (const radius of [50, 333.5, 500, 1000, 1750]) {
      for (const tier of TIERS) {
        const exact = bruteForceLand(model, sites, tierRank(tier), radius);
        // The index's own sum, in cells, before the response rounds it.
        const got = index.land[tierRank(tier)]![0]![radius / STEP_M]!;
        expect(got, `${tier} at ${radius} m`).toBeCloseTo(exact, 6);
        // …and the response's km², rounded to 0.001.
        expect(Math.abs(indexedRates(model, index, tier, radius)![0]!.land_covered_km2 - exact * km2)).toBeLessThanOrEqual(0.0005 + 1e-9);
      }
    }
  });

  describe('on the shipped data', () => {
    const layers = shippedLayers();
    let model: DistrictModel;
    let sites: Site[];
    let index: RateIndex;
    beforeAll(() => {
      model = buildModel(layers);
      sites = projectSites(model.grid, layers.greenspaces);
      index = buildRateIndex(model, sites).index;
    });

    it('agrees with stamping every site, for every area and tier, at the default and 40 random radii', () => {
      // Stamping draws a convex park's buffer with arcs 0.005 sub-cells inside the circle,
      // so a sub-cell or two on the edge can differ: 0.05 pp of the smallest area.
      let rnd = 7;
      const next = () => (rnd = (rnd * 16807) % 2147483647) / 2147483647;
      const radiiSets = [DEFAULT_RADII, ...Array.from({ length: 40 }, () => ({ leisure: 0, garden: 0, park: 0 }))].map((r, k) =>
        k === 0 ? r : { leisure: Math.round(100 + next() * 3800) / 2, garden: Math.round(100 + next() * 3800) / 2, park: Math.round(100 + next() * 3800) / 2 },
      );
      let worst = 0;
      for (const radii of radiiSets) {
        expect(indexAnswers(radii)).toBe(true);
        const stamped = coverageReport(model, sites, radii, 'radius');
        const looked = coverageReport(model, sites, radii, 'radius', index);
        looked.areas.forEach((a, k) =>
          a.tiers.forEach((t, q) => {
            const s = stamped.areas[k]!.tiers[q]!;
            worst = Math.max(worst, Math.abs(t.coverage_pct - s.coverage_pct));
            expect(Math.abs(t.coverage_pct - s.coverage_pct), `${a.id} ${t.tier} ${t.radius_m}`).toBeLessThanOrEqual(0.06);
            expect(Math.abs(t.land_covered_km2 - s.land_covered_km2)).toBeLessThanOrEqual(0.0031);
            expect(t.total_km2).toBe(s.total_km2);
          }),
        );
      }
      console.info(`rate index vs stamping: worst ${worst.toFixed(3)} pp over ${radiiSets.length} radius sets`);
    }, 60_000);

    it('refuses radii it cannot answer exactly, and the report stamps those instead', () => {
      expect(indexedRates(model, index, 'leisure', 500.3)).toBeNull();
      expect(indexedRates(model, index, 'park', INDEX_MAX_M + STEP_M)).toBeNull();
      expect(indexAnswers({ leisure: 500, garden: 1000, park: 2500 })).toBe(false);
      // Leisure and park are stamped, garden looked up: the first and last match stamping.
      const radii = { leisure: 500.3, garden: 1000, park: 2500 };
      const stamped = coverageReport(model, sites, radii, 'radius');
      const mixed = coverageReport(model, sites, radii, 'radius', index);
      mixed.areas.forEach((a, k) => {
        expect(a.tiers[0]).toEqual(stamped.areas[k]!.tiers[0]);
        expect(a.tiers[2]).toEqual(stamped.areas[k]!.tiers[2]);
        expect(a.tiers[1]).toEqual(indexedRates(model, index, 'garden', 1000)![k]);
      });
    });

    it('is used only for the sites it was built for', () => {
      const other = projectSites(model.grid, randomSites(30, 4));
      expect(coverageReport(model, other, DEFAULT_RADII, 'radius', index)).toEqual(coverageReport(model, other, DEFAULT_RADII, 'radius'));
      // Walk mode never reads a radius index.
      expect(coverageReport(model, sites, DEFAULT_RADII, 'walk', index)).toEqual(coverageReport(model, sites, DEFAULT_RADII, 'walk'));
    }, 60_000);

    it('walk mode: the walk index answers exactly what walking from every site answers', () => {
      const walk = buildRateIndex(model, sites, 'walk').index;
      expect(walk.mode).toBe('walk');
      for (const radii of [DEFAULT_RADII, { leisure: 333.5, garden: 820, park: 1999.5 }, { leisure: 50, garden: 120, park: 700 }]) {
        expect(indexAnswers(radii)).toBe(true);
        expect(coverageReport(model, sites, radii, 'walk', walk).areas).toEqual(coverageReport(model, sites, radii, 'walk').areas);
      }
      // A radius it does not hold is walked.
      const odd = { ...DEFAULT_RADII, park: 2400 };
      expect(coverageReport(model, sites, odd, 'walk', walk).areas).toEqual(coverageReport(model, sites, odd, 'walk').areas);
    }, 120_000);

    it('with more leisure spaces (the sports grounds): continued on first use, equal to an index built for all of them', () => {
      const extra = projectSites(model.grid, randomSites(40, 11, { tierShares: [1, 0, 0] }));
      const plus = [...sites, ...extra];
      for (const mode of ['radius', 'walk'] as const) {
        const built = buildRateIndex(model, sites, mode, plus);
        const continued = built.withPlus();
        expect(continued.sites).toBe(plus);
        expect(built.withPlus()).toBe(continued);
        const fresh = buildRateIndex(model, plus, mode).index;
        expect(continued.land).toEqual(fresh.land);
        expect(continued.builtup).toEqual(fresh.builtup);
        // The garden and park tiers are the same arrays as the first index's.
        expect(continued.land[2]).toBe(built.index.land[2]);
      }
    }, 120_000);
  });
});
