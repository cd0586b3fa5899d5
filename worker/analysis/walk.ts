import { BucketQueue } from './buckets';
import { edtWorkspace, featureTransform } from './edt';
import type { Block } from './exact-distance';
import { FAR_M } from './field';
import type { Grid } from './grid';
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

const STENCIL: readonly Step[] = stencil();

/** Longest a 16-neighbour path is, relative to the straight line, in open ground. */
const STENCIL_STRETCH = 1.0275;

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
 * What walking on a grid needs to know of its blocked cells, once per blocked mask: each
 * cell's allowed steps (bit k: STENCIL[k] may be taken from it) and, per cell, how far the
 * nearest blocked cell is (metres, a lower bound: centre to centre less half a cell
 * diagonal, so nothing blocked lies nearer).
 */
interface WalkGround {
  steps: Uint16Array;
  clear: Float32Array;
  /** Grid offset and cost (metres) of each stencil step. */
  offsets: Int32Array;
  costs: Float64Array;
}

const grounds = new WeakMap<Uint8Array, WalkGround>();

function walkGround(grid: Grid, blocked: Uint8Array): WalkGround {
  const had = grounds.get(blocked);
  if (had) return had;
  const { w, h, cell } = grid;
  const n = w * h;
  const nearest = featureTransform(blocked, edtWorkspace(w, h));
  const clear = new Float32Array(n);
  const half = Math.SQRT2 / 2;
  const steps = new Uint16Array(n).fill(0xffff);
  // Per step: its offset and the offsets of the two cells it passes (none for a unit step).
  const di = Int32Array.from(STENCIL, (s) => s.di);
  const dj = Int32Array.from(STENCIL, (s) => s.dj);
  // (A step with no cell between repeats its target, checked anyway.)
  const via = Int32Array.from(STENCIL.flatMap((s) => [0, 1].map((q) => (s.via[q] ? s.via[q]![1] * w + s.via[q]![0] : s.dj * w + s.di))));
  for (let c = 0, j = 0, i = 0; c < n; c++, i++) {
    if (i === w) {
      i = 0;
      j++;
    }
    const b = nearest[c]!;
    const near = b < 0 ? Infinity : Math.hypot(i - (b % w), j - Math.floor(b / w));
    clear[c] = b < 0 ? FAR_M : Math.max(0, (near - half) * cell);
    // Every step from a cell 3 cells clear of water and 2 of the grid's edge is open.
    if (near > 3 && i >= 2 && j >= 2 && i < w - 2 && j < h - 2) continue;
    let m = 0;
    for (let k = 0; k < 16; k++) {
      const ti = i + di[k]!;
      const tj = j + dj[k]!;
      if (ti < 0 || tj < 0 || ti >= w || tj >= h) continue;
      if (blocked[c + dj[k]! * w + di[k]!] || blocked[c + via[2 * k]!] || blocked[c + via[2 * k + 1]!]) continue;
      m |= 1 << k;
    }
    steps[c] = m;
  }
  const ground: WalkGround = {
    steps,
    clear,
    offsets: Int32Array.from(STENCIL, (s) => s.dj * w + s.di),
    costs: Float64Array.from(STENCIL, (s) => s.cost * cell),
  };
  grounds.set(blocked, ground);
  return ground;
}

/**
 * Walking distance (metres) from every cell to the nearest site, up to `cutoffM` (cells
 * beyond stay FAR_M), given the exact straight-line distance `euclid` (exact-distance.ts).
 * Walking is never shorter than the straight line and equals it where the line is clear:
 * where no blocked cell lies as near as the nearest site, the cell's walk is `euclid`,
 * decided without a search. Only the other cells (near a river, or whose nearest site lies
 * across one) are searched: a multi-source Dijkstra over them alone, on a bucket queue,
 * started from their decided neighbours (a walk that leaves the searched cells ends with a
 * straight stretch from a decided cell) and from those holding a site (their own distance,
 * under half a cell diagonal). Each result is the length of a walk: grid steps, then a
 * straight line. Where it is within the stencil's stretch (plus half a cell diagonal) of the
 * straight-line distance, the walk counts as unobstructed and the straight line is used: so
 * with no rivers at all, walking distance equals straight-line distance exactly. Elsewhere
 * it can run long by up to 2.75 %. With `block`, `euclid` is far (beyond the cutoff)
 * everywhere outside it, and only its cells are looked at.
 */
export function walkField(grid: Grid, blocked: Uint8Array | null, euclid: Float32Array, cutoffM: number, block?: Block): Float32Array {
  const { w, h, cell } = grid;
  const n = w * h;
  const { i0, i1, j0, j1 } = block ?? { i0: 0, i1: w - 1, j0: 0, j1: h - 1 };
  const dist = new Float32Array(n).fill(FAR_M);
  const slack = (Math.SQRT2 / 2) * cell;
  // Every walk up to the cutoff, and its snapping to the straight line, is decided by
  // paths no longer than this.
  const reach = walkReach(cutoffM, cell);
  if (!blocked) {
    for (let c = 0; c < n; c++) if (euclid[c]! <= reach) dist[c] = euclid[c]!;
    return dist;
  }
  const { steps, clear, offsets, costs } = walkGround(grid, blocked);
  // 1: decided (clear line to the nearest site), 2: to search, 3: searched and settled.
  const state = new Uint8Array(n);
  const list: Int32Array = searchLists.get(grid) ?? new Int32Array(n);
  searchLists.set(grid, list);
  let searched = 0;
  for (let j = j0; j <= j1; j++) {
    for (let c = j * w + i0, e = j * w + i1; c <= e; c++) {
      const d = euclid[c]!;
      if (d > reach) continue;
      if (clear[c]! > d) {
        state[c] = 1;
        dist[c] = d;
      } else {
        state[c] = 2;
        list[searched++] = c;
      }
    }
  }
  const queue = new BucketQueue(cell, Math.ceil(reach / cell) + 2, Math.max(1024, 4 * searched));
  for (let q = 0; q < searched; q++) {
    const c = list[q]!;
    let d = euclid[c]! <= slack ? euclid[c]! : FAR_M;
    const m = steps[c]!;
    if (!blocked[c] && m !== 0) {
      // Steps are symmetric between open cells: a decided neighbour u reaches c by the
      // step c takes to u.
      for (let k = 0; k < 16; k++) {
        if (!(m & (1 << k))) continue;
        const u = c + offsets[k]!;
        if (state[u] === 1 && dist[u]! + costs[k]! < d) d = dist[u]! + costs[k]!;
      }
    }
    if (d < FAR_M) {
      dist[c] = Math.fround(d);
      queue.push(dist[c]!, c);
    }
  }
  for (let u = queue.pop(); u >= 0; u = queue.pop()) {
    if (state[u] === 3 || queue.bucketOf(dist[u]!) !== queue.current) continue;
    state[u] = 3;
    const d = dist[u]!;
    const m = steps[u]!;
    for (let k = 0; k < 16; k++) {
      if (!(m & (1 << k))) continue;
      const t = u + offsets[k]!;
      if (state[t] !== 2) continue;
      // Rounded to float32 as stored, so the staleness test compares like with like.
      const nd = Math.fround(d + costs[k]!);
      if (nd < dist[t]!) {
        dist[t] = nd;
        queue.push(nd, t);
      }
    }
  }
  // Searched cells within the stencil's stretch of the straight line: the straight line.
  for (let q = 0; q < searched; q++) {
    const c = list[q]!;
    const e = euclid[c]!;
    if (dist[c]! <= e * STENCIL_STRETCH + slack) dist[c] = e;
  }
  return dist;
}

const searchLists = new WeakMap<Grid, Int32Array>();

/**
 * How far (metres) the straight-line field must reach for a walk field cut off at
 * `cutoffM`: the cutoff stretched by the stencil, plus half a cell diagonal, plus a cell.
 */
export function walkReach(cutoffM: number, cell: number): number {
  return cutoffM * STENCIL_STRETCH + (Math.SQRT2 / 2 + 1) * cell;
}

/**
 * Walks out from one point (grid units) over the stencil, settling cells by their walking
 * distance (metres, to the cell's centre) on a bucket queue of one cell's width (every step
 * is at least that long, so each cell's distance is exact when it is settled; cells are
 * settled in order of distance to within one cell). `visit(cell, d)` is called for each
 * settled cell and answers how far the walk still needs to go: it ends once every cell
 * within the least such answer (and `maxM`) is settled. Then `done(pathTo)` makes the
 * answer, where `pathTo(cell)` gives the cells from the start to a visited cell, in order
 * (valid only inside `done`). A point off the grid settles nothing.
 */
export function walkFrom<T>(
  grid: Grid,
  blocked: Uint8Array | null,
  gx: number,
  gy: number,
  maxM: number,
  visit: (cell: number, d: number) => number,
  done: (pathTo: (cell: number) => number[]) => T,
): T {
  const { w, h, cell } = grid;
  const i0 = Math.floor(gx);
  const j0 = Math.floor(gy);
  // Reused per grid: a search touches a small part of it, and only that part is reset.
  let scratch = searchScratch.get(grid);
  if (!scratch) {
    scratch = { dist: new Float32Array(w * h).fill(FAR_M), pred: new Int32Array(w * h).fill(-1), settled: new Uint8Array(w * h) };
    searchScratch.set(grid, scratch);
  }
  const { dist, pred, settled } = scratch;
  const touched: number[] = [];
  const ground = blocked ? walkGround(grid, blocked) : null;
  const offsets = ground?.offsets ?? Int32Array.from(STENCIL, (s) => s.dj * w + s.di);
  const costs = ground?.costs ?? Float64Array.from(STENCIL, (s) => s.cost * cell);
  if (i0 >= 0 && j0 >= 0 && i0 < w && j0 < h) {
    const queue = new BucketQueue(cell, Math.ceil(maxM / cell) + 2, 4096);
    const start = j0 * w + i0;
    dist[start] = Math.fround(Math.hypot(gx - i0 - 0.5, gy - j0 - 0.5) * cell);
    touched.push(start);
    queue.push(dist[start]!, start);
    let until = maxM;
    for (let u = queue.pop(); u >= 0; u = queue.pop()) {
      // Every cell within `until` lies in a bucket taken already.
      if (queue.current * cell > until) break;
      const d = dist[u]!;
      if (settled[u] || queue.bucketOf(d) !== queue.current) continue;
      settled[u] = 1;
      if (d > until) continue;
      until = Math.min(until, visit(u, d));
      // The steps open from u: known per cell with rivers (walkGround), else those on the grid.
      let m = 0xffff;
      if (ground) m = ground.steps[u]!;
      else {
        const i = u % w;
        const j = (u - i) / w;
        if (i < 2 || j < 2 || i >= w - 2 || j >= h - 2) {
          m = 0;
          for (let k = 0; k < 16; k++) if (canStep(grid, null, i, j, STENCIL[k]!) >= 0) m |= 1 << k;
        }
      }
      for (let k = 0; k < 16; k++) {
        if (!(m & (1 << k))) continue;
        const t = u + offsets[k]!;
        if (settled[t]) continue;
        // Rounded to float32 as stored, so the bucket test above compares like with like.
        const nd = Math.fround(d + costs[k]!);
        if (nd < dist[t]!) {
          if (dist[t] === FAR_M) touched.push(t);
          dist[t] = nd;
          pred[t] = u;
          queue.push(nd, t);
        }
      }
    }
  }
  // A settled cell's predecessor is final: its chain back to the start is its walk.
  const pathTo = (c: number) => {
    const path: number[] = [];
    for (let k = c; k >= 0; k = pred[k]!) path.push(k);
    return path.reverse();
  };
  try {
    return done(pathTo);
  } finally {
    for (const c of touched) {
      dist[c] = FAR_M;
      pred[c] = -1;
      settled[c] = 0;
    }
  }
}

const searchScratch = new WeakMap<Grid, { dist: Float32Array; pred: Int32Array; settled: Uint8Array }>();

/** True when the straight segment between two points (grid units) crosses no blocked cell. */
function clearLine(grid: Grid, blocked: Uint8Array | null, ax: number, ay: number, bx: number, by: number, skip: ReadonlySet<number>): boolean {
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
