/**
 * A population on the analysis grid: people per cell (dense over the model's grid), and
 * what did not land on it. The resampling modules (resample-points.ts, -polygons.ts,
 * -raster.ts) add into one; `districtPeople` turns it into people per district cell, the
 * form the rates, suggestions and gap pieces read. Pure.
 */
import { type Grid, toGrid } from './grid';
import type { DistrictModel } from './model';

export interface PopulationGrid {
  grid: Grid;
  /** People per grid cell (row-major, grid.w × grid.h). */
  counts: Float64Array;
  /** People given in all (what the resampling was handed). */
  given: number;
  /** People that fell off the grid (beyond its 3 km margin round the district). */
  offGrid: number;
}

export function emptyPopulation(grid: Grid): PopulationGrid {
  return { grid, counts: new Float64Array(grid.w * grid.h), given: 0, offGrid: 0 };
}

/** People per district cell, and how they relate to what was given. */
export interface DistrictPeople {
  /** People per district cell (model.areas[0].cells order). */
  perCell: Float64Array;
  /** People on the district's land (the rates' denominator). */
  total: number;
  /** People given in all. */
  given: number;
  /** People given that are not on the district's land (outside it, on water, off the grid). */
  outside: number;
  /**
   * Share (%) of the district's built-up land (land without a built-up layer) inside the
   * population's extent: how much of it the population speaks for.
   */
  extent_builtup_pct: number;
}

/**
 * People per district cell. A grid cell that is partly water keeps all its people (they
 * live on its land); a cell with no district land at all holds none, and its people are
 * counted as `outside`. `extent` (lon/lat bbox: west, south, east, north) is where the
 * population has data; cells whose centre lies in it are the ones it speaks for.
 */
export function districtPeople(model: DistrictModel, pop: PopulationGrid, extent: [number, number, number, number] | null): DistrictPeople {
  const d = model.areas[0]!;
  const perCell = new Float64Array(d.cells.length);
  let total = 0;
  for (let k = 0; k < d.cells.length; k++) {
    const v = pop.counts[d.cells[k]!]!;
    perCell[k] = v;
    total += v;
  }
  return { perCell, total, given: pop.given, outside: Math.max(0, pop.given - total), extent_builtup_pct: extentShare(model, extent) };
}

/**
 * Share (%, to 0.1) of the district's built-up land (land without a built-up layer) in the
 * cells whose centre lies within `extent` (lon/lat bbox); 100 without one.
 */
function extentShare(model: DistrictModel, extent: [number, number, number, number] | null): number {
  const { grid } = model;
  const d = model.areas[0]!;
  const measure = model.of === 'builtup' ? d.builtup : d.land;
  const all = model.of === 'builtup' ? d.builtupCells : d.landCells;
  if (!extent || all <= 0) return all > 0 ? 100 : 0;
  // The extent in grid units, compared with cell centres (i + 0.5, j + 0.5).
  const [w, s, e, n] = extent;
  const [gx0, gy0] = toGrid(grid, w, s);
  const [gx1, gy1] = toGrid(grid, e, n);
  let inside = 0;
  for (let k = 0; k < d.cells.length; k++) {
    const c = d.cells[k]!;
    const i = (c % grid.w) + 0.5;
    const j = Math.floor(c / grid.w) + 0.5;
    if (i >= gx0 && i <= gx1 && j >= gy0 && j <= gy1) inside += measure[k]!;
  }
  return Math.round((1000 * inside) / all) / 10;
}

/**
 * People per district cell straight from points with counts (each into its cell), with no
 * grid-sized array: the wire form's fast path (the same answer as resample-points.ts then
 * `districtPeople`). `districtPos`: grid cell → district position, or −1 (cell-areas.ts).
 */
export function pointsToDistrict(
  model: DistrictModel,
  districtPos: Int32Array,
  points: ArrayLike<readonly number[]>,
  extent: [number, number, number, number] | null,
): DistrictPeople {
  const { grid } = model;
  const perCell = new Float64Array(model.areas[0]!.cells.length);
  let given = 0;
  let total = 0;
  const sx = grid.kx / grid.cell;
  const sy = grid.ky / grid.cell;
  const ox = -grid.x0 / grid.cell;
  const oy = -grid.y0 / grid.cell;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    const v = p[2]!;
    if (!(v > 0)) continue;
    given += v;
    const i = Math.floor((p[0]! - grid.lon0) * sx + ox);
    const j = Math.floor((p[1]! - grid.lat0) * sy + oy);
    if (i < 0 || j < 0 || i >= grid.w || j >= grid.h) continue;
    const q = districtPos[j * grid.w + i]!;
    if (q < 0) continue;
    perCell[q]! += v;
    total += v;
  }
  return { perCell, total, given, outside: Math.max(0, given - total), extent_builtup_pct: extentShare(model, extent) };
}

/**
 * People of one area per listed cell: a district cell's people shared among the areas
 * that hold its land, by land share (a cell a zone line crosses gives each side its part).
 */
export function areaPeople(model: DistrictModel, areaIndex: number, people: DistrictPeople): Float64Array {
  const a = model.areas[areaIndex]!;
  const d = model.areas[0]!;
  const out = new Float64Array(a.cells.length);
  for (let k = 0; k < a.cells.length; k++) {
    const p = a.pos[k]!;
    const dl = d.land[p]!;
    out[k] = dl > 0 ? (people.perCell[p]! * a.land[k]!) / dl : 0;
  }
  return out;
}
