import type { Sources } from './field';
import { fromGrid, type Grid } from './grid';
import type { GridRing } from './rasterize';
import type { Site } from './sites';
import { pullTaut, walkFrom } from './walk';

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

/**
 * Walking nearest serving site for each tier rank: one Dijkstra from the point that stops
 * once every tier's sources are reached. `sets[r]` are the sources of the sites serving
 * rank r, `siteSets[r]` those sites (owner indices refer to them).
 */
export function nearestByWalk(
  grid: Grid,
  blocked: Uint8Array | null,
  sets: readonly Sources[],
  siteSets: readonly (readonly Site[])[],
  gx: number,
  gy: number,
  maxM: number,
): (NearestHit | null)[] {
  const hits = walkFrom(grid, blocked, gx, gy, sets, maxM);
  return hits.map((hit, r) => {
    if (!hit) return null;
    const src = sets[r]!;
    const site = siteSets[r]![src.owner[hit.cell]!]!;
    const sx = src.sx[hit.cell]!;
    const sy = src.sy[hit.cell]!;
    // The grid path, pulled taut: exact where the way is clear, and no longer bound to
    // the stencil's directions where it bends round a river.
    const raw: [number, number][] = [[gx, gy]];
    for (const c of hit.path.slice(1, -1)) raw.push([(c % grid.w) + 0.5, Math.floor(c / grid.w) + 0.5]);
    raw.push([sx, sy]);
    const taut = pullTaut(grid, blocked, raw, [hit.path[0]!, hit.cell]);
    let len = 0;
    for (let k = 1; k < taut.length; k++) len += Math.hypot(taut[k]![0] - taut[k - 1]![0], taut[k]![1] - taut[k - 1]![1]);
    const distance_m = len * grid.cell;
    const path = taut.map(([x, y]) => {
      const [lon, lat] = fromGrid(grid, x, y);
      return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] as [number, number];
    });
    return { site, distance_m, path };
  });
}
