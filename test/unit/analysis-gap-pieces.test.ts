import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS } from '../../domain/tiers';
import { coverageGapPieces, coverageReport, tierCoverage } from '../../worker/analysis/analyse';
import { cellOutline } from '../../worker/analysis/cell-outline';
import { gapPieces } from '../../worker/analysis/gap-pieces';
import { toGrid } from '../../worker/analysis/grid';
import { buildModel } from '../../worker/analysis/model';
import { projectPlaces } from '../../worker/analysis/nearest-place';
import { projectSites } from '../../worker/analysis/sites';
import { readLayer, shippedLayers } from '../fixtures/analysis/shipped-data';
import { at, point, RIVER_Y, syntheticLayers } from '../fixtures/analysis/synthetic';

const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('gap pieces on a synthetic district (known answers)', () => {
  const model = buildModel(syntheticLayers());
  const none = projectSites(model.grid, fc([]));

  it('with no sites, the pieces are all the built-up land, cut into ≤ 1 km² tiles, by the river and by zone lines', () => {
    const out = coverageGapPieces(model, none, DEFAULT_RADII, 'radius', 'leisure', { minKm2: 0 });
    const areas = out.features.map((f) => f.properties!.area_km2 as number);
    // Built-up block 5 × 3 km less the 200 m river: 14 km².
    expect(sum(areas)).toBeCloseTo(14, 1);
    for (const a of areas) expect(a).toBeLessThanOrEqual(1.0001);
    // Largest first, and ranks in order.
    for (let k = 1; k < areas.length; k++) expect(areas[k]!).toBeLessThanOrEqual(areas[k - 1]!);
    out.features.forEach((f, k) => expect(f.properties!.rank).toBe(k + 1));
    for (const f of out.features) {
      // Each piece lies on one bank: its whole outline south of the river or north of it.
      const ys = turf
        .coordAll(f)
        .map(([lon, lat]) => toGrid(model.grid, lon!, lat!)[1] * model.grid.cell + model.grid.y0 + (model.grid.lat0 - 29.6) * model.grid.ky);
      const south = ys.every((y) => y <= RIVER_Y[0] + 1);
      const north = ys.every((y) => y >= RIVER_Y[1] - 1);
      expect(south || north).toBe(true);
      // Within one zone (or none): a piece of the south-west zone lies west of the zone line at 3 km.
      const zone = f.properties!.zone as { id: string } | null;
      if (zone?.id === 'sw') for (const [lon] of turf.coordAll(f)) expect(lon!).toBeLessThanOrEqual(at(3001, 0)[0]);
      // The outline holds the piece's whole cells: at least its built-up land.
      expect(turf.area(f) / 1e6).toBeGreaterThanOrEqual((f.properties!.area_km2 as number) * 0.995);
    }
    // …and little more: the cells the built-up edge cuts (16 km of edge, 50 m cells).
    const outlined = sum(out.features.map((f) => turf.area(f) / 1e6));
    expect(outlined).toBeGreaterThan(13.9);
    expect(outlined).toBeLessThan(14 + 16 * 0.05);
    expect(out.features.some((f) => (f.properties!.zone as { id: string } | null)?.id === 'sw')).toBe(true);
  });

  it('a 1 × 0.9 km tile is best closed from its centre: a 500 m disk covers 84 % of it', () => {
    const out = coverageGapPieces(model, none, DEFAULT_RADII, 'radius', 'leisure', { minKm2: 0 });
    const top = out.features[0]!.properties!;
    // Tiles fall on whole kilometres of the district here (its margin is 3 km): the
    // largest piece is a tile from y = 1000 m to the river at 1900 m.
    expect(top.area_km2).toBeCloseTo(0.9, 3);
    // π·0.5² less two caps 50 m high = 0.756 km², counted in whole 50 m cells: 84 %.
    expect(top.site.closes_pct).toBeGreaterThan(82);
    expect(top.site.closes_pct).toBeLessThan(86);
    const [cx, cy] = toGrid(model.grid, top.centre[0], top.centre[1]);
    const [sx, sy] = toGrid(model.grid, top.site.lon, top.site.lat);
    expect(Math.hypot(sx - cx, sy - cy)).toBeLessThanOrEqual(1.5);
  });

  it('pieces are what the rates leave uncovered', () => {
    const sites = projectSites(model.grid, fc([point(1500, 1000, 'leisure'), point(4500, 3000, 'park')]));
    for (const tier of TIERS) {
      const rate = coverageReport(model, sites, DEFAULT_RADII, 'radius').tiers.find((t) => t.tier === tier)!;
      const out = coverageGapPieces(model, sites, DEFAULT_RADII, 'radius', tier, { minKm2: 0 });
      expect(sum(out.features.map((f) => f.properties!.area_km2 as number)), tier).toBeCloseTo(rate.total_km2 - rate.covered_km2, 2);
    }
  });

  it('with people, pieces rank by unserved people: all of them in one cell puts that piece first', () => {
    const share = tierCoverage(model, none, 'leisure', 500, 'radius');
    const d = model.areas[0]!;
    const people = new Float64Array(d.cells.length);
    const [gx, gy] = toGrid(model.grid, ...at(800, 800));
    const target = Math.floor(gy) * model.grid.w + Math.floor(gx);
    people[d.cells.indexOf(target)] = 1234;
    const pieces = gapPieces(model, share, 500, { people });
    expect(pieces[0]!.people).toBe(1234);
    expect(pieces.slice(1).every((p) => p.people === 0)).toBe(true);
    // The site closes all of them, and says so.
    expect(pieces[0]!.site!.closes_pct).toBe(100);
    expect(pieces[0]!.site!.gain_people).toBe(1234);
    expect(pieces[0]!.site!.gain_people_pp).toBe(100);
  });

  it('traces outlines exactly along cell edges, holes included', () => {
    const { w } = model.grid;
    const c0 = 200 * w + 100;
    // A 3 × 3 block of cells without its middle: one outer ring of 4 corners, one hole.
    const cells = [0, 1, 2, w, w + 2, 2 * w, 2 * w + 1, 2 * w + 2].map((d) => c0 + d);
    const mp = cellOutline(model.grid, cells);
    expect(mp.coordinates).toHaveLength(1);
    expect(mp.coordinates[0]).toHaveLength(2);
    expect(mp.coordinates[0]![0]).toHaveLength(5);
    const cellM2 = model.grid.cell ** 2;
    expect(turf.area({ type: 'Feature', properties: {}, geometry: mp }) / (8 * cellM2)).toBeCloseTo(1, 2);
    // Two cells touching at a corner only: two outer rings.
    expect(cellOutline(model.grid, [c0, c0 + w + 1]).coordinates).toHaveLength(2);
  });
});

describe('gap pieces over the shipped data', () => {
  const layers = shippedLayers();
  const model = buildModel(layers);
  const sites = projectSites(model.grid, layers.greenspaces);
  const places = projectPlaces(model.grid, { stations: readLayer('stations'), landmarks: readLayer('landmarks') });

  it('every tier: pieces ≤ 1 km², labelled by a named place, each with a site that closes part of it', () => {
    for (const tier of TIERS) {
      const out = coverageGapPieces(model, sites, DEFAULT_RADII, 'radius', tier, { places, limit: 500, minKm2: 0 });
      const rate = coverageReport(model, sites, DEFAULT_RADII, 'radius').tiers.find((t) => t.tier === tier)!;
      expect(sum(out.features.map((f) => f.properties!.area_km2 as number)), tier).toBeCloseTo(rate.total_km2 - rate.covered_km2, 1);
      for (const f of out.features) {
        const p = f.properties!;
        expect(p.area_km2).toBeLessThanOrEqual(1.0001);
        expect(p.near.name_zh.length).toBeGreaterThan(0);
        expect(p.site.closes_pct).toBeGreaterThan(0);
        expect(p.site.gain_km2).toBeGreaterThan(0);
      }
    }
  });
});
