import type { Grid } from './grid';
import { forEachInteriorRun, type GridPolygon, type GridRing, spansInRows } from './rasterize';
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
function stampDisk(grid: Grid, mask: Uint8Array, px: number, py: number, radiusM: number): void {
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
 * True when a polygon is a single convex ring (no holes) with some area. A degenerate ring
 * (all its points on one line, or one point) is not, nor one that turns straight back on
 * itself anywhere (a spike, even one of a few nanometres): its capsules handle them.
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
    if (cross === 0) {
      // In line: going on is fine (or a repeated vertex), turning back is not convex.
      if ((b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0) return false;
      continue;
    }
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
function convexBuffer(ring: GridRing, R: number): [number, number][] {
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

/** Consecutive edges per chunk of an outline: the unit the row loops skip or take. */
const CHUNK = 8;

/**
 * A polygon's outline on the grid a mask is stamped on, flattened for the row loops: each
 * ring's vertices (the closing repeat dropped) and, per edge (vertex k to the next vertex
 * of its ring), its unit direction and length; the edges cut into chunks of CHUNK, each with
 * the bounding box of its vertices. Built once per site and scale, and reused by every
 * tier's radius; a few typed arrays each (thousands of small sites make garbage enough).
 */
interface Outline {
  /** The polygon as given (base grid units) and the scale to this grid. */
  base: GridPolygon;
  scale: number;
  convex: boolean;
  /** Vertex range [start, end) of each ring in the flat arrays; ring 0 is the outer one. */
  starts: Int32Array;
  ends: Int32Array;
  x: Float64Array;
  y: Float64Array;
  ux: Float64Array;
  uy: Float64Array;
  len: Float64Array;
  /** Per ring, its first chunk (and one past the last ring: the number of chunks). */
  firstChunk: Int32Array;
  /** Chunks: first edge, end edge (exclusive), ring, and box [x0, y0, x1, y1] of their vertices. */
  cFirst: Int32Array;
  cEnd: Int32Array;
  cRing: Int32Array;
  cBox: Float64Array;
  /** The outer ring's chunks by box x0 ascending, and by box x1 descending. */
  byLeft: Int32Array;
  byRight: Int32Array;
  /** Vertical extent of all its rings. */
  ymin: number;
  ymax: number;
  /** Interior spans (x pairs) per row from `interiorRow0`, filled in once asked for. */
  interior: Float64Array[] | undefined;
  interiorRow0: number;
}

const ringLength = (r: GridRing) => (r.length > 1 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1] ? r.length - 1 : r.length);
const ONE_CHUNK = Int32Array.of(0);

function outlineOf(base: GridPolygon, scale: number): Outline {
  const rings = base.filter((r) => r.length > 0);
  const nr = rings.length;
  let n = 0;
  let nc = 0;
  for (const r of rings) {
    const m = ringLength(r);
    n += m;
    nc += Math.ceil(m / CHUNK);
  }
  const ints = new Int32Array(2 * nr + nr + 1 + 3 * nc);
  const starts = ints.subarray(0, nr);
  const ends = ints.subarray(nr, 2 * nr);
  const firstChunk = ints.subarray(2 * nr, 3 * nr + 1);
  const cFirst = ints.subarray(3 * nr + 1, 3 * nr + 1 + nc);
  const cEnd = ints.subarray(3 * nr + 1 + nc, 3 * nr + 1 + 2 * nc);
  const cRing = ints.subarray(3 * nr + 1 + 2 * nc);
  const floats = new Float64Array(5 * n + 4 * nc);
  const [x, y, ux, uy, len] = [0, 1, 2, 3, 4].map((q) => floats.subarray(q * n, (q + 1) * n)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const cBox = floats.subarray(5 * n);
  let k = 0;
  let c = 0;
  let ymin = Infinity;
  let ymax = -Infinity;
  rings.forEach((r, q) => {
    starts[q] = k;
    firstChunk[q] = c;
    const m = ringLength(r);
    for (let v = 0; v < m; v++) {
      x[k + v] = r[v]![0] * scale;
      y[k + v] = r[v]![1] * scale;
    }
    for (let v = 0; v < m; v++) {
      const a = k + v;
      const b = v + 1 < m ? a + 1 : k;
      const dx = x[b]! - x[a]!;
      const dy = y[b]! - y[a]!;
      const l = Math.hypot(dx, dy);
      len[a] = l;
      ux[a] = l > 0 ? dx / l : 0;
      uy[a] = l > 0 ? dy / l : 0;
      if (y[a]! < ymin) ymin = y[a]!;
      if (y[a]! > ymax) ymax = y[a]!;
    }
    for (let v = 0; v < m; v += CHUNK, c++) {
      cFirst[c] = k + v;
      cEnd[c] = k + Math.min(v + CHUNK, m);
      cRing[c] = q;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      // The chunk's edges end at the vertex after its last (the ring's first, at its end).
      for (let u = v; u <= Math.min(v + CHUNK, m); u++) {
        const a = k + (u < m ? u : 0);
        if (x[a]! < x0) x0 = x[a]!;
        if (y[a]! < y0) y0 = y[a]!;
        if (x[a]! > x1) x1 = x[a]!;
        if (y[a]! > y1) y1 = y[a]!;
      }
      cBox[4 * c] = x0;
      cBox[4 * c + 1] = y0;
      cBox[4 * c + 2] = x1;
      cBox[4 * c + 3] = y1;
    }
    k += m;
    ends[q] = k;
  });
  firstChunk[nr] = nc;
  const outerChunks = nr > 0 ? firstChunk[1]! : 0;
  let byLeft = ONE_CHUNK;
  let byRight = ONE_CHUNK;
  if (outerChunks !== 1) {
    byLeft = Int32Array.from({ length: outerChunks }, (_, q) => q).sort((a, b) => cBox[4 * a]! - cBox[4 * b]!);
    byRight = Int32Array.from({ length: outerChunks }, (_, q) => q).sort((a, b) => cBox[4 * b + 2]! - cBox[4 * a + 2]!);
  }
  // A convex ring of next to no area (its points all but on one line) has no reliable
  // orientation for its buffer's outline: the general path takes it.
  let area = 0;
  for (let v = 0; v < (nr ? ends[0]! : 0); v++) {
    const w = v + 1 < ends[0]! ? v + 1 : 0;
    area += x[v]! * y[w]! - x[w]! * y[v]!;
  }
  const convex = isConvex(base) && Math.abs(area) > 1e-6 * scale * scale;
  return {
    base,
    scale,
    convex,
    starts,
    ends,
    x,
    y,
    ux,
    uy,
    len,
    firstChunk,
    cFirst,
    cEnd,
    cRing,
    cBox,
    byLeft,
    byRight,
    ymin,
    ymax,
    interior: undefined,
    interiorRow0: 0,
  };
}

/** The outline's polygon on this grid (for the outline-filling paths, which need rings). */
const scaledPolygon = (o: Outline): GridPolygon => (o.scale === 1 ? o.base : o.base.map((ring) => ring.map(([x, y]) => [x * o.scale, y * o.scale] as const)));

const outlines = new WeakMap<Site, { scale: number; list: Outline[] }>();

/** The site's polygons as outlines on the grid of `scale` (cached per site). */
function outlinesOf(site: Site, scale: number): Outline[] {
  const had = outlines.get(site);
  if (had && had.scale === scale) return had.list;
  const list = site.polygons.map((base) => outlineOf(base, scale));
  outlines.set(site, { scale, list });
  return list;
}

/** The interior's spans on row j (cell centres' scanline), computed for all rows once. */
function interiorSpans(o: Outline, j: number): Float64Array | undefined {
  if (!o.interior) {
    const r0 = Math.ceil(o.ymin - 0.5);
    const r1 = Math.floor(o.ymax - 0.5);
    o.interiorRow0 = r0;
    o.interior = spansInRows([scaledPolygon(o)], r0, r1, 1);
  }
  return o.interior[j - o.interiorRow0];
}

/**
 * The x-interval, relative to an edge's start, where row y (t = y − start's y) meets the
 * edge's rectangle: the points within R of the edge whose foot falls on it,
 * {p : 0 ≤ (p − a)·u ≤ len, |(p − a)·n| ≤ R}, n = (−uy, ux). Left in AB; false when the row
 * misses it. Small enough for V8 to inline into the loops below.
 */
const AB = new Float64Array(2);

function edgeRow(ux: number, uy: number, l: number, t: number, R: number): boolean {
  let a = -Infinity;
  let b = Infinity;
  // Along the edge: 0 ≤ X·ux + t·uy ≤ l, X = x − ax.
  if (ux > 1e-12) {
    a = (-t * uy) / ux;
    b = (l - t * uy) / ux;
  } else if (ux < -1e-12) {
    a = (l - t * uy) / ux;
    b = (-t * uy) / ux;
  } else {
    const s = t * uy;
    if (s < 0 || s > l) return false;
  }
  // Across it: −R ≤ −X·uy + t·ux ≤ R.
  if (uy > 1e-12) {
    const p = (t * ux - R) / uy;
    const q = (t * ux + R) / uy;
    if (p > a) a = p;
    if (q < b) b = q;
  } else if (uy < -1e-12) {
    const p = (t * ux + R) / uy;
    const q = (t * ux - R) / uy;
    if (p > a) a = p;
    if (q < b) b = q;
  } else if (Math.abs(t * ux) > R) return false;
  if (b < a) return false;
  AB[0] = a;
  AB[1] = b;
  return true;
}

/** Edge k's rectangle on row y joined to [lo, hi], left in SPAN. */
const SPAN = new Float64Array(2);

function joinEdge(o: Outline, k: number, y: number, R: number, lo: number, hi: number): void {
  SPAN[0] = lo;
  SPAN[1] = hi;
  const l = o.len[k]!;
  if (l === 0 || !edgeRow(o.ux[k]!, o.uy[k]!, l, y - o.y[k]!, R)) return;
  const ax = o.x[k]!;
  if (ax + AB[0]! < lo) SPAN[0] = ax + AB[0]!;
  if (ax + AB[1]! > hi) SPAN[1] = ax + AB[1]!;
}

/**
 * Joins chunk c's capsules on row y (every vertex of it within reach) to [lo, hi], left in
 * SPAN. A vertex's disk or an edge's rectangle that cannot reach past the interval's ends
 * (checked on a bound without a square root) is not computed.
 */
function joinChunk(o: Outline, c: number, y: number, R: number, R2: number, lo: number, hi: number): void {
  const { x, y: vy, ux: uxs, uy: uys, len } = o;
  const half = 0.5 / R;
  for (let v = o.cFirst[c]!; v < o.cEnd[c]!; v++) {
    // Vertex v's disk (the chunk's last edge ends at the next chunk's first vertex, whose
    // disk that chunk joins). √(R² − d²) ≤ R − d²/(2R).
    const t = y - vy[v]!;
    const d2 = t * t;
    const ax = x[v]!;
    const bound = R - d2 * half;
    if (ax - bound < lo || ax + bound > hi) {
      const h = Math.sqrt(R2 - d2);
      if (ax - h < lo) lo = ax - h;
      if (ax + h > hi) hi = ax + h;
    }
    // The edge's rectangle (edgeRow): it spans x from the edge's less R·|uy| to its
    // more R·|uy|, and rows t·… within R·|ux| of the edge's.
    const l = len[v]!;
    const ux = uxs[v]!;
    const uy = uys[v]!;
    const bx = ax + ux * l;
    const rx = R * (uy < 0 ? -uy : uy);
    if (l === 0 || (Math.min(ax, bx) - rx >= lo && Math.max(ax, bx) + rx <= hi)) continue;
    if (!edgeRow(ux, uy, l, t, R)) continue;
    if (ax + AB[0]! < lo) lo = ax + AB[0]!;
    if (ax + AB[1]! > hi) hi = ax + AB[1]!;
  }
  SPAN[0] = lo;
  SPAN[1] = hi;
}

/**
 * A row every vertex reaches: the hull of all the outer ring's capsules' sections,
 * found by branch and bound over the chunks. A chunk's capsules lie within R of its box,
 * so on row y none reaches further left than x0 − √(R² − dy²) (dy: the row's distance to
 * the box): chunks that cannot move the interval's ends are skipped, and the scan from the
 * left stops once no box is near enough to. Leaves the interval in SPAN.
 */
function fullRow(o: Outline, y: number, R: number, R2: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  if (o.byLeft.length === 1) {
    // One chunk: nothing to choose.
    joinChunk(o, 0, y, R, R2, lo, hi);
    return;
  }
  const box = o.cBox;
  const done = seen.fill(0, 0, o.cFirst.length);
  for (let k = 0; k < o.byLeft.length; k++) {
    const c = o.byLeft[k]!;
    const x0 = box[4 * c]!;
    if (x0 - R >= lo) break;
    const dy = y < box[4 * c + 1]! ? box[4 * c + 1]! - y : y > box[4 * c + 3]! ? y - box[4 * c + 3]! : 0;
    if (x0 - Math.sqrt(R2 - dy * dy) >= lo) continue;
    joinChunk(o, c, y, R, R2, lo, hi);
    lo = SPAN[0]!;
    hi = SPAN[1]!;
    done[c] = 1;
  }
  for (let k = 0; k < o.byRight.length; k++) {
    const c = o.byRight[k]!;
    const x1 = box[4 * c + 2]!;
    if (x1 + R <= hi) break;
    if (done[c]) continue;
    const dy = y < box[4 * c + 1]! ? box[4 * c + 1]! - y : y > box[4 * c + 3]! ? y - box[4 * c + 3]! : 0;
    if (x1 + Math.sqrt(R2 - dy * dy) <= hi) continue;
    joinChunk(o, c, y, R, R2, lo, hi);
    lo = SPAN[0]!;
    hi = SPAN[1]!;
  }
  SPAN[0] = lo;
  SPAN[1] = hi;
}
let seen = new Uint8Array(1024);

/**
 * A row where some vertex is out of reach: each ring splits, at its unreachable vertices,
 * into runs of edges whose capsules overlap one after the other (consecutive capsules
 * share their vertex's disk, which meets the row): each run is one interval, filled as it
 * closes. A chunk whose box is out of reach closes the run and is skipped whole; a chunk
 * wholly within reach joins the run as in a full row. The run through the ring's first
 * vertex may be cut in two there; both halves hold that vertex's disk, so they overlap and
 * filling each is filling their union.
 */
function fillRuns(grid: Grid, mask: Uint8Array, o: Outline, j: number, y: number, R: number, R2: number): void {
  const { x, y: vy, cBox: box } = o;
  let lo = Infinity;
  let hi = -Infinity;
  let ring = -1;
  for (let c = 0; c < o.cFirst.length; c++) {
    const q = o.cRing[c]!;
    if (q !== ring) {
      // A new ring: close the last one's run, open this one's at its first vertex.
      if (hi >= lo) fillRow(grid, mask, j, lo, hi);
      lo = Infinity;
      hi = -Infinity;
      ring = q;
      const s = o.starts[q]!;
      const dy = y - vy[s]!;
      if (dy * dy <= R2) {
        const h = Math.sqrt(R2 - dy * dy);
        lo = x[s]! - h;
        hi = x[s]! + h;
      }
    }
    const by0 = box[4 * c + 1]!;
    const by1 = box[4 * c + 3]!;
    if (y < by0 - R || y > by1 + R) {
      if (hi >= lo) fillRow(grid, mask, j, lo, hi);
      lo = Infinity;
      hi = -Infinity;
      continue;
    }
    if (y >= by1 - R && y <= by0 + R) {
      // Every vertex of the chunk (and the next chunk's first) within reach: no break here.
      joinChunk(o, c, y, R, R2, lo, hi);
      lo = SPAN[0]!;
      hi = SPAN[1]!;
      continue;
    }
    const e = o.ends[q]!;
    for (let v = o.cFirst[c]!; v < o.cEnd[c]!; v++) {
      const dv = y - vy[v]!;
      if (dv * dv <= R2) {
        const h = Math.sqrt(R2 - dv * dv);
        if (x[v]! - h < lo) lo = x[v]! - h;
        if (x[v]! + h > hi) hi = x[v]! + h;
      } else if (hi >= lo) {
        fillRow(grid, mask, j, lo, hi);
        lo = Infinity;
        hi = -Infinity;
      }
      joinEdge(o, v, y, R, lo, hi);
      lo = SPAN[0]!;
      hi = SPAN[1]!;
      const u = v + 1 < e ? v + 1 : o.starts[q]!;
      const du = y - vy[u]!;
      if (du * du > R2 && hi >= lo) {
        fillRow(grid, mask, j, lo, hi);
        lo = Infinity;
        hi = -Infinity;
      }
    }
  }
  if (hi >= lo) fillRow(grid, mask, j, lo, hi);
}

/**
 * Stamps a polygon's buffer (its interior and every point within R of its outline) row by
 * row. The buffer is the interior plus the union of the edges' capsules. On a row that
 * every vertex reaches (all within R vertically: the rows [ymax − R, ymin + R]), the
 * consecutive capsules of a ring overlap (they share a vertex disk that meets the row), so
 * each ring's are one interval, the hull of their sections; the interior's section lies
 * within them too (a point inside lies between two crossings of one ring). A convex
 * polygon's buffer is convex: one interval on every row. Other rows (within R of the top or
 * bottom only: a polygon taller than little more than R) split into runs between the
 * vertices out of reach, one interval each, plus the interior's own spans. No sorting: each
 * interval is filled as it closes. A smooth convex outline (many vertices) is filled from
 * its buffer's outline instead.
 * Cost: per row, the chunks of the outline, and the vertices of those that can matter.
 */
function stampPolygon(grid: Grid, mask: Uint8Array, site: Site, radiusM: number, scale: number): void {
  const R = (radiusM + EPS_M) / grid.cell;
  const R2 = R * R;
  const { w, h } = grid;
  const fill = (j: number, i0: number, i1: number) => mask.fill(1, j * w + i0, j * w + i1);
  for (const o of outlinesOf(site, scale)) {
    if (o.x.length === 0) continue;
    if (o.convex && o.x.length > 12) {
      forEachInteriorRun([[convexBuffer(scaledPolygon(o)[0]!, R)]], w, h, fill);
      continue;
    }
    if (seen.length < o.cFirst.length) seen = new Uint8Array(o.cFirst.length * 2);
    const j0 = Math.max(0, Math.ceil(o.ymin - R - 0.5));
    const j1 = Math.min(h - 1, Math.floor(o.ymax + R - 0.5));
    // Rows every vertex reaches (all of them for a convex polygon).
    const f0 = o.convex ? j0 : Math.max(j0, Math.ceil(o.ymax - R - 0.5));
    const f1 = o.convex ? j1 : Math.min(j1, Math.floor(o.ymin + R - 0.5));
    for (let j = j0; j <= j1; j++) {
      const y = j + 0.5;
      if (j >= f0 && j <= f1) {
        fullRow(o, y, R, R2);
        if (SPAN[1]! >= SPAN[0]!) fillRow(grid, mask, j, SPAN[0]!, SPAN[1]!);
        // Holes (or, in a polygon that is not valid, other rings anywhere): each its own
        // interval, of all its chunks.
        for (let q = 1, c = o.firstChunk[1]!; q < o.starts.length; q++) {
          let lo = Infinity;
          let hi = -Infinity;
          for (; c < o.firstChunk[q + 1]!; c++) {
            joinChunk(o, c, y, R, R2, lo, hi);
            lo = SPAN[0]!;
            hi = SPAN[1]!;
          }
          if (hi >= lo) fillRow(grid, mask, j, lo, hi);
        }
        continue;
      }
      fillRuns(grid, mask, o, j, y, R, R2);
      const spans = y > o.ymin && y < o.ymax ? interiorSpans(o, j) : undefined;
      if (spans) for (let p = 0; p + 1 < spans.length; p += 2) fillRow(grid, mask, j, spans[p]!, spans[p + 1]!);
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
    stampPolygon(grid, mask, s, radiusM, k);
  }
  return mask;
}
