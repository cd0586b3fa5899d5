import type { Position } from 'geojson';
import { cellAt, toGrid } from './grid';
import type { PopulationGrid } from './population';
import { type GridPolygon, spansInRows } from './rasterize';

/** Scanlines per cell row when sharing a polygon's people by area: exact along x, 6.25 m apart along y. */
const SUB = 8;

/**
 * A polygon's (or a MultiPolygon's parts') people shared among the cells it overlaps, by
 * the share of its area in each (scanline spans: exact along x, sampled every 1/8 cell
 * along y; holes cut). The shares are normalised, so the total is kept exactly; a polygon
 * too small for any scanline gives all its people to the cell of its first vertex. The part
 * of its area off the grid adds to `offGrid`.
 */
export function addPolygon(pop: PopulationGrid, polygons: readonly Position[][][], count: number): void {
  if (!(count > 0)) return;
  const { grid, counts } = pop;
  pop.given += count;
  const polys: GridPolygon[] = polygons.map((poly) => poly.map((r) => r.map((p) => toGrid(grid, p[0]!, p[1]!))));
  let ymin = Infinity;
  let ymax = -Infinity;
  for (const poly of polys) {
    for (const [, y] of poly[0] ?? []) {
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
  }
  const r0 = Math.floor(ymin * SUB);
  const rows = spansInRows(polys, r0, Math.ceil(ymax * SUB), SUB);
  // Cell weights, on and off the grid (area in cell units, one scanline = 1/SUB of a row).
  const weights = new Map<number, number>();
  let on = 0;
  let off = 0;
  rows.forEach((row, k) => {
    const j = Math.floor((r0 + k) / SUB);
    for (let q = 0; q + 1 < row.length; q += 2) {
      const a = row[q]!;
      const b = row[q + 1]!;
      for (let i = Math.floor(a); i < b; i++) {
        const part = (Math.min(b, i + 1) - Math.max(a, i)) / SUB;
        if (part <= 0) continue;
        if (i < 0 || j < 0 || i >= grid.w || j >= grid.h) {
          off += part;
          continue;
        }
        const c = j * grid.w + i;
        weights.set(c, (weights.get(c) ?? 0) + part);
        on += part;
      }
    }
  });
  if (on + off <= 0) {
    const first = polys[0]?.[0]?.[0];
    const c = first ? cellAt(grid, first[0], first[1]) : -1;
    if (c < 0) pop.offGrid += count;
    else counts[c]! += count;
    return;
  }
  const per = count / (on + off);
  for (const [c, wgt] of weights) counts[c]! += wgt * per;
  pop.offGrid += off * per;
}
