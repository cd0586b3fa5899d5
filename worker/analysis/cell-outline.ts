import type { MultiPolygon, Position } from 'geojson';
import { fromGrid, type Grid } from './grid';

/**
 * The outline of a set of grid cells, exactly along cell edges, as a MultiPolygon in
 * lon/lat (outer rings counter-clockwise, holes clockwise, RFC 7946). Every cell side with
 * no neighbour of the set across it is a boundary edge, directed with the set on its left;
 * the edges are chained into rings (where two cells of the set touch only at a corner, the
 * ring turns left, so rings part there), collinear
 * vertices dropped; rings of positive area are outer rings, the others holes, each hole
 * given to the smallest outer ring that holds it. Cost: linear in the cells' sides.
 */
export function cellOutline(grid: Grid, cells: ArrayLike<number>): MultiPolygon {
  const { w } = grid;
  if (cells.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  let i0 = Infinity,
    i1 = -Infinity,
    j0 = Infinity,
    j1 = -Infinity;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    const i = c % w;
    const j = (c - i) / w;
    if (i < i0) i0 = i;
    if (i > i1) i1 = i;
    if (j < j0) j0 = j;
    if (j > j1) j1 = j;
  }
  // A local bitmap with a border of one empty cell, and vertices numbered on it.
  const bw = i1 - i0 + 3;
  const bh = j1 - j0 + 3;
  const inSet = new Uint8Array(bw * bh);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    const i = c % w;
    inSet[((c - i) / w - j0 + 1) * bw + i - i0 + 1] = 1;
  }
  const vw = bw + 1;
  const out = new Map<number, number[]>();
  const edge = (a: number, b: number) => {
    const l = out.get(a);
    if (l) l.push(b);
    else out.set(a, [b]);
  };
  for (let j = 1; j < bh - 1; j++) {
    for (let i = 1; i < bw - 1; i++) {
      const c = j * bw + i;
      if (!inSet[c]) continue;
      const sw = j * vw + i;
      const se = sw + 1;
      const nw = sw + vw;
      const ne = nw + 1;
      if (!inSet[c - bw]) edge(sw, se);
      if (!inSet[c + 1]) edge(se, ne);
      if (!inSet[c + bw]) edge(ne, nw);
      if (!inSet[c - 1]) edge(nw, sw);
    }
  }
  const rings: [number, number][][] = [];
  for (const [start, ends] of out) {
    while (ends.length) {
      const ring: number[] = [start];
      let prev = start;
      let v = ends.pop()!;
      while (v !== start) {
        ring.push(v);
        const next = out.get(v)!;
        // Where two cells of the set touch only at this corner, turn left: the rings then
        // part there rather than cross or touch themselves.
        let pick = next.length - 1;
        if (next.length > 1) {
          const dx = (v % vw) - (prev % vw);
          const dy = Math.floor(v / vw) - Math.floor(prev / vw);
          let best = -Infinity;
          next.forEach((u, q) => {
            const turn = dx * (Math.floor(u / vw) - Math.floor(v / vw)) - dy * ((u % vw) - (v % vw));
            if (turn > best) {
              best = turn;
              pick = q;
            }
          });
        }
        prev = v;
        v = next.splice(pick, 1)[0]!;
      }
      rings.push(simplifyRing(ring.map((q) => [q % vw, Math.floor(q / vw)] as [number, number])));
    }
  }
  const area = (r: [number, number][]) => {
    let s = 0;
    for (let k = 0; k < r.length; k++) {
      const a = r[k]!;
      const b = r[(k + 1) % r.length]!;
      s += a[0] * b[1] - b[0] * a[1];
    }
    return s / 2;
  };
  const outers = rings.filter((r) => area(r) > 0).map((r) => ({ ring: r, area: area(r), holes: [] as [number, number][][] }));
  outers.sort((a, b) => a.area - b.area);
  for (const r of rings) {
    if (area(r) > 0) continue;
    // The midpoint of a hole's first edge lies on no other ring (shared sides cancel).
    const mx = (r[0]![0] + r[1]![0]) / 2;
    const my = (r[0]![1] + r[1]![1]) / 2;
    (outers.find((o) => inRing(o.ring, mx, my)) ?? outers[outers.length - 1])?.holes.push(r);
  }
  const lonlat = (r: [number, number][]): Position[] => {
    const pts = r.map(([x, y]) => {
      const [lon, lat] = fromGrid(grid, x + i0 - 1, y + j0 - 1);
      return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
    });
    pts.push(pts[0]!);
    return pts;
  };
  return { type: 'MultiPolygon', coordinates: outers.map((o) => [lonlat(o.ring), ...o.holes.map(lonlat)]) };
}

/** Drops vertices in the middle of a straight run. */
function simplifyRing(r: [number, number][]): [number, number][] {
  const n = r.length;
  return r.filter((p, k) => {
    const a = r[(k + n - 1) % n]!;
    const b = r[(k + 1) % n]!;
    return (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]) !== 0;
  });
}

/** Even–odd point in ring. */
function inRing(r: [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, m = r.length - 1; k < r.length; m = k++) {
    const [xi, yi] = r[k]!;
    const [xj, yj] = r[m]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
