import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RADII, TIERS } from '../../domain/tiers';
import { coverageReport, peopleOfPoints, suggest } from '../../worker/analysis/analyse';
import { fromGrid } from '../../worker/analysis/grid';
import { buildModel } from '../../worker/analysis/model';
import { districtPeople, emptyPopulation } from '../../worker/analysis/population';
import { addPoints } from '../../worker/analysis/resample-points';
import { addPolygon } from '../../worker/analysis/resample-polygons';
import { addRaster } from '../../worker/analysis/resample-raster';
import { projectSites } from '../../worker/analysis/sites';
import { lonLatToUtm, utmToLonLat } from '../../worker/analysis/utm';
import { rng } from '../fixtures/analysis/random-sites';
import { shippedLayers } from '../fixtures/analysis/shipped-data';
import { at, point, syntheticLayers } from '../fixtures/analysis/synthetic';

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]!;
  return s;
};

describe('resampling people onto the analysis grid keeps the total', () => {
  const model = buildModel(syntheticLayers());
  const grid = model.grid;

  it('points: each into its cell; off-grid points counted apart', () => {
    const pop = emptyPopulation(grid);
    const r = rng(1);
    const pts: number[][] = [];
    for (let k = 0; k < 2000; k++) pts.push([...at(-9000 + 24000 * r(), -7000 + 18000 * r()), 1 + 100 * r()]);
    addPoints(pop, pts);
    const given = sum(pts.map((p) => p[2]!));
    expect(pop.given).toBeCloseTo(given, 6);
    expect(pop.offGrid).toBeGreaterThan(0);
    expect(Math.abs(sum(pop.counts) + pop.offGrid - given) / given).toBeLessThan(1e-9);
    // A point at a cell centre lands in that cell.
    const one = emptyPopulation(grid);
    addPoints(one, [[...fromGrid(grid, 100.5, 50.5), 7]]);
    expect(one.counts[50 * grid.w + 100]).toBe(7);
  });

  it('polygons: by area share, holes cut, within 0.1 % of the total', () => {
    const r = rng(2);
    for (let k = 0; k < 40; k++) {
      const pop = emptyPopulation(grid);
      const cx = 6000 * r();
      const cy = 4000 * r();
      const n = 3 + Math.floor(12 * r());
      const ring: Position[] = [];
      for (let q = 0; q < n; q++) {
        const a = (2 * Math.PI * q) / n;
        const rad = 30 + 1500 * r();
        ring.push(at(cx + rad * Math.cos(a), cy + rad * Math.sin(a)));
      }
      ring.push(ring[0]!);
      const count = 10 + 10000 * r();
      addPolygon(pop, [[ring]], count);
      expect(Math.abs(sum(pop.counts) + pop.offGrid - count) / count, `polygon ${k}`).toBeLessThan(1e-3);
    }
    // A 1 km square spread evenly: 400 cells, each 1/400 of it, nothing outside.
    const pop = emptyPopulation(grid);
    const [x0, y0] = fromGrid(grid, 100, 40);
    const [x1, y1] = fromGrid(grid, 120, 60);
    const sq = [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ];
    addPolygon(pop, [sq], 4000);
    expect(pop.counts[50 * grid.w + 110]).toBeCloseTo(10, 1);
    expect(pop.counts[50 * grid.w + 121]).toBe(0);
    // A hole of 10 × 10 cells: no one lives there, the rest hold the same total.
    const [hx0, hy0] = fromGrid(grid, 105, 45);
    const [hx1, hy1] = fromGrid(grid, 115, 55);
    const holed = emptyPopulation(grid);
    addPolygon(
      holed,
      [
        [
          sq[0]!,
          [
            [hx0, hy0],
            [hx0, hy1],
            [hx1, hy1],
            [hx1, hy0],
            [hx0, hy0],
          ],
        ],
      ],
      3000,
    );
    expect(holed.counts[50 * grid.w + 110]).toBeCloseTo(0, 6);
    expect(holed.counts[41 * grid.w + 101]).toBeCloseTo(10, 1);
    expect(sum(holed.counts)).toBeCloseTo(3000, 6);
  });

  it('rasters: by overlap, in lon/lat and in UTM, within 0.1 % of the total', () => {
    // A pixel drawn on exactly 2 × 2 cells gives each a quarter.
    const pop = emptyPopulation(grid);
    addRaster(pop, { width: 1, height: 1, values: [100], nodata: null, corner: (x, y) => fromGrid(grid, 200 + 2 * x, 102 - 2 * y) });
    for (const c of [100 * grid.w + 200, 100 * grid.w + 201, 101 * grid.w + 200, 101 * grid.w + 201]) expect(pop.counts[c]).toBeCloseTo(25, 9);
    // A 100 m raster in UTM zone 48N over the district and beyond: every pixel 1…50 people.
    const zone = { zone: 48, south: false };
    const [e0, n0] = lonLatToUtm(zone, ...at(-5000, 7000));
    const r = rng(3);
    const width = 170;
    const height = 150;
    const values = Array.from({ length: width * height }, () => 1 + 49 * r());
    const utm = emptyPopulation(grid);
    addRaster(utm, { width, height, values, nodata: null, corner: (x, y) => utmToLonLat(zone, e0 + 100 * x, n0 - 100 * y) });
    const given = sum(values);
    expect(utm.given).toBeCloseTo(given, 6);
    expect(Math.abs(sum(utm.counts) + utm.offGrid - given) / given).toBeLessThan(1e-3);
    // Density is kept: ~25.5 people a hectare, so ~6.4 in a 50 m cell in the middle.
    expect(utm.counts[Math.floor(grid.h / 2) * grid.w + Math.floor(grid.w / 2)]!).toBeGreaterThan(1);
    // nodata pixels add nothing.
    const nd = emptyPopulation(grid);
    addRaster(nd, { width: 2, height: 1, values: [-9999, 5], nodata: -9999, corner: (x, y) => fromGrid(grid, 200 + x, 100 - y) });
    expect(sum(nd.counts)).toBe(5);
  });

  it('UTM both ways agree to the millimetre', () => {
    const zone = { zone: 48, south: false };
    for (const [lon, lat] of [at(0, 0), at(6000, 4000), [106.45, 29.5], [107.5, 30.2]] as [number, number][]) {
      const [e, n] = lonLatToUtm(zone, lon, lat);
      const [lon2, lat2] = utmToLonLat(zone, e, n);
      expect(Math.abs(lon2 - lon) * 97000).toBeLessThan(0.001);
      expect(Math.abs(lat2 - lat) * 111000).toBeLessThan(0.001);
    }
    // Known values: on the central meridian (105°E) at the equator E = 500 000 m, N = 0; at
    // the zone's east edge (108°E) on the equator E = 833 978.56 m (the standard edge value).
    expect(lonLatToUtm(zone, 105, 0)).toEqual([500000, 0]);
    expect(lonLatToUtm(zone, 108, 0)[0]).toBeCloseTo(833978.56, 1);
    // 1° of latitude along the central meridian near 29.5°N: 0.9996 × 110.85 km.
    expect((lonLatToUtm(zone, 105, 30)[1] - lonLatToUtm(zone, 105, 29)[1]) / 1000).toBeCloseTo(0.9996 * 110.85, 0);
  });
});

describe('rates in people: known answers', () => {
  const model = buildModel(syntheticLayers());
  const sites = projectSites(model.grid, { type: 'FeatureCollection', features: [point(1500, 1000, 'park'), point(4500, 3000, 'leisure')] });

  it('people spread as the built-up land is give the area answer', () => {
    const pop = emptyPopulation(model.grid);
    model.builtup!.forEach((b, c) => (pop.counts[c] = 37 * b));
    pop.given = sum(pop.counts);
    const people = districtPeople(model, pop, null);
    const report = coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, people);
    for (const a of report.areas) for (const t of a.tiers) expect(t.people_pct, `${a.id} ${t.tier}`).toBeCloseTo(t.coverage_pct, 1);
    expect(report.people!.total).toBe(Math.round(37 * model.areas[0]!.builtupCells));
  });

  it('people uniform over the land give the land answer (to sampling at the water’s edge)', () => {
    const pop = emptyPopulation(model.grid);
    model.land.forEach((l, c) => (pop.counts[c] = 5 * l));
    const people = districtPeople(model, pop, null);
    const report = coverageReport(model, sites, DEFAULT_RADII, 'walk', undefined, people);
    for (const t of report.tiers) expect(t.people_pct!).toBeCloseTo(t.land_coverage_pct, 1);
  });

  it('everyone in one covered cell: 100 %; in one uncovered cell: 0 %', () => {
    const near = peopleOfPoints(model, [[...at(1520, 1010), 500]], null);
    const far = peopleOfPoints(model, [[...at(5800, 200), 500]], null);
    for (const t of coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, near).tiers)
      expect(t).toMatchObject({ people_covered: 500, people_total: 500, people_pct: 100 });
    for (const t of coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, far).tiers)
      expect(t).toMatchObject({ people_covered: 0, people_total: 500, people_pct: 0 });
  });

  it('people on the water or outside the district are counted apart; the extent says how much built-up land the population covers', () => {
    const people = peopleOfPoints(
      model,
      [
        [...at(3000, 2000), 40],
        [...at(-500, 1000), 60],
        [...at(1000, 1000), 100],
      ],
      [...at(0, 0), ...at(3000, 4000)] as [number, number, number, number],
    );
    expect(people.total).toBe(100);
    expect(people.outside).toBe(100);
    // Built-up block x 500–5500: the extent holds 2.5 of its 5 km.
    expect(people.extent_builtup_pct).toBeCloseTo(50, 0);
  });

  it('suggestions with people go where the people are', () => {
    const crowd = peopleOfPoints(
      model,
      [
        [...at(5000, 600), 10000],
        [...at(800, 3300), 10],
      ],
      null,
    );
    const pick = suggest(model, [], DEFAULT_RADII, 'leisure', 1, crowd).features[0]!;
    const [lon, lat] = pick.geometry.coordinates as [number, number];
    const [x, y] = at(5000, 600);
    expect(Math.hypot((lon - x) * 96800, (lat - y) * 111200)).toBeLessThan(500);
    expect(pick.properties!.gain_people).toBe(10000);
  });
});

describe('rates in people over the shipped data', () => {
  const layers = shippedLayers();
  const model = buildModel(layers);
  const sites = projectSites(model.grid, layers.greenspaces);

  it('people uniform over the land give the land answer exactly, every area and tier', () => {
    const pop = emptyPopulation(model.grid);
    model.land.forEach((l, c) => (pop.counts[c] = 10 * l));
    const report = coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, districtPeople(model, pop, null));
    for (const a of report.areas)
      for (const t of a.tiers) expect(Math.abs(t.people_pct! - t.land_coverage_pct), `${a.id} ${t.tier}`).toBeLessThanOrEqual(0.011);
  });

  it('a uniform 50 m grid of points (10 a cell) gives the district’s land answer within 0.3 pp', () => {
    // Cells the river or the district line cut keep all 10 people, so small riverside
    // areas differ by up to ~1.5 pp (their land is a fraction of such cells); the district, little.
    const pts: number[][] = [];
    for (let j = 0; j < model.grid.h; j++) for (let i = 0; i < model.grid.w; i++) pts.push([...fromGrid(model.grid, i + 0.5, j + 0.5), 10]);
    const report = coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, peopleOfPoints(model, pts, null));
    for (const t of report.tiers) expect(Math.abs(t.people_pct! - t.land_coverage_pct)).toBeLessThan(0.3);
    expect(report.tiers.map((t) => t.tier)).toEqual([...TIERS]);
  });
});
