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
  // Rectangle corners A + R·n, B + R·n, B − R·n, A − R·n, in order around it.
  const c0x = ax + nx, c0y = ay + ny, c1x = bx + nx, c1y = by + ny;
  const c2x = bx - nx, c2y = by - ny, c3x = ax - nx, c3y = ay - ny;
  const j0 = Math.max(0, Math.ceil(Math.min(ay, by) - R - 0.5));
  const j1 = Math.min(h - 1, Math.floor(Math.max(ay, by) + R - 0.5));
  const edge = (y: number, x1: number, y1: number, x2: number, y2: number, acc: number[]) => {
    if ((y1 <= y && y <= y2) || (y2 <= y && y <= y1)) {
      if (y1 === y2) {
        acc.push(x1, x2);
      } else {
        acc.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
  };
  const acc: number[] = [];
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
    if (len > 1e-12) {
      acc.length = 0;
      edge(y, c0x, c0y, c1x, c1y, acc);
      edge(y, c1x, c1y, c2x, c2y, acc);
      edge(y, c2x, c2y, c3x, c3y, acc);
      edge(y, c3x, c3y, c0x, c0y, acc);
      for (const x of acc) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    if (hi >= lo) span(j, lo, hi);
  }
}

/** Sets `mask[c] = 1` for every cell whose centre lies within `radiusM` of segment A–B. */
export function stampCapsule(grid: Grid, mask: Uint8Array, ax: number, ay: number, bx: number, by: number, radiusM: number): void {
  capsuleSpans(grid.h, ax, ay, bx, by, (radiusM + EPS_M) / grid.cell, (j, lo, hi) => fillRow(grid, mask, j, lo, hi));
}

/** True when a polygon is a single convex ring (no holes). */
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
  return true;
}

/** Largest gap (grid units) between the true buffer arc and its polygonal stand-in. */
const ARC_TOL = 0.002;

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
 * Stamps a polygon's buffer. A convex polygon's buffer is itself a convex polygon
 * (`convexBuffer`), filled by scanlines: one fill per row however many edges the outline
 * has. Other polygons: their interior, plus a capsule around every edge.
 */
function stampPolygon(grid: Grid, mask: Uint8Array, polys: readonly GridPolygon[], radiusM: number): void {
  const { w, h } = grid;
  const R = (radiusM + EPS_M) / grid.cell;
  const fill = (j: number, i0: number, i1: number) => mask.fill(1, j * w + i0, j * w + i1);
  for (const poly of polys) {
    if (isConvex(poly)) {
      forEachInteriorRun([[convexBuffer(poly[0]!, R)]], w, h, fill);
      continue;
    }
    forEachInteriorRun([poly], w, h, fill);
    for (const ring of poly) {
      for (let e = 0; e + 1 < ring.length; e++) {
        const a = ring[e]!;
        const b = ring[e + 1]!;
        capsuleSpans(h, a[0], a[1], b[0], b[1], R, (j, l, r) => fillRow(grid, mask, j, l, r));
      }
    }
  }
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
    const polys = k === 1 ? s.polygons : s.polygons.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x * k, y * k] as const)));
    stampPolygon(grid, mask, polys, radiusM);
  }
  return mask;
}
