import { TIERS } from '../../domain/tiers';
import { cellAt, fromGrid, type Grid } from './grid';
import type { GridRing } from './rasterize';
import type { SiteSamples } from './site-samples';
import type { Site } from './sites';
import { pullTaut, WALK_START_WITHIN_M, type WalkStart, walkFrom, walkReach, walkStart } from './walk';

/** Distance in grid units from a point to a segment. */
export function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function inRing(px: number, py: number, ring: GridRing): boolean {
  let inside = false;
  for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
    const [xi, yi] = ring[k]!;
    const [xj, yj] = ring[m]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Exact straight-line distance (grid units) from a point to a site's edge; 0 inside it.
 * `outside`: the caller knows the point lies in no polygon (skips the inside test).
 */
export function siteDistance(s: Site, px: number, py: number, outside = false): number {
  let best = Infinity;
  for (const [x, y] of s.points) best = Math.min(best, Math.hypot(px - x, py - y));
  for (const poly of s.polygons) {
    let inside = false;
    for (const ring of poly) {
      if (!outside && inRing(px, py, ring)) inside = !inside;
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k]!;
        const b = ring[k + 1]!;
        best = Math.min(best, segDist(px, py, a[0], a[1], b[0], b[1]));
      }
    }
    if (inside) return 0;
  }
  return best;
}

export interface NearestHit {
  site: Site;
  distance_m: number;
  /** Walk mode: the way there, lon/lat, from the point to the site. */
  path?: [number, number][];
}

/**
 * Straight-line nearest serving site for each tier rank (0 leisure, 1 garden, 2 park):
 * exact distances to every site (a linear scan: 10,000 sites take well under a millisecond
 * per point, so no index is needed).
 */
export function nearestByRadius(grid: Grid, sites: readonly Site[], gx: number, gy: number, keep = 0): { tiers: (NearestHit | null)[]; closest: NearestHit[] } {
  const best: (NearestHit | null)[] = [null, null, null];
  const closest: NearestHit[] = [];
  for (const s of sites) {
    const d = siteDistance(s, gx, gy) * grid.cell;
    for (let r = 0; r <= s.rank; r++) {
      const b = best[r];
      if (!b || d < b.distance_m) best[r] = { site: s, distance_m: d };
    }
    // The `keep` closest of any tier, by insertion into a short sorted list.
    if (keep > 0 && (closest.length < keep || d < closest[closest.length - 1]!.distance_m)) {
      let k = closest.length;
      while (k > 0 && closest[k - 1]!.distance_m > d) k--;
      closest.splice(k, 0, { site: s, distance_m: d });
      if (closest.length > keep) closest.pop();
    }
  }
  return { tiers: best, closest };
}

/** A site the walk search reached: the source cell it was best reached by, and its sample there. */
interface Reached {
  site: Site;
  /** Reached in the point's own cell: straight from the point to the sample (0 m inside the outline), no walk. */
  direct?: boolean;
  cell: number;
  sx: number;
  sy: number;
  /** Grid walk to the cell's centre plus the straight stretch to the sample (metres). */
  d: number;
}

/**
 * Walking nearest from a point: for each tier rank the nearest serving site (rank ≥ it), and
 * the `keep` nearest sites of any tier, closest first. A site in the point's own cell is
 * measured straight, to its sample there, and is 0 m away when its outline holds the point,
 * as in straight-line mode (standing in a park). One Dijkstra from the point
 * (walk.ts) notes every site whose source cells (`samples`, built from `sites`) it settles; it
 * stops once every tier with sites has one and `keep` sites are found, and the walk has gone
 * far enough past the farthest of those that no site not yet reached could be nearer once the
 * ways are pulled taut (the stencil's stretch plus a cell and a half: `walkReach`); or at
 * `maxM`, with what it found (fewer than `keep` when no more lie within `maxM`). Each way
 * found is then pulled taut and measured, and the answers are ranked by those lengths: so
 * the first of `closest` is the leisure tier's nearest, and no tier's nearest is farther than
 * a listed site serving it. A point on the water (a blocked cell) is walked from the nearest
 * open cell within `startWithinM` (walk.ts `walkStart`), the straight distance to it added to
 * every walked answer and its first leg in every walked way; `start` says where the walk began, and is null
 * when no open cell lies that near (then nothing is found).
 */
export function nearestByWalk(
  grid: Grid,
  blocked: Uint8Array | null,
  sites: readonly Site[],
  samples: SiteSamples,
  gx: number,
  gy: number,
  maxM: number,
  keep = 0,
  startWithinM = WALK_START_WITHIN_M,
): { tiers: (NearestHit | null)[]; closest: NearestHit[]; start: WalkStart | null } {
  const { w, cell } = grid;
  const none = { tiers: TIERS.map(() => null), closest: [] };
  const start = walkStart(grid, blocked, gx, gy, startWithinM);
  if (!start) return { ...none, start };
  // Tiers no site serves are not waited for, nor more sites than there are.
  const wanted = TIERS.map((_, r) => sites.some((s) => s.rank >= r));
  if (sites.length === 0) return { ...none, start };
  const need = Math.min(keep, sites.length);
  const found = new Map<Site, Reached>();
  let stopAt = Infinity;
  /** Where the walk may stop, once what is wanted is found: past the farthest of it by the stretch. */
  const stopDistance = (): number => {
    if (found.size < need) return Infinity;
    const ds = [...found.values()].sort((a, b) => a.d - b.d);
    let bound = need > 0 ? ds[need - 1]!.d : 0;
    for (let r = 0; r < wanted.length; r++) {
      if (!wanted[r]) continue;
      const best = ds.find((x) => x.site.rank >= r);
      if (!best) return Infinity;
      bound = Math.max(bound, best.d);
    }
    return walkReach(bound, cell);
  };
  const { head, next, site: owner, sx, sy } = samples;
  // The sites in the point's own cell, straight to their sample there, or 0 m when their
  // outline holds the point (every such site has a sample in the point's cell). Also when the
  // cell is on the water, as a walk from the point's cell would (a riverside park's beach).
  const here = cellAt(grid, gx, gy);
  for (let e = here >= 0 ? head[here]! : -1; e >= 0; e = next[e]!) {
    const site = sites[owner[e]!]!;
    const had = found.get(site);
    if (had?.d === 0) continue;
    if (siteDistance(site, gx, gy) === 0) found.set(site, { site, cell: here, sx: gx, sy: gy, d: 0, direct: true });
    else {
      const d = Math.hypot(sx[e]! - gx, sy[e]! - gy) * cell;
      if (!had || d < had.d) found.set(site, { site, cell: here, sx: sx[e]!, sy: sy[e]!, d, direct: true });
    }
  }
  if (found.size) stopAt = stopDistance();
  const offset = start.offsetM;
  const visit = (u: number, key: number): number => {
    const e0 = head[u]!;
    if (e0 < 0) return stopAt;
    const ui = (u % w) + 0.5;
    const uj = Math.floor(u / w) + 0.5;
    let changed = false;
    for (let e = e0; e >= 0; e = next[e]!) {
      const site = sites[owner[e]!]!;
      const d = offset + key + Math.hypot(sx[e]! - ui, sy[e]! - uj) * cell;
      const had = found.get(site);
      if (had && had.d <= d) continue;
      found.set(site, { site, cell: u, sx: sx[e]!, sy: sy[e]!, d });
      changed = true;
    }
    if (changed) stopAt = stopDistance();
    return stopAt;
  };
  // The walk's own distances start at its start; `visit` adds the way to it, so does `until`.
  const hits = walkFrom(
    grid,
    blocked,
    start.x,
    start.y,
    Math.max(0, maxM - offset),
    (u, d) => visit(u, d) - offset,
    (pathTo) =>
      [...found.values()].map((x) =>
        x.direct
          ? { site: x.site, distance_m: x.d, path: [lonLat(grid, gx, gy), lonLat(grid, x.sx, x.sy)] }
          : wayTo(grid, blocked, gx, gy, start, x, pathTo(x.cell)),
      ),
  );
  hits.sort((a, b) => a.distance_m - b.distance_m || a.site.index - b.site.index);
  const tiers = TIERS.map((_, r) => hits.find((h) => h.site.rank >= r) ?? null);
  return { tiers, closest: hits.slice(0, keep), start };
}

const lonLat = (grid: Grid, px: number, py: number): [number, number] => {
  const [lon, lat] = fromGrid(grid, px, py);
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
};

/**
 * The way to a reached site: the grid path pulled taut (exact where the way is clear, and no
 * longer bound to the stencil's directions where it bends round a river), its length, and
 * its points in lon/lat; from the point (gx, gy), by way of the walk's start when that is
 * elsewhere (a point on the water: its first leg is the straight one to the bank).
 */
function wayTo(grid: Grid, blocked: Uint8Array | null, gx: number, gy: number, start: WalkStart, x: Reached, cells: number[]): NearestHit {
  const raw: [number, number][] = [[start.x, start.y]];
  for (const c of cells.slice(1, -1)) raw.push([(c % grid.w) + 0.5, Math.floor(c / grid.w) + 0.5]);
  raw.push([x.sx, x.sy]);
  const taut = pullTaut(grid, blocked, raw, [cells[0]!, x.cell]);
  let len = 0;
  for (let k = 1; k < taut.length; k++) len += Math.hypot(taut[k]![0] - taut[k - 1]![0], taut[k]![1] - taut[k - 1]![1]);
  if (start.offsetM > 0) taut.unshift([gx, gy]);
  return { site: x.site, distance_m: start.offsetM + len * grid.cell, path: taut.map(([px, py]) => lonLat(grid, px, py)) };
}
