import { FAR_M, type Sources } from './field';
import type { Grid } from './grid';
import { CellHeap } from './heap';
import { forEachSegmentCell } from './rasterize';

/**
 * Walking distance on the grid: multi-source Dijkstra over a 16-neighbour stencil (steps of
 * 1, √2 and √5 cells: at most 2.75 % longer than the straight line in open ground, against
 * 8.2 % for 8 neighbours). River cells are blocked, bridge cells open; a step may not cut
 * the corner of a blocked cell.
 */
interface Step {
  di: number;
  dj: number;
  cost: number;
  /** Cells (relative) the straight step passes through, which must be open. */
  via: [number, number][];
}

function stencil(): Step[] {
  const out: Step[] = [];
  for (const [a, b] of [
    [1, 0],
    [1, 1],
    [2, 1],
    [1, 2],
  ] as const) {
    for (const sa of [1, -1]) {
      for (const sb of [1, -1]) {
        for (const swap of [false, true]) {
          const di = (swap ? b : a) * (swap ? sb : sa);
          const dj = (swap ? a : b) * (swap ? sa : sb);
          if (out.some((s) => s.di === di && s.dj === dj)) continue;
          const via: [number, number][] = [];
          if (Math.abs(di) === 1 && Math.abs(dj) === 1) via.push([di, 0], [0, dj]);
          else if (Math.abs(di) === 2) via.push([Math.sign(di), 0], [Math.sign(di), dj]);
          else if (Math.abs(dj) === 2) via.push([0, Math.sign(dj)], [di, Math.sign(dj)]);
          out.push({ di, dj, cost: Math.hypot(di, dj), via });
        }
      }
    }
  }
  return out.filter((s) => s.di !== 0 || s.dj !== 0);
}

export const STENCIL: readonly Step[] = stencil();

/** Longest a 16-neighbour path is, relative to the straight line, in open ground. */
export const STENCIL_STRETCH = 1.0275;

function canStep(grid: Grid, blocked: Uint8Array | null, i: number, j: number, s: Step): number {
  const ti = i + s.di;
  const tj = j + s.dj;
  if (ti < 0 || tj < 0 || ti >= grid.w || tj >= grid.h) return -1;
  const t = tj * grid.w + ti;
  if (blocked) {
    if (blocked[t]) return -1;
    for (const [vi, vj] of s.via) if (blocked[(j + vj) * grid.w + i + vi]) return -1;
  }
  return t;
}

/**
 * Walking distance (metres) from every cell to the nearest source, up to `cutoffM`
 * (cells beyond stay FAR_M). Sources start at their exact distance to their sample. Where
 * the grid path is within the stencil's stretch (plus half a cell diagonal, for the
 * offsets of cell centres) of the straight-line distance `euclid`, the walk counts as
 * unobstructed and the straight line is used: so with no rivers at all, walking distance
 * equals straight-line distance exactly. Elsewhere it can run long by up to 2.75 %.
 */
export function walkField(grid: Grid, blocked: Uint8Array | null, src: Sources, euclid: Float32Array, cutoffM: number): Float32Array {
  const { w, h, cell } = grid;
  const n = w * h;
  const dist = new Float32Array(n).fill(FAR_M);
  const heap = new CellHeap(4096);
  for (let c = 0; c < n; c++) {
    if (!src.mask[c]) continue;
    const d = Math.fround(Math.hypot(src.sx[c]! - ((c % w) + 0.5), src.sy[c]! - (Math.floor(c / w) + 0.5)) * cell);
    dist[c] = d;
    heap.push(d, c);
  }
  while (heap.size > 0) {
    const key = heap.peekKey();
    const u = heap.pop();
    if (key > dist[u]!) continue;
    if (key > cutoffM) break;
    const i = u % w;
    const j = (u - i) / w;
    for (const s of STENCIL) {
      const t = canStep(grid, blocked, i, j, s);
      if (t < 0) continue;
      // Rounded to float32 as stored, so the staleness test below compares like with like.
      const nd = Math.fround(key + s.cost * cell);
      if (nd < dist[t]!) {
        dist[t] = nd;
        heap.push(nd, t);
      }
    }
  }
  // Grid distances run centre to centre, plus the seed's offset to its sample (≤ ½√2 cell).
  const slack = (Math.SQRT2 / 2) * cell;
  for (let c = 0; c < n; c++) {
    const e = euclid[c]!;
    if (dist[c]! <= e * STENCIL_STRETCH + slack) dist[c] = e;
  }
  return dist;
}

export interface WalkHit {
  /** Source cell reached. */
  cell: number;
  /** Grid distance to that cell's centre plus the last stretch to its sample (metres). */
  distance: number;
  /** Cells from the start to the source, in order. */
  path: number[];
}

/**
 * Walks out from one point (grid units) until it reaches, for each source set, a source
 * cell; or until `maxM`. Returns one hit (or null) per source set.
 */
export function walkFrom(grid: Grid, blocked: Uint8Array | null, gx: number, gy: number, sets: readonly Sources[], maxM: number): (WalkHit | null)[] {
  const { w, h, cell } = grid;
  const i0 = Math.floor(gx);
  const j0 = Math.floor(gy);
  const hits: (WalkHit | null)[] = sets.map(() => null);
  if (i0 < 0 || j0 < 0 || i0 >= w || j0 >= h) return hits;
  // Reused per grid: a search touches a small part of it, and only that part is reset.
  let scratch = searchScratch.get(grid);
  if (!scratch) {
    scratch = { dist: new Float32Array(w * h).fill(FAR_M), pred: new Int32Array(w * h).fill(-1) };
    searchScratch.set(grid, scratch);
  }
  const { dist, pred } = scratch;
  const touched: number[] = [];
  const heap = new CellHeap(4096);
  const start = j0 * w + i0;
  dist[start] = Math.fround(Math.hypot(gx - i0 - 0.5, gy - j0 - 0.5) * cell);
  touched.push(start);
  heap.push(dist[start]!, start);
  let left = sets.length;
  while (heap.size > 0 && left > 0) {
    const key = heap.peekKey();
    const u = heap.pop();
    if (key > dist[u]!) continue;
    if (key > maxM) break;
    sets.forEach((src, k) => {
      if (hits[k] || !src.mask[u]) return;
      const path: number[] = [];
      for (let c = u; c >= 0; c = pred[c]!) path.push(c);
      path.reverse();
      const ui = (u % w) + 0.5;
      const uj = Math.floor(u / w) + 0.5;
      hits[k] = { cell: u, distance: key + Math.hypot(src.sx[u]! - ui, src.sy[u]! - uj) * cell, path };
      left--;
    });
    const i = u % w;
    const j = (u - i) / w;
    for (const s of STENCIL) {
      const t = canStep(grid, blocked, i, j, s);
      if (t < 0) continue;
      // Rounded to float32 as stored, so the staleness test below compares like with like.
      const nd = Math.fround(key + s.cost * cell);
      if (nd < dist[t]!) {
        if (dist[t] === FAR_M) touched.push(t);
        dist[t] = nd;
        pred[t] = u;
        heap.push(nd, t);
      }
    }
  }
  for (const c of touched) {
    dist[c] = FAR_M;
    pred[c] = -1;
  }
  return hits;
}

const searchScratch = new WeakMap<Grid, { dist: Float32Array; pred: Int32Array }>();

/** True when the straight segment between two points (grid units) crosses no blocked cell. */
export function clearLine(grid: Grid, blocked: Uint8Array | null, ax: number, ay: number, bx: number, by: number, skip: ReadonlySet<number>): boolean {
  if (!blocked) return true;
  let clear = true;
  forEachSegmentCell(ax, ay, bx, by, grid.w, grid.h, (c) => {
    if (blocked[c] && !skip.has(c)) clear = false;
  });
  return clear;
}

/**
 * Pulls a grid path taut (any-angle): from each anchor, jump to the farthest later point
 * in plain sight (no blocked cell between). Returns the points kept; their length is the
 * walking distance, no longer bound to the grid's 16 directions. The first and last cells
 * may themselves be blocked (a point in the river, a site on the bank).
 */
export function pullTaut(grid: Grid, blocked: Uint8Array | null, pts: readonly [number, number][], endCells: readonly number[]): [number, number][] {
  if (pts.length <= 2) return [...pts];
  if (!blocked) return [pts[0]!, pts[pts.length - 1]!];
  const skip = new Set(endCells);
  const out: [number, number][] = [pts[0]!];
  let i = 0;
  while (i < pts.length - 1) {
    let j = i + 1;
    for (let k = pts.length - 1; k > i + 1; k--) {
      // Try the far end first (often in sight), then walk back.
      if (clearLine(grid, blocked, pts[i]![0], pts[i]![1], pts[k]![0], pts[k]![1], skip)) {
        j = k;
        break;
      }
    }
    out.push(pts[j]!);
    i = j;
  }
  return out;
}
