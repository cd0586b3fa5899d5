import { toGrid } from './grid';
import type { PopulationGrid } from './population';

/**
 * A raster of counts per pixel, georeferenced by its pixel corners: `corner(x, y)` gives
 * the lon/lat (WGS-84) of pixel-corner (x, y), x = 0 … width, y = 0 … height (row 0 at the
 * top, as GeoTIFF stores it). Values that are `nodata`, not finite or ≤ 0 add nothing
 * (parsers report the bad ones before this).
 */
export interface Raster {
  width: number;
  height: number;
  values: ArrayLike<number>;
  nodata: number | null;
  corner: (x: number, y: number) => [number, number];
}

/**
 * Each pixel's count shared among the grid cells it overlaps, by overlap area. A pixel is
 * taken as the axis-aligned rectangle between the means of its corners' grid positions:
 * exact for a raster in lon/lat (its pixels are rectangles in the grid's equirectangular
 * projection too), and for UTM off by the grid convergence (< 1° here: a 100 m pixel's
 * corners move < 2 m). Separable: a pixel's share in cell (i, j) is its x-overlap × its
 * y-overlap. Shares sum to 1, so totals are kept (the part off the grid adds to `offGrid`).
 * Corners are projected once per corner, not per pixel.
 */
export function addRaster(pop: PopulationGrid, r: Raster): void {
  const { grid, counts } = pop;
  const W = r.width + 1;
  const gx = new Float64Array(W * (r.height + 1));
  const gy = new Float64Array(W * (r.height + 1));
  for (let y = 0; y <= r.height; y++) {
    for (let x = 0; x <= r.width; x++) {
      const [lon, lat] = r.corner(x, y);
      const [a, b] = toGrid(grid, lon, lat);
      gx[y * W + x] = a;
      gy[y * W + x] = b;
    }
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const v = r.values[y * r.width + x]!;
      if (!(v > 0) || v === r.nodata || !Number.isFinite(v)) continue;
      pop.given += v;
      const tl = y * W + x;
      const tr = tl + 1;
      const bl = tl + W;
      const br = bl + 1;
      let x0 = (gx[tl]! + gx[bl]!) / 2;
      let x1 = (gx[tr]! + gx[br]!) / 2;
      let y0 = (gy[tl]! + gy[tr]!) / 2;
      let y1 = (gy[bl]! + gy[br]!) / 2;
      if (x1 < x0) [x0, x1] = [x1, x0];
      if (y1 < y0) [y0, y1] = [y1, y0];
      const pw = x1 - x0;
      const ph = y1 - y0;
      if (!(pw > 0) || !(ph > 0)) {
        pop.offGrid += v;
        continue;
      }
      overlaps(x0, x1, grid.w, xs);
      overlaps(y0, y1, grid.h, ys);
      let placed = 0;
      for (let b = 0; b < ys.length; b += 2) {
        const row = ys[b]! * grid.w;
        const fy = ys[b + 1]! / ph;
        for (let a = 0; a < xs.length; a += 2) {
          const share = (v * fy * xs[a + 1]!) / pw;
          counts[row + xs[a]!]! += share;
          placed += share;
        }
      }
      pop.offGrid += v - placed;
    }
  }
}

/** The cells [i, overlap, i, overlap, …] that the interval [a, b] overlaps within 0 … n. */
function overlaps(a: number, b: number, n: number, out: number[]): void {
  out.length = 0;
  const lo = Math.max(0, Math.floor(a));
  const hi = Math.min(n - 1, Math.ceil(b) - 1);
  for (let i = lo; i <= hi; i++) {
    const o = Math.min(b, i + 1) - Math.max(a, i);
    if (o > 0) out.push(i, o);
  }
}
