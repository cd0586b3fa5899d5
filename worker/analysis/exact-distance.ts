/**
 * Exact distance from every cell centre of a block of a grid to a set of sites (their edge;
 * 0 inside a polygon), up to a reach R: lowers a field of squared distances. The distance
 * to a polygon's outline is the least of the distances to its vertices and, where the
 * perpendicular foot falls on an edge, to that edge's line. So three passes, each exact:
 *
 * - interiors: cells whose centre lies inside a polygon get 0 (scanlines, even-odd);
 * - vertices (and point sites): along each row, (x − vx)² + (y − vy)² is a parabola in x
 *   of the same width for every vertex, so the row's least one is the lower envelope of
 *   parabolas: Felzenszwalb & Huttenlocher's one-dimensional pass, here with real-valued
 *   roots, over the vertices within R of the row (kept in bands R high, sorted by x);
 * - edges: each edge's slab (points whose foot falls on the edge, within R of its line) is
 *   a rectangle; its cells are measured against the line.
 *
 * Cost: rows × (vertices within reach + the cells asked for), plus the slabs' cells (the
 * outlines' length × 2R). No per-cell search over edges, so it does not grow with the
 * product of cells and edges. Only the cells of each row's span are measured, when spans
 * are given (the district's own, for its rate index). Pure.
 */
import { spansInRows } from './rasterize';
import type { Site } from './sites';

/** Inclusive block of grid cells the field covers; the field is row-major over it. */
export interface Block {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/**
 * Lowers `best` (squared distances in grid units, (j − j0)·width + (i − i0) over `block`)
 * to each cell's squared distance to `sites` wherever that is at most R² (grid units).
 * Site positions are in the base grid's units, multiplied by `scale` for this grid.
 * `spans`, if given: per block row, the first and last column to measure (2 numbers a row;
 * first > last for none); other cells are left as they are.
 */
export function lowerToSites(best: Float64Array, block: Block, sites: readonly Site[], scale: number, R: number, spans?: Int32Array): void {
  const { i0, i1, j0, j1 } = block;
  const bw = i1 - i0 + 1;
  const R2 = R * R;
  const lo = (j: number) => (spans ? Math.max(i0, spans[2 * (j - j0)]!) : i0);
  const hi = (j: number) => (spans ? Math.min(i1, spans[2 * (j - j0) + 1]!) : i1);
  // Vertices and points, scaled, and the polygons.
  let n = 0;
  for (const s of sites) {
    n += s.points.length;
    for (const poly of s.polygons) for (const ring of poly) n += ring.length;
  }
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const polys: [number, number][][][] = [];
  let k = 0;
  for (const s of sites) {
    for (const [x, y] of s.points) {
      vx[k] = x * scale;
      vy[k++] = y * scale;
    }
    for (const poly of s.polygons) {
      const scaled = poly.map((ring) => ring.map(([x, y]) => [x * scale, y * scale] as [number, number]));
      polys.push(scaled);
      for (const ring of scaled) {
        for (const [x, y] of ring) {
          vx[k] = x;
          vy[k++] = y;
        }
      }
    }
  }

  // Interiors: 0.
  if (polys.length > 0) {
    const rows = spansInRows(polys, j0, j1, 1);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let p = 0; p + 1 < row.length; p += 2) {
        const a = Math.max(lo(j0 + r), Math.ceil(row[p]! - 0.5));
        const b = Math.min(hi(j0 + r), Math.floor(row[p + 1]! - 0.5));
        if (b >= a) best.fill(0, r * bw + a - i0, r * bw + b - i0 + 1);
      }
    }
  }

  // Vertices: per row, the lower envelope of the parabolas of the vertices within reach.
  // They are kept in horizontal bands R high, each sorted by x: a row's candidates are
  // those of the (at most three) bands within R of it, merged by x.
  const bandOf = (y: number) => Math.floor((y - j0) / R);
  const bands = Math.max(1, bandOf(j1 + 1) + 2);
  const band = (y: number) => Math.min(bands - 1, Math.max(0, bandOf(y)));
  const bandStart = new Int32Array(bands + 1);
  for (let v = 0; v < n; v++) bandStart[band(vy[v]!) + 1]!++;
  for (let b = 0; b < bands; b++) bandStart[b + 1]! += bandStart[b]!;
  const order = new Int32Array(n);
  const fillAt = bandStart.slice(0, bands);
  for (let v = 0; v < n; v++) order[fillAt[band(vy[v]!)]!++] = v;
  for (let b = 0; b < bands; b++) order.subarray(bandStart[b]!, bandStart[b + 1]!).sort((p, q) => vx[p]! - vx[q]! || vy[p]! - vy[q]!);
  const q = new Float64Array(n);
  const f = new Float64Array(n);
  const z = new Float64Array(n + 1);
  const hull = new Int32Array(n);
  for (let j = j0; j <= j1; j++) {
    const ia = lo(j);
    const ib = hi(j);
    if (ib < ia) continue;
    const y = j + 0.5;
    // Roots (x) and offsets ((y − vy)²) of the parabolas, by x; of equal roots the lowest.
    const b0 = band(y - R);
    const b1 = band(y + R);
    let p0 = bandStart[b0]!;
    const e0 = bandStart[b0 + 1]!;
    let p1 = b0 + 1 <= b1 ? bandStart[b0 + 1]! : 0;
    const e1 = b0 + 1 <= b1 ? bandStart[b0 + 2]! : 0;
    let p2 = b0 + 2 <= b1 ? bandStart[b0 + 2]! : 0;
    const e2 = b0 + 2 <= b1 ? bandStart[b0 + 3]! : 0;
    let m = 0;
    for (;;) {
      // The next vertex by x among the three bands' heads.
      let v = -1;
      let from = 0;
      if (p0 < e0) v = order[p0]!;
      if (p1 < e1 && (v < 0 || vx[order[p1]!]! < vx[v]!)) {
        v = order[p1]!;
        from = 1;
      }
      if (p2 < e2 && (v < 0 || vx[order[p2]!]! < vx[v]!)) {
        v = order[p2]!;
        from = 2;
      }
      if (v < 0) break;
      if (from === 0) p0++;
      else if (from === 1) p1++;
      else p2++;
      const dy = y - vy[v]!;
      const fy = dy * dy;
      if (fy > R2) continue;
      const x = vx[v]!;
      if (m > 0 && q[m - 1] === x) {
        if (fy < f[m - 1]!) f[m - 1] = fy;
        continue;
      }
      q[m] = x;
      f[m++] = fy;
    }
    if (m === 0) continue;
    // Lower envelope: parabola hull[e] rules x in [z[e], z[e + 1]].
    let top = 0;
    hull[0] = 0;
    z[0] = -Infinity;
    z[1] = Infinity;
    for (let p = 1; p < m; p++) {
      const fp = f[p]! + q[p]! * q[p]!;
      let t = hull[top]!;
      let s = (fp - (f[t]! + q[t]! * q[t]!)) / (2 * (q[p]! - q[t]!));
      while (s <= z[top]!) {
        // z[0] is −∞, so this stops at top = 0.
        top--;
        t = hull[top]!;
        s = (fp - (f[t]! + q[t]! * q[t]!)) / (2 * (q[p]! - q[t]!));
      }
      top++;
      hull[top] = p;
      z[top] = s;
      z[top + 1] = Infinity;
    }
    // Each envelope parabola over its own stretch, only where it is within reach.
    const o = (j - j0) * bw - i0;
    for (let e = 0; e <= top; e++) {
      const h = hull[e]!;
      const qh = q[h]!;
      const fh = f[h]!;
      const reach = Math.sqrt(R2 - fh);
      const a = Math.max(ia, Math.ceil(Math.max(z[e]!, qh - reach) - 0.5));
      const b = Math.min(ib, Math.floor(Math.min(z[e + 1]!, qh + reach) - 0.5));
      for (let i = a; i <= b; i++) {
        const dx = i + 0.5 - qh;
        const d2 = dx * dx + fh;
        if (d2 < best[o + i]!) best[o + i] = d2;
      }
    }
  }

  // Edges: each slab's cells, against the edge's line.
  for (const poly of polys) {
    for (const ring of poly) {
      for (let v = 0; v + 1 < ring.length; v++) {
        const [ax, ay] = ring[v]!;
        const [bx, by] = ring[v + 1]!;
        const l = Math.hypot(bx - ax, by - ay);
        if (l === 0) continue;
        const ux = (bx - ax) / l;
        const uy = (by - ay) / l;
        // Normal n = (−uy, ux); the slab's corners a ± R·n, b ± R·n (n's y is ux).
        const ry = Math.abs(ux) * R;
        const ja = Math.max(j0, Math.ceil(Math.min(ay, by) - ry - 0.5));
        const jb = Math.min(j1, Math.floor(Math.max(ay, by) + ry - 0.5));
        for (let j = ja; j <= jb; j++) {
          const y = j + 0.5;
          const t = y - ay;
          // X = x − ax with 0 ≤ X·ux + t·uy ≤ l and |−X·uy + t·ux| ≤ R.
          let xl = -Infinity;
          let xh = Infinity;
          if (ux > 1e-12) {
            xl = (-t * uy) / ux;
            xh = (l - t * uy) / ux;
          } else if (ux < -1e-12) {
            xl = (l - t * uy) / ux;
            xh = (-t * uy) / ux;
          } else if (t * uy < 0 || t * uy > l) continue;
          if (uy > 1e-12) {
            xl = Math.max(xl, (t * ux - R) / uy);
            xh = Math.min(xh, (t * ux + R) / uy);
          } else if (uy < -1e-12) {
            xl = Math.max(xl, (t * ux + R) / uy);
            xh = Math.min(xh, (t * ux - R) / uy);
          } else if (Math.abs(t * ux) > R) continue;
          const ia = Math.max(lo(j), Math.ceil(ax + xl - 0.5));
          const ib = Math.min(hi(j), Math.floor(ax + xh - 0.5));
          const o = (j - j0) * bw - i0;
          // The distance to the line falls by uy a cell along the row.
          let d = t * ux - (ia + 0.5 - ax) * uy;
          for (let i = ia; i <= ib; i++, d -= uy) {
            const d2 = d * d;
            if (d2 < best[o + i]!) best[o + i] = d2;
          }
        }
      }
    }
  }
}
