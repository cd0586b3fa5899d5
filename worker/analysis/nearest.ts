import { TIERS } from '../../domain/tiers';
import { fromGrid, type Grid } from './grid';
import type { GridRing } from './rasterize';
import type { SiteSamples } from './site-samples';
import type { Site } from './sites';
import { pullTaut, walkFrom, walkReach } from './walk';

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
  cell: number;
  sx: number;
  sy: number;
  /** Grid walk to the cell's centre plus the straight stretch to the sample (metres). */
  d: number;
}

/**
 * Walking nearest from a point: for each tier rank the nearest serving site (rank ≥ it), and
 * the `keep` nearest sites of any tier, closest first. One Dijkstra from the point (walk.ts)
 * notes every site whose source cells (`samples`, built from `sites`) it settles; it stops
 * once every tier with sites has one and `keep` sites are found, and the walk has gone far
 * enough past the farthest of those that no site not yet reached could be nearer once the
 * ways are pulled taut (the stencil's stretch plus a cell and a half: `walkReach`); or at
 * `maxM`, with what it found (fewer than `keep` when no more lie within `maxM`). Each way
 * found is then pulled taut and measured, and the answers are ranked by those lengths: so
 * the first of `closest` is the leisure tier's nearest, and no tier's nearest is farther than
 * a listed site serving it.
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
): { tiers: (NearestHit | null)[]; closest: NearestHit[] } {
  const { w, cell } = grid;
  // Tiers no site serves are not waited for, nor more sites than there are.
  const wanted = TIERS.map((_, r) => sites.some((s) => s.rank >= r));
  if (sites.length === 0) return { tiers: TIERS.map(() => null), closest: [] };
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
  const visit = (u: number, key: number): number => {
    const e0 = head[u]!;
    if (e0 < 0) return stopAt;
    const ui = (u % w) + 0.5;
    const uj = Math.floor(u / w) + 0.5;
    let changed = false;
    for (let e = e0; e >= 0; e = next[e]!) {
      const site = sites[owner[e]!]!;
      const d = key + Math.hypot(sx[e]! - ui, sy[e]! - uj) * cell;
      const had = found.get(site);
      if (had && had.d <= d) continue;
      found.set(site, { site, cell: u, sx: sx[e]!, sy: sy[e]!, d });
      changed = true;
    }
    if (changed) stopAt = stopDistance();
    return stopAt;
  };
  const hits = walkFrom(grid, blocked, gx, gy, maxM, visit, (pathTo) => [...found.values()].map((x) => wayTo(grid, blocked, gx, gy, x, pathTo(x.cell))));
  hits.sort((a, b) => a.distance_m - b.distance_m || a.site.index - b.site.index);
  const tiers = TIERS.map((_, r) => hits.find((h) => h.site.rank >= r) ?? null);
  return { tiers, closest: hits.slice(0, keep) };
}

/**
 * The way to a reached site: the grid path pulled taut (exact where the way is clear, and no
 * longer bound to the stencil's directions where it bends round a river), its length, and
 * its points in lon/lat.
 */
function wayTo(grid: Grid, blocked: Uint8Array | null, gx: number, gy: number, x: Reached, cells: number[]): NearestHit {
  const raw: [number, number][] = [[gx, gy]];
  for (const c of cells.slice(1, -1)) raw.push([(c % grid.w) + 0.5, Math.floor(c / grid.w) + 0.5]);
  raw.push([x.sx, x.sy]);
  const taut = pullTaut(grid, blocked, raw, [cells[0]!, x.cell]);
  let len = 0;
  for (let k = 1; k < taut.length; k++) len += Math.hypot(taut[k]![0] - taut[k - 1]![0], taut[k]![1] - taut[k - 1]![1]);
  const path = taut.map(([px, py]) => {
    const [lon, lat] = fromGrid(grid, px, py);
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] as [number, number];
  });
  return { site: x.site, distance_m: len * grid.cell, path };
}
