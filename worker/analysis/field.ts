import { type EdtWorkspace, edtWorkspace, featureTransform } from './edt';
import { cellAt, type Grid } from './grid';
import { forEachInteriorRun, forEachSegmentCell } from './rasterize';
import type { Site } from './sites';

/** Distance value for cells with no source anywhere (metres). */
export const FAR_M = 1e9;

/**
 * Source cells of a set of sites, each with one exact sample point (grid units): a point
 * site's own position; a polygon's interior cell its centre (distance 0); a cell an edge
 * crosses, the point of that edge nearest its centre. `owner` is the index (into the
 * sites array given) of the site that put the sample there.
 */
export interface Sources {
  mask: Uint8Array;
  sx: Float64Array;
  sy: Float64Array;
  owner: Int32Array;
}

/**
 * `into`: buffers of an earlier call on the same grid to reuse (cleared here). Four arrays of
 * the grid's size (8 MB) per call otherwise; in a request that builds several fields, the
 * garbage collector's share of the time rivals the fields' own.
 */
export function sourcesOf(grid: Grid, sites: readonly Site[], into?: Sources): Sources {
  const n = grid.w * grid.h;
  const mask = into ? into.mask.fill(0) : new Uint8Array(n);
  const sx = into?.sx ?? new Float64Array(n);
  const sy = into?.sy ?? new Float64Array(n);
  const owner = into ? into.owner.fill(-1) : new Int32Array(n).fill(-1);
  const put = (c: number, x: number, y: number, k: number) => {
    const i = (c % grid.w) + 0.5;
    const j = Math.floor(c / grid.w) + 0.5;
    if (mask[c] && Math.hypot(sx[c]! - i, sy[c]! - j) <= Math.hypot(x - i, y - j)) return;
    mask[c] = 1;
    sx[c] = x;
    sy[c] = y;
    owner[c] = k;
  };
  sites.forEach((s, k) => sampleSite(grid, s, (c, x, y) => put(c, x, y, k)));
  return { mask, sx, sy, owner };
}

/**
 * Every sample of one site, as `put(cell, x, y)` (grid units): its points in their cells; a
 * polygon's interior cells at their centres; each cell an edge crosses at the edge's point
 * nearest the cell's centre. A cell can be put more than once (edges crossing it, a point
 * in an interior cell): the caller keeps what it needs.
 */
export function sampleSite(grid: Grid, s: Site, put: (c: number, x: number, y: number) => void): void {
  for (const [px, py] of s.points) {
    const c = cellAt(grid, px, py);
    if (c >= 0) put(c, px, py);
  }
  if (s.polygons.length === 0) return;
  forEachInteriorRun(s.polygons, grid.w, grid.h, (j, i0, i1) => {
    for (let i = i0; i < i1; i++) put(j * grid.w + i, i + 0.5, j + 0.5);
  });
  for (const poly of s.polygons) {
    for (const ring of poly) {
      for (let e = 0; e + 1 < ring.length; e++) {
        const [ax, ay] = ring[e]!;
        const [bx, by] = ring[e + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const l2 = dx * dx + dy * dy;
        forEachSegmentCell(ax, ay, bx, by, grid.w, grid.h, (c) => {
          const ci = (c % grid.w) + 0.5;
          const cj = Math.floor(c / grid.w) + 0.5;
          const t = l2 > 0 ? Math.min(1, Math.max(0, ((ci - ax) * dx + (cj - ay) * dy) / l2)) : 0;
          put(c, ax + t * dx, ay + t * dy);
        });
      }
    }
  }
}

const workspaces = new WeakMap<Grid, EdtWorkspace>();

/**
 * Distance (metres) from every cell centre to the nearest site edge (0 inside polygons),
 * from the exact feature transform plus the exact distance to each source's sample. A
 * second look at the 4-neighbours' nearest sources corrects the rare cell where the
 * nearest source cell (by centre) does not hold the nearest sample. Cells far from every
 * source get FAR_M.
 */
export function distanceField(grid: Grid, src: Sources, into?: Float32Array): { dist: Float32Array } {
  let ws = workspaces.get(grid);
  if (!ws) workspaces.set(grid, (ws = edtWorkspace(grid.w, grid.h)));
  const nearest = featureTransform(src.mask, ws);
  const { w, h, cell } = grid;
  const { sx, sy } = src;
  // Every cell is written below, so a reused buffer needs no clearing.
  const dist = into ?? new Float32Array(w * h);
  for (let j = 0, c = 0; j < h; j++) {
    const y = j + 0.5;
    for (let i = 0; i < w; i++, c++) {
      const s = nearest[c]!;
      if (s < 0) {
        dist[c] = FAR_M;
        continue;
      }
      const x = i + 0.5;
      let dx = sx[s]! - x;
      let dy = sy[s]! - y;
      let best = dx * dx + dy * dy;
      let bs = s;
      // The 4-neighbours' nearest sources (an unrolled loop: this runs for every cell).
      for (let k = 0; k < 4; k++) {
        const o = k === 0 ? (i > 0 ? c - 1 : -1) : k === 1 ? (i + 1 < w ? c + 1 : -1) : k === 2 ? (j > 0 ? c - w : -1) : j + 1 < h ? c + w : -1;
        if (o < 0) continue;
        const t = nearest[o]!;
        if (t === bs || t < 0) continue;
        dx = sx[t]! - x;
        dy = sy[t]! - y;
        const d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          bs = t;
        }
      }
      dist[c] = Math.sqrt(best) * cell;
    }
  }
  return { dist };
}
