import type { Feature, FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADII, type Tier, tierRank } from '../../domain/tiers';
import { coverageReport, suggest } from '../../worker/analysis/analyse';
import { buildModel, type DistrictModel } from '../../worker/analysis/model';
import { projectSites } from '../../worker/analysis/sites';
import { shippedLayers } from '../fixtures/analysis/shipped-data';

describe('suggest: greedy placement of new sites', () => {
  const layers = shippedLayers();
  let model: DistrictModel;
  beforeAll(() => {
    model = buildModel(layers);
  });

  for (const [tier, count] of [
    ['leisure', 10],
    ['park', 3],
  ] as [Tier, number][]) {
    it(`${tier} ×${count}: gains fall pick by pick and add up to the rise in the rate`, () => {
      const sites = projectSites(model.grid, layers.greenspaces);
      const before = coverageReport(model, sites, DEFAULT_RADII, 'radius').tiers[tierRank(tier)]!;
      const picks = suggest(model, sites, DEFAULT_RADII, tier, count);
      expect(picks.features).toHaveLength(count);
      const gains = picks.features.map((f) => f.properties!.gain_pp as number);
      for (let k = 1; k < gains.length; k++) expect(gains[k]!).toBeLessThanOrEqual(gains[k - 1]! + 1e-9);
      expect(gains[0]!).toBeGreaterThan(0);
      picks.features.forEach((f, k) => {
        expect(f.properties!.rank).toBe(k + 1);
        // gain_km2 and gain_pp describe the same land.
        expect(((f.properties!.gain_km2 as number) / before.total_km2) * 100).toBeCloseTo(f.properties!.gain_pp as number, 2);
      });
      const added: Feature[] = picks.features.map((f, k) => ({ type: 'Feature', properties: { tier, id: `new-${k}` }, geometry: f.geometry }));
      const all: FeatureCollection = { type: 'FeatureCollection', features: [...layers.greenspaces.features, ...added] };
      const after = coverageReport(model, projectSites(model.grid, all), DEFAULT_RADII, 'radius').tiers[tierRank(tier)]!;
      const rise = after.coverage_pct - before.coverage_pct;
      const sum = gains.reduce((s, g) => s + g, 0);
      // Gains count whole 50 m cells in each disk, rates 25 m sub-cells: a few hundredths apart.
      expect(Math.abs(rise - sum), `rise ${rise} vs sum of gains ${sum}`).toBeLessThan(0.05 * count);
      expect(rise).toBeGreaterThan(0);
    });
  }

  it('suggests on district land only, not in the rivers', () => {
    const picks = suggest(model, projectSites(model.grid, layers.greenspaces), DEFAULT_RADII, 'leisure', 10);
    for (const f of picks.features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const gx = ((lon - model.grid.lon0) * model.grid.kx - model.grid.x0) / model.grid.cell;
      const gy = ((lat - model.grid.lat0) * model.grid.ky - model.grid.y0) / model.grid.cell;
      expect(model.land[Math.floor(gy) * model.grid.w + Math.floor(gx)]!).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('stops early when nothing is left to cover', () => {
    const picks = suggest(model, projectSites(model.grid, layers.greenspaces), { leisure: 3000, garden: 3000, park: 3000 }, 'park', 50);
    expect(picks.features.length).toBeLessThan(50);
    const after = coverageReport(
      model,
      projectSites(model.grid, {
        type: 'FeatureCollection',
        features: [...layers.greenspaces.features, ...picks.features.map((f) => ({ ...f, properties: { tier: 'park' } }))],
      }),
      { leisure: 3000, garden: 3000, park: 3000 },
      'radius',
    );
    expect(after.tiers[2]!.coverage_pct).toBeGreaterThan(99.9);
  });
});
