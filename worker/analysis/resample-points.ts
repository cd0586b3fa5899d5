import { cellAt, toGrid } from './grid';
import type { PopulationGrid } from './population';

/**
 * Points with counts into the cell that holds each (lon/lat, WGS-84). A point off the grid
 * adds to `offGrid`. Totals are kept exactly: Σ counts + offGrid grows by Σ count.
 */
export function addPoints(pop: PopulationGrid, points: ArrayLike<readonly [number, number, number] | readonly number[]>): void {
  const { grid, counts } = pop;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    const v = p[2]!;
    if (!(v > 0)) continue;
    pop.given += v;
    const [gx, gy] = toGrid(grid, p[0]!, p[1]!);
    const c = cellAt(grid, gx, gy);
    if (c < 0) pop.offGrid += v;
    else counts[c]! += v;
  }
}
