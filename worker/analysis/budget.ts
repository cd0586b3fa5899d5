/**
 * A guard against analyses that would overrun the Worker's limits. Before anything runs,
 * the work is estimated from the sites (points, polygon edges, convex or not, outline
 * length), the radii, the mode and the kind of answer, in milliseconds of CPU on the
 * development machine (constants fitted there, rounded up: see README "Known limits").
 * Over `BUDGET.maxMs`, the route refuses with a 422 that says what to reduce. Pure.
 *
 * The costs that grow without bound are three:
 * - stamping a polygon that is not convex: on each row of the 25 m sub-grid within reach
 *   of it, the chunks of its outline (and, within the radius of its top or bottom only,
 *   every vertex): at most edges × (2r + 2 × its height) / 25 m;
 * - making a distance field exact near the radius (rings, gaps): each cell in a band 4
 *   cells wide along the contour is measured against every edge of every site within
 *   reach (edges × the band cells round that site);
 * - walking (walk mode): the exact straight-line field it starts from takes, on each 50 m
 *   row within reach of a site, that site's vertices (vertices × (2r + its height) / 50 m),
 *   and the walk's search is bounded by the grid.
 * Everything else is linear in the grid (fixed: 978 × 400 cells) or in the positions.
 */

import { type Mode, type Radii, TIERS, tierRank } from '../../domain/tiers';
import type { Grid } from './grid';
import { type Site, siteBounds } from './sites';
import { isConvex } from './stamp';

export const BUDGET = {
  /**
   * Estimated CPU per request (ms on the development machine). Workers allow 30 s of CPU
   * per request on the paid plan by default (free plan: 10 ms); this keeps the worst
   * accepted request several times under that, whatever the machine.
   */
  maxMs: 5000,
} as const;

/** Fitted costs, ms per unit (development machine, rounded up). */
const COST = {
  /** One sub-grid row of a point's disk. */
  diskRow: 0.00005,
  /** One sub-grid row of one edge of a non-convex polygon (rows within its reach). */
  capsuleRow: 0.00003,
  /** One vertex of a convex polygon (its buffer outline, filled by scanlines). */
  convexVertex: 0.003,
  /** One exact distance from a band cell to one edge (or point) of a site. */
  refine: 0.00006,
  /** One grid pass per tier (feature transform, contour, shares). */
  gridPass: 25,
  /** Walk mode, per tier: the search and the grid passes of the walk field. */
  walk: 60,
  /** Walk mode: one vertex on one 50 m row of the straight-line field it starts from. */
  walkVertexRow: 0.0001,
  /** One walking Dijkstra from a point (`nearest`, walk mode). */
  walkFrom: 350,
  /** Greedy suggestion, per pick. */
  pick: 3,
} as const;

export type Kind = 'coverage' | 'rings' | 'gaps' | 'nearest' | 'suggest';

export interface WorkEstimate {
  ms: number;
  /** The largest contributions, to say what to reduce. */
  parts: { stamp: number; refine: number; grid: number };
  /** Positions in all, and in polygons that are not convex. */
  positions: number;
  concaveEdges: number;
}

interface Shape {
  rank: number;
  points: number;
  convexVertices: number;
  concaveEdges: number;
  /** Outline length in cells (bounding-box perimeter). */
  perimeter: number;
  /** Bounding-box height in cells. */
  height: number;
}

function shapeOf(s: Site): Shape {
  let convexVertices = 0;
  let concaveEdges = 0;
  for (const poly of s.polygons) {
    const edges = poly.reduce((n, ring) => n + Math.max(0, ring.length - 1), 0);
    if (isConvex(poly)) convexVertices += edges;
    else concaveEdges += edges;
  }
  const box = siteBounds(s);
  const perimeter = box ? 2 * (box[2] - box[0] + (box[3] - box[1])) : 0;
  return { rank: s.rank, points: s.points.length, convexVertices, concaveEdges, perimeter, height: box ? box[3] - box[1] : 0 };
}

/**
 * Estimated CPU for one analysis. `tiers` is which tiers it computes (all three for
 * coverage and rings, one for gaps and suggest); `picks` the suggestions asked for.
 */
export function estimateWork(grid: Grid, sites: readonly Site[], radii: Radii, mode: Mode, kind: Kind, tier?: (typeof TIERS)[number], picks = 0): WorkEstimate {
  const shapes = sites.map(shapeOf);
  const tiers = kind === 'gaps' || kind === 'suggest' ? [tier ?? 'leisure'] : kind === 'nearest' ? [] : [...TIERS];
  const window = grid.w * grid.h;
  let stamp = 0;
  let refine = 0;
  let gridMs = 0;
  for (const t of tiers) {
    const r = radii[t];
    const rows = (2 * r) / (grid.cell / 2);
    const bandRing = (4 * 2 * Math.PI * r) / grid.cell;
    const rank = tierRank(t);
    gridMs += COST.gridPass;
    if (mode === 'walk' && kind !== 'suggest') {
      gridMs += COST.walk;
      const walkRows = (2 * r) / grid.cell;
      for (const s of shapes)
        if (s.rank >= rank) stamp += (s.points + s.convexVertices + s.concaveEdges) * Math.min(grid.h, walkRows + s.height) * COST.walkVertexRow;
      continue;
    }
    for (const s of shapes) {
      if (s.rank < rank) continue;
      if (kind === 'coverage' || kind === 'suggest') {
        stamp += s.points * rows * COST.diskRow + s.concaveEdges * (rows + 4 * s.height) * COST.capsuleRow + s.convexVertices * COST.convexVertex;
      } else {
        // rings, gaps: band cells round the site, measured against each of its edges.
        const band = Math.min(bandRing + 4 * s.perimeter, window);
        refine += (s.points + s.convexVertices + s.concaveEdges) * band * COST.refine;
      }
    }
  }
  if (kind === 'nearest' && mode === 'walk') gridMs += COST.walkFrom;
  if (kind === 'suggest') gridMs += picks * COST.pick;
  const positions = shapes.reduce((n, s) => n + s.points + s.convexVertices + s.concaveEdges, 0);
  const concaveEdges = shapes.reduce((n, s) => n + s.concaveEdges, 0);
  return { ms: stamp + refine + gridMs, parts: { stamp, refine, grid: gridMs }, positions, concaveEdges };
}

/** What to tell the client when an estimate is over the budget. */
export function overBudgetMessage(e: WorkEstimate, kind: Kind): string {
  const advice: string[] = [];
  if (e.parts.stamp + e.parts.refine > e.parts.grid) {
    if (e.concaveEdges > 1000) advice.push(`simplify the polygon outlines (${e.concaveEdges} edges in non-convex polygons)`);
    else advice.push(`send fewer sites or positions (${e.positions} positions)`);
    advice.push('use smaller radii');
  } else advice.push('use mode=radius');
  if (kind === 'rings' || kind === 'gaps') advice.push('or ask /api/coverage for the rates only');
  return `This analysis would take about ${(e.ms / 1000).toFixed(1)} s of computing, more than the ${BUDGET.maxMs / 1000} s one request may use: ${advice.join(', ')}.`;
}
