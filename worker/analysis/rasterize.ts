/**
 * Scanline rasterisation in grid units (see grid.ts): polygons to per-row spans, span
 * algebra (union, intersection, difference), spans to fractional cell weights, and lines
 * to the cells they cross. Pure functions over plain arrays and typed arrays.
 */

/** A ring or line in grid units: [[gx, gy], …]. */
export type GridRing = ReadonlyArray<readonly [number, number]>;
/** A polygon in grid units: outer ring then holes. */
export type GridPolygon = ReadonlyArray<GridRing>;

/**
 * Spans of a set of polygons along `rows` horizontal scanlines at y = (r + 0.5) / sub
 * (grid units), r = 0 … rows − 1. Each row is a sorted flat list [a0, b0, a1, b1, …] of
 * disjoint x-intervals. Each polygon is filled even-odd (holes cut), then polygons are
 * united, so overlapping features do not cancel.
 */
export function polygonSpans(polys: readonly GridPolygon[], rows: number, sub: number): Float64Array[] {
  return spansInRows(polys, 0, rows - 1, sub);
}

const EMPTY_SPANS = new Float64Array(0);

/**
 * As `polygonSpans`, for scanlines r0 … r1 only (element k is scanline r0 + k): the work is
 * proportional to the polygons' own rows, not to the grid's height.
 */
export function spansInRows(polys: readonly GridPolygon[], r0: number, r1: number, sub: number): Float64Array[] {
  const n = Math.max(0, r1 - r0 + 1);
  const out: Float64Array[] = new Array<Float64Array>(n).fill(EMPTY_SPANS);
  const lists: (number[] | undefined)[] = new Array(n);
  for (const poly of polys) {
    const touched: number[] = [];
    for (const ring of poly) {
      const m = ring.length;
      for (let k = 0; k < m; k++) {
        const p = ring[k]!;
        const q = ring[(k + 1) % m]!;
        const [x1, y1] = p;
        const [x2, y2] = q;
        if (y1 === y2) continue;
        const ylo = Math.min(y1, y2) * sub - 0.5;
        const yhi = Math.max(y1, y2) * sub - 0.5;
        // Scanline r sits at y = (r + 0.5) / sub: include r with ylo ≤ r < yhi.
        const a = Math.max(r0, Math.ceil(ylo));
        const b = Math.min(r1, Math.ceil(yhi) - 1);
        for (let r = a; r <= b; r++) {
          const y = (r + 0.5) / sub;
          const x = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
          let list = lists[r - r0];
          if (!list) {
            lists[r - r0] = list = [];
            touched.push(r - r0);
          }
          list.push(x);
        }
      }
    }
    for (const k of touched) {
      const xs = lists[k]!;
      lists[k] = undefined;
      xs.sort((a, b) => a - b);
      const own = Float64Array.from(xs.length % 2 === 0 ? xs : xs.slice(0, -1));
      out[k] = out[k]!.length ? unionSpans(out[k]!, own) : own;
    }
  }
  return out;
}

type SpanOp = (inA: boolean, inB: boolean) => boolean;

function combine(a: Float64Array, b: Float64Array, op: SpanOp): Float64Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let inA = false;
  let inB = false;
  let inOut = false;
  while (i < a.length || j < b.length) {
    const xa = i < a.length ? a[i]! : Infinity;
    const xb = j < b.length ? b[j]! : Infinity;
    const x = Math.min(xa, xb);
    if (xa === x) {
      inA = !inA;
      i++;
    }
    if (xb === x) {
      inB = !inB;
      j++;
    }
    const now = op(inA, inB);
    if (now !== inOut) {
      // A zero-length span, or two spans that touch: drop the shared point.
      if (out.length > 0 && out[out.length - 1] === x) out.pop();
      else out.push(x);
      inOut = now;
    }
  }
  return Float64Array.from(out);
}

const NONE = new Float64Array(0);
const or: SpanOp = (x, y) => x || y;
const and: SpanOp = (x, y) => x && y;
const andNot: SpanOp = (x, y) => x && !y;
const unionSpans = (a: Float64Array, b: Float64Array) => (a.length === 0 ? b : b.length === 0 ? a : combine(a, b, or));
export const intersectSpans = (a: Float64Array, b: Float64Array) => (a.length === 0 || b.length === 0 ? NONE : combine(a, b, and));
export const subtractSpans = (a: Float64Array, b: Float64Array) => (a.length === 0 ? NONE : b.length === 0 ? a : combine(a, b, andNot));

/** Row-wise span operation over two span sets of the same number of rows. */
export function mapRows(a: Float64Array[], b: Float64Array[], f: (x: Float64Array, y: Float64Array) => Float64Array): Float64Array[] {
  return a.map((row, r) => f(row, b[r]!));
}

/**
 * Fraction of each cell (w × h grid) covered by spans sampled at `sub` scanlines per cell
 * row: exact along x, sampled along y. Adds into `into` (length w·h) and returns it.
 */
export function spanWeights(spans: readonly Float64Array[], w: number, h: number, sub: number, into = new Float32Array(w * h)): Float32Array {
  const share = 1 / sub;
  for (let r = 0; r < spans.length; r++) {
    const row = spans[r]!;
    if (row.length === 0) continue;
    const j = Math.floor(r / sub);
    if (j < 0 || j >= h) continue;
    const o = j * w;
    for (let k = 0; k + 1 < row.length; k += 2) {
      const a = Math.max(0, row[k]!);
      const b = Math.min(w, row[k + 1]!);
      if (b <= a) continue;
      const ia = Math.floor(a);
      const ib = Math.min(w - 1, Math.floor(b));
      if (ia === ib) {
        into[o + ia]! += (b - a) * share;
        continue;
      }
      into[o + ia]! += (ia + 1 - a) * share;
      for (let i = ia + 1; i < ib; i++) into[o + i]! += share;
      if (ib < w) into[o + ib]! += (b - ib) * share;
    }
  }
  return into;
}

/**
 * Calls `fill(rowOffset, i0, i1)` for every run of cells whose centre lies inside the
 * polygons (sub = 1 scanlines through cell centres); i1 is exclusive.
 */
export function forEachInteriorRun(polys: readonly GridPolygon[], w: number, h: number, fill: (j: number, i0: number, i1: number) => void): void {
  let ymin = Infinity;
  let ymax = -Infinity;
  for (const poly of polys) {
    for (const ring of poly) {
      for (const p of ring) {
        if (p[1] < ymin) ymin = p[1];
        if (p[1] > ymax) ymax = p[1];
      }
    }
  }
  const j0 = Math.max(0, Math.ceil(ymin - 0.5));
  const j1 = Math.min(h - 1, Math.floor(ymax - 0.5));
  if (j1 < j0) return;
  const spans = spansInRows(polys, j0, j1, 1);
  for (let k = 0; k < spans.length; k++) {
    const row = spans[k]!;
    for (let q = 0; q + 1 < row.length; q += 2) {
      const i0 = Math.max(0, Math.ceil(row[q]! - 0.5));
      const i1 = Math.min(w, Math.floor(row[q + 1]! - 0.5) + 1);
      if (i1 > i0) fill(j0 + k, i0, i1);
    }
  }
}

/**
 * Visits every cell a segment passes through (a supercover walk, so the cells form a
 * 4-connected chain), calling `visit(cellIndex)`. Cells outside the grid are skipped.
 */
export function forEachSegmentCell(ax: number, ay: number, bx: number, by: number, w: number, h: number, visit: (index: number) => void): void {
  const len = Math.hypot(bx - ax, by - ay);
  // Step at a quarter cell and add both neighbours when a step changes row and column.
  const steps = Math.max(1, Math.ceil(len * 4));
  let pi = Math.floor(ax);
  let pj = Math.floor(ay);
  const emit = (i: number, j: number) => {
    if (i >= 0 && j >= 0 && i < w && j < h) visit(j * w + i);
  };
  emit(pi, pj);
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    const i = Math.floor(ax + (bx - ax) * t);
    const j = Math.floor(ay + (by - ay) * t);
    if (i === pi && j === pj) continue;
    if (i !== pi && j !== pj) {
      emit(i, pj);
      emit(pi, j);
    }
    emit(i, j);
    pi = i;
    pj = j;
  }
}
