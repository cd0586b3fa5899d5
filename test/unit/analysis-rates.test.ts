import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS, tierRank } from '../../domain/tiers';
import { coverageReport } from '../../worker/analysis/analyse';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { buildRateIndex } from '../../worker/analysis/rate-index';
import { projectSites } from '../../worker/analysis/sites';
import { randomSites } from '../fixtures/analysis/random-sites';
import { referenceBuffers, referenceLand, referenceRates } from '../fixtures/analysis/reference';
import { shippedLayers } from '../fixtures/analysis/shipped-data';
import { at, point, syntheticLayers } from '../fixtures/analysis/synthetic';

type Poly = Feature<Polygon | MultiPolygon>;
const TOL_PP = 0.5;
// Turf's default buffer draws a circle as a 32-gon, 0.64 % short of the circle's area,
// which alone moves small areas' rates by up to ~0.6 pp: the tests compare against the
// same pipeline with 64 steps per quadrant (0.01 % short). See README.md.
const STEPS = 64;

describe('coverage rates against the reference Turf pipeline', () => {
  const layers = shippedLayers();
  let model: DistrictModel;
  let ref: ReturnType<typeof referenceLand>;
  beforeAll(() => {
    model = buildModel(layers);
    ref = referenceLand(layers);
  });

  it('measures the shipped land and built-up land as Turf does (±0.2 %)', () => {
    const d = model.areas[0]!;
    const km2 = (model.grid.cell * model.grid.cell) / 1e6;
    expect(d.landCells * km2).toBeCloseTo(turf.area(ref.land) / 1e6, 0);
    console.info(
      `land ${(d.landCells * km2).toFixed(3)} vs ${(turf.area(ref.land) / 1e6).toFixed(3)} km²; built-up ${(d.builtupCells * km2).toFixed(3)} vs ${ref.builtup ? (turf.area(ref.builtup) / 1e6).toFixed(3) : '—'} km²`,
    );
    expect(Math.abs(d.landCells * km2 - turf.area(ref.land) / 1e6) / (turf.area(ref.land) / 1e6)).toBeLessThan(0.002);
    if (ref.builtup) expect(Math.abs(d.builtupCells * km2 - turf.area(ref.builtup) / 1e6) / (turf.area(ref.builtup) / 1e6)).toBeLessThan(0.002);
  });

  // The shipped green spaces are a few hundred real outlines: Turf's union of their 64-step
  // buffers takes seconds per tier, so each tier's union is built once and intersected with
  // every area's built-up land and land (the same pipeline as referenceRates, shared).
  let unions: (Poly | null)[] | undefined;
  const refPct = new Map<string, number>();
  const reference = (key: string, measured: Poly, tier: number) => {
    unions ??= TIERS.map((t) =>
      referenceBuffers(
        layers.greenspaces.features.filter((f) => tierRank(f.properties!.tier) >= tierRank(t)),
        DEFAULT_RADII[t],
        STEPS,
      ),
    );
    const k = `${key}|${tier}`;
    if (!refPct.has(k)) {
      const u = unions[tier];
      const c = u ? turf.intersect(turf.featureCollection([u, measured])) : null;
      refPct.set(k, (100 * (c ? turf.area(c) : 0)) / turf.area(measured));
    }
    return refPct.get(k)!;
  };

  // Both ways the worker answers: stamping the sites, and the shipped sites' rate index.
  it.each(['stamped', 'indexed'])(
    'shipped sites, %s: every area and tier within 0.5 pp (built-up and land)',
    (how) => {
      const sites = projectSites(model.grid, layers.greenspaces);
      const report = coverageReport(model, sites, DEFAULT_RADII, 'radius', how === 'indexed' ? buildRateIndex(model, sites).index : undefined);
      const areaFeatures = new Map<string, Poly>();
      for (const fc of [layers.cores, layers.zones, layers.belt]) for (const f of fc?.features ?? []) areaFeatures.set(String(f.properties!.id), f as Poly);
      let worst = 0;
      let checked = 0;
      for (const area of report.areas) {
        const shape = area.kind === 'district' ? null : areaFeatures.get(area.id)!;
        const clip = (m: Poly | null) => (m && shape ? turf.intersect(turf.featureCollection([m, shape])) : m);
        const builtup = clip(ref.builtup);
        const land = clip(ref.land);
        area.tiers.forEach((t, k) => {
          if (builtup && turf.area(builtup) > 5e4) {
            const r = reference(`${area.id}|builtup`, builtup, k);
            worst = Math.max(worst, Math.abs(t.coverage_pct - r));
            expect(Math.abs(t.coverage_pct - r), `${area.id} ${t.tier} built-up`).toBeLessThan(TOL_PP);
            checked++;
          }
          if (land && turf.area(land) > 5e4) {
            expect(Math.abs(t.land_coverage_pct - reference(`${area.id}|land`, land, k)), `${area.id} ${t.tier} land`).toBeLessThan(TOL_PP);
            checked++;
          }
        });
      }
      expect(checked).toBeGreaterThanOrEqual(3 * 2 * 5);
      console.info(`shipped, ${how}: worst built-up rate difference ${worst.toFixed(3)} pp over ${checked} comparisons`);
    },
    300_000,
  );

  it('shipped sites (a fixed quarter of them: every fourth feature): district rates within 0.5 pp of Turf with its default 8 steps too', () => {
    const quarter: FeatureCollection = { type: 'FeatureCollection', features: layers.greenspaces.features.filter((_, k) => k % 4 === 0) };
    const report = coverageReport(model, projectSites(model.grid, quarter), DEFAULT_RADII, 'radius');
    const r8 = referenceRates(ref.builtup ?? ref.land, quarter, DEFAULT_RADII, TIERS, 8);
    report.tiers.forEach((t, k) => expect(Math.abs(t.coverage_pct - r8[k]!.coverage_pct)).toBeLessThan(TOL_PP));
  }, 120_000);

  for (const [n, seed] of [
    [25, 1],
    [120, 2],
    [300, 3],
  ] as const) {
    it(`${n} seeded random sites (seed ${seed}, 20 % polygons): district and zone rates within 0.5 pp`, () => {
      const sites = randomSites(n, seed);
      const report = coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius');
      const measured = ref.builtup ?? ref.land;
      const r = referenceRates(measured, sites, DEFAULT_RADII, TIERS, STEPS);
      report.tiers.forEach((t, k) => expect(Math.abs(t.coverage_pct - r[k]!.coverage_pct), t.tier).toBeLessThan(TOL_PP));
      console.info(`${n} random sites: rate differences ${report.tiers.map((t, k) => (t.coverage_pct - r[k]!.coverage_pct).toFixed(3)).join(', ')} pp`);
      report.tiers.forEach((t, k) => expect(t.total_km2).toBeCloseTo(r[k]!.total_km2, 0));
      const rl = referenceRates(ref.land, sites, DEFAULT_RADII, TIERS, STEPS);
      report.tiers.forEach((t, k) => expect(Math.abs(t.land_coverage_pct - rl[k]!.coverage_pct), t.tier).toBeLessThan(TOL_PP));
      // One zone per fixture, for the per-area path.
      const zone = layers.zones?.features[seed % (layers.zones?.features.length ?? 1)] as Poly | undefined;
      if (zone) {
        const zl = turf.intersect(turf.featureCollection([ref.land, zone]));
        const mine = report.areas.find((a) => a.id === zone.properties!.id)!;
        if (zl)
          referenceRates(zl, sites, DEFAULT_RADII, TIERS, STEPS).forEach((rr, k) =>
            expect(Math.abs(mine.tiers[k]!.land_coverage_pct - rr.coverage_pct)).toBeLessThan(TOL_PP),
          );
      }
    }, 120_000);
  }
});

describe('coverage rates on a synthetic district', () => {
  // A disk of radius r sampled at 25 m sub-cells holds πr² give or take its lattice-point
  // noise, about (r / 25 m)^−1.5: 1.1 % at 500 m, 0.4 % at 1000 m.
  it('one point site: covered land is the disk, π r², to lattice noise (1.5 %)', () => {
    const model = buildModel(syntheticLayers({ builtup: false }));
    const sites = { type: 'FeatureCollection' as const, features: [point(1500, 1000, 'leisure')] };
    const report = coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius');
    const leisure = report.tiers[0]!;
    expect(report.of).toBe('land');
    expect(Math.abs(leisure.covered_km2 / (Math.PI * 0.25) - 1)).toBeLessThan(0.015);
    // Land is the 6 km × 4 km district minus the 200 m river: 22.8 km².
    expect(leisure.total_km2).toBeCloseTo(22.8, 1);
    // A leisure space serves no higher tier.
    expect(report.tiers[1]!.covered_km2).toBe(0);
    expect(report.tiers[2]!.covered_km2).toBe(0);
  });

  it('a higher tier serves the lower tiers: a park counts at every tier, each at its own radius', () => {
    const model = buildModel(syntheticLayers({ builtup: false }));
    const sites = { type: 'FeatureCollection' as const, features: [point(3000, 1000, 'park')] };
    const [l, g, p] = coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius').tiers;
    expect(Math.abs(l!.covered_km2 / (Math.PI * 0.25) - 1)).toBeLessThan(0.015);
    // The 1 km disk reaches 100 m into the river (900 m north): minus that circular cap.
    const cap = (Math.acos(0.9) - 0.9 * Math.sqrt(1 - 0.81)) * 1; // km², r = 1 km
    expect(Math.abs(g!.covered_km2 / (Math.PI - cap) - 1)).toBeLessThan(0.006);
    // The 2 km disk is cut by the district's south edge (1 km away) and the river (0.9 km).
    expect(p!.covered_km2).toBeGreaterThan(4);
    expect(p!.covered_km2).toBeLessThan(Math.PI * 4);
  });

  it('distance runs from a polygon site’s edge: a 400 m square park covers its 500 m buffer', () => {
    const model = buildModel(syntheticLayers({ builtup: false }));
    const [x0, y0] = at(2800, 600);
    const [x1, y1] = at(3200, 1000);
    const square = turf.polygon(
      [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
      { tier: 'leisure' },
    );
    const report = coverageReport(model, projectSites(model.grid, turf.featureCollection([square])), DEFAULT_RADII, 'radius');
    // Buffer of a 400 m square by 500 m: 0.16 + 4·0.4·0.5 + π·0.25 = 1.745 km².
    expect(Math.abs(report.tiers[0]!.covered_km2 / (0.96 + Math.PI * 0.25) - 1)).toBeLessThan(0.01);
  });

  it('reports rates per zone; a zone with no site in reach gets 0', () => {
    const model = buildModel(syntheticLayers());
    const sites = { type: 'FeatureCollection' as const, features: [point(1000, 1000, 'leisure')] };
    const report = coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius');
    const sw = report.areas.find((a) => a.id === 'sw')!;
    const ne = report.areas.find((a) => a.id === 'ne')!;
    expect(sw.kind).toBe('zone');
    expect(sw.tiers[0]!.land_covered_km2).toBeCloseTo(Math.PI * 0.25, 1);
    expect(ne.tiers[0]!.land_covered_km2).toBe(0);
    expect(ne.tiers[0]!.coverage_pct).toBe(0);
  });

  it('no sites: all rates are 0, totals are still the land', () => {
    const model = buildModel(syntheticLayers());
    const report = coverageReport(model, [], DEFAULT_RADII, 'radius');
    for (const t of report.tiers) {
      expect(t.covered_km2).toBe(0);
      expect(t.total_km2).toBeGreaterThan(0);
    }
  });
});
