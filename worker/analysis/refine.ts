import Flatbush from 'flatbush';
import type { Grid } from './grid';
import { siteDistance } from './nearest';
import { type Site, siteBounds } from './sites';

/**
 * Makes a distance field exact near one radius. The feature transform measures each cell to
 * the sample held by its nearest source *cell*, which can miss a sample in a neighbouring
 * source cell by up to √2 cells. Contours only need the field near the threshold, so cells
 * within `bandCells` of it are re-measured exactly against every site close enough to
 * matter (a flatbush index over the sites' bounding boxes). `rows` limits the work to a
 * block of cells (those a contour will be drawn over).
 */
export function refineNearRadius(
  grid: Grid,
  dist: Float32Array,
  sites: readonly Site[],
  radiusM: number,
  bandCells = 2,
  rows?: { j0: number; j1: number; i0: number; i1: number },
): number {
  if (sites.length === 0) return 0;
  const index = new Flatbush(sites.length);
  for (const s of sites) {
    const [x0, y0, x1, y1] = siteBounds(s) ?? [Infinity, Infinity, -Infinity, -Infinity];
    index.add(x0, y0, x1, y1);
  }
  index.finish();
  const lo = radiusM - bandCells * grid.cell;
  const hi = radiusM + bandCells * grid.cell;
  const slack = Math.SQRT2 + 0.01;
  let refined = 0;
  const { w } = grid;
  const { j0, j1, i0, i1 } = rows ?? { j0: 0, j1: grid.h - 1, i0: 0, i1: w - 1 };
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const c = j * w + i;
      const d = dist[c]!;
      if (d < lo || d > hi) continue;
      const x = i + 0.5;
      const y = j + 0.5;
      let best = Infinity;
      // A cell inside a polygon is a source cell itself or next to one (field ≤ √2 cells):
      // farther out, no polygon can contain it, and the inside test is skipped.
      const outside = d / grid.cell > slack;
      for (const k of index.neighbors(x, y, Infinity, d / grid.cell + slack)) {
        const e = siteDistance(sites[k]!, x, y, outside);
        if (e < best) best = e;
      }
      if (best < Infinity) dist[c] = best * grid.cell;
      refined++;
    }
  }
  return refined;
}
