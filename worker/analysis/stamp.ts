import type { Grid } from './grid';
import { type GridPolygon, type GridRing, forEachInteriorRun } from './rasterize';
import type { Site } from './sites';

/** Tolerance so that a cell exactly at the radius counts as covered despite rounding. */
const EPS_M = 1e-6;

/** Fills the cells of row j whose centres lie in [xa, xb] (grid units). */
function fillRow(grid: Grid, mask: Uint8Array, j: number, xa: number, xb: number): void {
  const i0 = Math.max(0, Math.ceil(xa - 0.5));
  const i1 = Math.min(grid.w - 1, Math.floor(xb - 0.5));
  if (i1 >= i0) mask.fill(1, j * grid.w + i0, j * grid.w + i1 + 1);
}

/**
 * Sets `mask[c] = 1` for every cell whose centre lies within `radiusM` of a point
 * (grid units). Rows are clipped to the grid, so points outside it still cover the cells
 * they reach. Cost: one typed-array fill per row of the disk.
 */
export function stampDisk(grid: Grid, mask: Uint8Array, px: number, py: number, radiusM: number): void {
  const R = (radiusM + EPS_M) / grid.cell;
  const R2 = R * R;
  const j0 = Math.max(0, Math.ceil(py - R - 0.5));
  const j1 = Math.min(grid.h - 1, Math.floor(py + R - 0.5));
  for (let j = j0; j <= j1; j++) {
    const dy = j + 0.5 - py;
    const half = Math.sqrt(Math.max(0, R2 - dy * dy));
    fillRow(grid, mask, j, px - half, px + half);
  }
}

/**
 * Row intervals of the capsule around segment A–B (all points within R grid units of it):
 * calls `span(j, lo, hi)` for each row j whose centre line meets it. The capsule is convex,
 * so each row meets it in one interval: the hull of its meetings with the two end disks
 * and with the rectangle between them.
 */
export function capsuleSpans(h: number, ax: number, ay: number, bx: number, by: number, R: number, span: (j: number, lo: number, hi: number) => void): void {
  const R2 = R * R;
  const len = Math.hypot(bx - ax, by - ay);
  const nx = len > 1e-12 ? (-(by - ay) / len) * R : 0;
  const ny = len > 1e-12 ? ((bx - ax) / len) * R : 0;
  // Rectangle corners A + R·n, B + R·n, B − R·n, A − R·n, in order around it; per side its
  // y-range and x at y (x0 + (y − y0)·slope), precomputed.
  const cx = [ax + nx, bx + nx, bx - nx, ax - nx];
  const cy = [ay + ny, by + ny, by - ny, ay - ny];
  const ylo = new Float64Array(4);
  const yhi = new Float64Array(4);
  const x0 = new Float64Array(4);
  const y0 = new Float64Array(4);
  const slope = new Float64Array(4);
  let sides = 0;
  if (len > 1e-12) {
    for (let k = 0; k < 4; k++) {
      const x1 = cx[k]!;
      const y1 = cy[k]!;
      const x2 = cx[(k + 1) & 3]!;
      const y2 = cy[(k + 1) & 3]!;
      // A horizontal side adds nothing the two sides meeting it do not.
      if (y1 === y2) continue;
      ylo[sides] = Math.min(y1, y2);
      yhi[sides] = Math.max(y1, y2);
      x0[sides] = x1;
      y0[sides] = y1;
      slope[sides] = (x2 - x1) / (y2 - y1);
      sides++;
    }
  }
  const j0 = Math.max(0, Math.ceil(Math.min(ay, by) - R - 0.5));
  const j1 = Math.min(h - 1, Math.floor(Math.max(ay, by) + R - 0.5));
  for (let j = j0; j <= j1; j++) {
    const y = j + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    let dy = y - ay;
    if (dy * dy <= R2) {
      const half = Math.sqrt(R2 - dy * dy);
      lo = ax - half;
      hi = ax + half;
    }
    dy = y - by;
    if (dy * dy <= R2) {
      const half = Math.sqrt(R2 - dy * dy);
      if (bx - half < lo) lo = bx - half;
      if (bx + half > hi) hi = bx + half;
    }
    for (let k = 0; k < sides; k++) {
      if (y < ylo[k]! || y > yhi[k]!) continue;
      const x = x0[k]! + (y - y0[k]!) * slope[k]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (hi >= lo) span(j, lo, hi);
  }
}

/** Sets `mask[c] = 1` for every cell whose centre lies within `radiusM` of segment A–B. */
export function stampCapsule(grid: Grid, mask: Uint8Array, ax: number, ay: number, bx: number, by: number, radiusM: number): void {
  capsuleSpans(grid.h, ax, ay, bx, by, (radiusM + EPS_M) / grid.cell, (j, lo, hi) => fillRow(grid, mask, j, lo, hi));
}

/**
 * True when a polygon is a single convex ring (no holes) with some area. A degenerate ring
 * (all its points on one line, or one point) is not: its capsules handle it.
 */
export function isConvex(poly: GridPolygon): boolean {
  if (poly.length !== 1) return false;
  const ring = poly[0]!;
  const n = ring.length - 1;
  if (n < 3) return false;
  let sign = 0;
  for (let k = 0; k < n; k++) {
    const a = ring[k]!;
    const b = ring[(k + 1) % n]!;
    const c = ring[(k + 2) % n]!;
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (cross === 0) continue;
    const sg = cross > 0 ? 1 : -1;
    if (sign === 0) sign = sg;
    else if (sg !== sign) return false;
  }
  return sign !== 0;
}

/** Largest gap (grid units) between the true buffer arc and its polygonal stand-in. */
const ARC_TOL = 0.005;

/**
 * The R-buffer of a convex ring as a polygon: each offset edge, joined by arcs around the
 * vertices (points close enough that the arcs stray less than ARC_TOL from the circle,
 * the error split evenly inside and out). Exact to a few millimetres at 50 m cells.
 */
export function convexBuffer(ring: GridRing, R: number): [number, number][] {
  let pts = ring.slice(0, ring.length - 1);
  let area = 0;
  for (let k = 0; k < pts.length; k++) {
    const a = pts[k]!;
    const b = pts[(k + 1) % pts.length]!;
    area += a[0] * b[1] - b[0] * a[1];
  }
  if (area < 0) pts = pts.slice().reverse();
  // Drop repeated vertices (zero-length edges have no normal).
  pts = pts.filter((p, k) => {
    const q = pts[(k + 1) % pts.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
  const n = pts.length;
  const step = 2 * Math.acos(Math.max(-1, 1 - ARC_TOL / R));
  const Radj = R * (1 + (1 / Math.cos(step / 2) - 1) / 2);
  const normal = (k: number) => {
    const a = pts[k]!;
    const b = pts[(k + 1) % n]!;
    return Math.atan2(-(b[0] - a[0]), b[1] - a[1]);
  };
  const out: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const v = pts[k]!;
    const t0 = normal((k - 1 + n) % n);
    let sweep = normal(k) - t0;
    while (sweep < 0) sweep += 2 * Math.PI;
    while (sweep >= 2 * Math.PI) sweep -= 2 * Math.PI;
    const m = Math.max(1, Math.ceil(sweep / step));
    out.push([v[0] + R * Math.cos(t0), v[1] + R * Math.sin(t0)]);
    for (let s = 1; s < m; s++) {
      const t = t0 + (sweep * s) / m;
      out.push([v[0] + Radj * Math.cos(t), v[1] + Radj * Math.sin(t)]);
    }
    out.push([v[0] + R * Math.cos(t0 + sweep), v[1] + R * Math.sin(t0 + sweep)]);
  }
  out.push(out[0]!);
  return out;
}

/**
 * Stamps a polygon's buffer. A convex polygon's buffer is itself convex: one interval per
 * row, from its few edges' capsules (`stampConvexFew`) or, for a smooth outline with many
 * edges, by filling the buffer's outline (`convexBuffer`) by scanlines. Any other polygon is its interior plus the union of its edges' capsules: each row
 * gathers one interval per capsule, and the union of those is filled once, found by
 * sorting the starts and the ends separately (native typed-array sorts) and sweeping.
 */
function stampPolygon(grid: Grid, mask: Uint8Array, site: Site, radiusM: number, scale: number): void {
  const R = (radiusM + EPS_M) / grid.cell;
  const { w, h } = grid;
  const fill = (j: number, i0: number, i1: number) => mask.fill(1, j * w + i0, j * w + i1);
  for (const base of site.polygons) {
    const poly = scale === 1 ? base : base.map((ring) => ring.map(([x, y]) => [x * scale, y * scale] as const));
    if (isConvex(poly)) {
      if (poly[0]!.length <= 13) stampConvexFew(grid, mask, poly[0]!, R);
      else forEachInteriorRun([[convexBuffer(poly[0]!, R)]], w, h, fill);
      continue;
    }
    forEachInteriorRun([poly], w, h, fill);
    let ymin = Infinity;
    let ymax = -Infinity;
    let edges = 0;
    for (const ring of poly) {
      edges += ring.length - 1;
      for (const p of ring) {
        if (p[1] < ymin) ymin = p[1];
        if (p[1] > ymax) ymax = p[1];
      }
    }
    const j0 = Math.max(0, Math.ceil(ymin - R - 0.5));
    const j1 = Math.min(h - 1, Math.floor(ymax + R - 0.5));
    if (j1 < j0 || edges <= 0) continue;
    const rows = j1 - j0 + 1;
    const { starts, ends, count } = spanScratch(rows, edges);
    const span = (j: number, l: number, r: number) => {
      const k = j - j0;
      const at = k * edges + count[k]!++;
      starts[at] = l;
      ends[at] = r;
    };
    for (const ring of poly) {
      for (let e = 0; e + 1 < ring.length; e++) {
        const a = ring[e]!;
        const b = ring[e + 1]!;
        capsuleSpans(h, a[0], a[1], b[0], b[1], R, span);
      }
    }
    for (let k = 0; k < rows; k++) {
      const m = count[k]!;
      if (m === 0) continue;
      const s = starts.subarray(k * edges, k * edges + m).sort();
      const f = ends.subarray(k * edges, k * edges + m).sort();
      let open = 0;
      let from = 0;
      for (let i = 0, q = 0; q < m; ) {
        if (i < m && s[i]! <= f[q]!) {
          if (open++ === 0) from = s[i]!;
          i++;
        } else {
          if (--open === 0) fillRow(grid, mask, j0 + k, from, f[q]!);
          q++;
        }
      }
    }
  }
}

/**
 * A convex ring with few edges: its buffer is convex, so each row is one interval, the hull
 * of the edges' capsule intervals on that row (cheaper than outlining the buffer's arcs).
 */
function stampConvexFew(grid: Grid, mask: Uint8Array, ring: GridRing, R: number): void {
  let ymin = Infinity;
  let ymax = -Infinity;
  for (const p of ring) {
    if (p[1] < ymin) ymin = p[1];
    if (p[1] > ymax) ymax = p[1];
  }
  const j0 = Math.max(0, Math.ceil(ymin - R - 0.5));
  const j1 = Math.min(grid.h - 1, Math.floor(ymax + R - 0.5));
  if (j1 < j0) return;
  const { starts: lo, ends: hi } = spanScratch(j1 - j0 + 1, 1);
  lo.fill(Infinity, 0, j1 - j0 + 1);
  hi.fill(-Infinity, 0, j1 - j0 + 1);
  const span = (j: number, l: number, r: number) => {
    const k = j - j0;
    if (l < lo[k]!) lo[k] = l;
    if (r > hi[k]!) hi[k] = r;
  };
  for (let e = 0; e + 1 < ring.length; e++) {
    const a = ring[e]!;
    const b = ring[e + 1]!;
    capsuleSpans(grid.h, a[0], a[1], b[0], b[1], R, span);
  }
  for (let k = 0; k <= j1 - j0; k++) if (hi[k]! >= lo[k]!) fillRow(grid, mask, j0 + k, lo[k]!, hi[k]!);
}

let scratchStarts = new Float64Array(1 << 14);
let scratchEnds = new Float64Array(1 << 14);
let scratchCount = new Int32Array(1 << 10);
/** Per-row interval buffers for `stampPolygon`, grown as needed and reused (no GC churn). */
function spanScratch(rows: number, edges: number): { starts: Float64Array; ends: Float64Array; count: Int32Array } {
  if (scratchStarts.length < rows * edges) {
    scratchStarts = new Float64Array(rows * edges * 2);
    scratchEnds = new Float64Array(rows * edges * 2);
  }
  if (scratchCount.length < rows) scratchCount = new Int32Array(rows * 2);
  scratchCount.fill(0, 0, rows);
  return { starts: scratchStarts, ends: scratchEnds, count: scratchCount };
}

/**
 * Coverage mask of a set of sites at one radius: 1 where a cell's centre is within
 * `radiusM` of a site's edge (polygon interiors included), else 0. A polygon is covered as
 * its interior plus a capsule around every edge: its exact buffer, sampled at cell centres.
 * `grid` may be a supersampled grid (see `fineGrid`): site positions, given in the base
 * grid's units, are multiplied by `scale`.
 */
export function coverageMask(grid: Grid, sites: readonly Site[], radiusM: number, into?: Uint8Array, scale = 1): Uint8Array {
  const mask = into ?? new Uint8Array(grid.w * grid.h);
  mask.fill(0);
  const k = scale;
  for (const s of sites) {
    for (const [px, py] of s.points) stampDisk(grid, mask, px * k, py * k, radiusM);
    if (s.polygons.length === 0) continue;
    stampPolygon(grid, mask, s, radiusM, k);
  }
  return mask;
}
