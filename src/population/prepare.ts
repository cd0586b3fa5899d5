/**
 * From a planner's population file to what the analysis requests carry: parse it (CSV,
 * GeoJSON or GeoTIFF), resample it onto the analysis grid (worker/analysis/resample-*.ts:
 * points into their cell, polygons by area share, rasters by overlap), and keep the cells
 * the district touches (its cells and one more all round) as points at cell centres with
 * their counts: `population` in a POST body (worker/analysis/validate-population.ts). The
 * server puts each point back into its cell, so nothing moves; `given` carries the file's
 * whole total, so the server can say how many people lie outside the district. Pure: the
 * Web Worker (src/workers/population-check.ts) runs it off the main thread.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { Grid } from '../../worker/analysis/grid';
import { toGrid } from '../../worker/analysis/grid';
import { districtGrid } from '../../worker/analysis/model';
import { emptyPopulation } from '../../worker/analysis/population';
import { forEachInteriorRun } from '../../worker/analysis/rasterize';
import { addPoints } from '../../worker/analysis/resample-points';
import { addPolygon } from '../../worker/analysis/resample-polygons';
import { addRaster } from '../../worker/analysis/resample-raster';
import type { PopulationWire } from '../api';
import { type PopulationCrs, parsePopulationCsv } from './parse-csv';
import { parsePopulationGeoJson } from './parse-geojson';
import { parsePopulationTiff } from './parse-geotiff';
import type { PopulationProblem, ProblemList } from './rows';

export type PopulationFile =
  | { kind: 'csv'; text: string; crs: PopulationCrs }
  | { kind: 'geojson'; text: string; crs: PopulationCrs; field: string }
  | { kind: 'geotiff'; buffer: ArrayBuffer };

export interface PreparedPopulation {
  wire: PopulationWire;
  /** What the file held: its coordinate system, items read, people in the good ones. */
  crs: string;
  items: number;
  total: number;
  problems: PopulationProblem[];
  badItems: number;
}

/** Decimal places of a count on the wire: a thousandth of a person, so totals keep to far better than 0.1 %. */
const COUNT_DP = 3;

export async function preparePopulation(
  file: PopulationFile,
  boundary: FeatureCollection,
  meta: { source: string | null; date: string | null },
): Promise<PreparedPopulation> {
  const grid = districtGrid(boundary);
  const pop = emptyPopulation(grid);
  let crs: string;
  let items: number;
  let total: number;
  let problems: ProblemList;
  let extent: [number, number, number, number];
  if (file.kind === 'geotiff') {
    const r = await parsePopulationTiff(file.buffer);
    addRaster(pop, r.raster);
    ({ crs, total, problems } = r);
    items = r.width * r.height;
    extent = r.bbox;
  } else if (file.kind === 'csv') {
    const r = parsePopulationCsv(file.text, file.crs);
    addPoints(pop, r.points);
    ({ total, problems } = r);
    crs = file.crs === 'GCJ02' ? 'GCJ-02 (converted to WGS-84)' : 'WGS-84';
    items = r.rows;
    extent = bounds(r.points.map((p) => [p[0], p[1]]));
  } else {
    let data: unknown;
    try {
      data = JSON.parse(file.text);
    } catch (e) {
      data = null;
      void e;
    }
    const r = parsePopulationGeoJson(data, file.field, file.crs);
    addPoints(pop, r.points);
    for (const p of r.polygons) addPolygon(pop, p.polygons, p.count);
    ({ total, problems } = r);
    crs = file.crs === 'GCJ02' ? 'GCJ-02 (converted to WGS-84)' : 'WGS-84';
    items = r.features;
    extent = bounds([...r.points.map((p) => [p[0], p[1]]), ...r.polygons.flatMap((p) => p.polygons.flat(2))]);
  }
  const keep = nearDistrict(grid, boundary);
  const points: number[][] = [];
  const k = 10 ** COUNT_DP;
  for (let c = 0; c < pop.counts.length; c++) {
    const v = Math.round(pop.counts[c]! * k) / k;
    if (v <= 0 || !keep[c]) continue;
    const i = c % grid.w;
    const j = (c - i) / grid.w;
    const lon = grid.lon0 + (grid.x0 + (i + 0.5) * grid.cell) / grid.kx;
    const lat = grid.lat0 + (grid.y0 + (j + 0.5) * grid.cell) / grid.ky;
    points.push([Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6, v]);
  }
  return { wire: { points, extent, given: Math.round(pop.given * k) / k, ...meta }, crs, items, total, problems: problems.listed, badItems: problems.count };
}

function bounds(ps: Position[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ps) {
    if (x! < b[0]) b[0] = x!;
    if (y! < b[1]) b[1] = y!;
    if (x! > b[2]) b[2] = x!;
    if (y! > b[3]) b[3] = y!;
  }
  return b;
}

/** Cells whose centre is in the district, and their neighbours (so cells the line cuts are kept). */
function nearDistrict(grid: Grid, boundary: FeatureCollection): Uint8Array {
  const polys = boundary.features.flatMap((f) => {
    const g = f.geometry;
    const ps = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    return ps.map((p) => p.map((r) => r.map((q) => toGrid(grid, q[0]!, q[1]!))));
  });
  const inside = new Uint8Array(grid.w * grid.h);
  forEachInteriorRun(polys, grid.w, grid.h, (j, i0, i1) => inside.fill(1, j * grid.w + i0, j * grid.w + i1));
  const out = new Uint8Array(inside.length);
  for (let j = 1; j < grid.h - 1; j++) {
    for (let i = 1; i < grid.w - 1; i++) {
      const c = j * grid.w + i;
      if (
        inside[c] ||
        inside[c - 1] ||
        inside[c + 1] ||
        inside[c - grid.w] ||
        inside[c + grid.w] ||
        inside[c - grid.w - 1] ||
        inside[c - grid.w + 1] ||
        inside[c + grid.w - 1] ||
        inside[c + grid.w + 1]
      )
        out[c] = 1;
    }
  }
  return out;
}
