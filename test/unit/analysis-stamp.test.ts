import fc from 'fast-check';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Block, lowerToSites } from '../../worker/analysis/exact-distance';
import { makeGrid } from '../../worker/analysis/grid';
import { siteDistance } from '../../worker/analysis/nearest';
import { projectSites } from '../../worker/analysis/sites';
import { coverageMask } from '../../worker/analysis/stamp';

// A small grid (10 km × 8 km of 50 m cells, a 500 m margin) and sites drawn on it: every
// sub-cell is checked against the exact distance to the site (nearest.ts's siteDistance).
const grid = makeGrid([106.6, 29.6, 106.7, 29.67], 50, 500);
const lon = fc.double({ min: 106.6, max: 106.7, noNaN: true });
const lat = fc.double({ min: 29.6, max: 29.67, noNaN: true });
const ring = (cx: number, cy: number, size: number, angles: number[], radii: number[]): Position[] => {
  const pts = [...angles]
    .sort((a, b) => a - b)
    .map((a, k) => [cx + Math.cos(a) * size * (0.2 + radii[k % radii.length]!), cy + Math.sin(a) * size * (0.2 + radii[k % radii.length]!)]);
  return [...pts, pts[0]!];
};
// Star-shaped rings of 3–40 vertices (convex or not), some with a hole, some in two parts;
// up to ~8 km across, so that many rows are within reach of only their top or bottom.
const polygon = fc
  .record({
    cx: lon,
    cy: lat,
    size: fc.double({ min: 0.0005, max: 0.04, noNaN: true }),
    angles: fc.array(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), { minLength: 3, maxLength: 40 }),
    radii: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
    hole: fc.boolean(),
    two: fc.boolean(),
  })
  .map(({ cx, cy, size, angles, radii, hole, two }): Feature => {
    const outer = ring(cx, cy, size, angles, radii);
    const inner = ring(cx, cy, size * 0.15, [0, 2, 4], [0.5, 0.5, 0.5]).reverse();
    const first = hole ? [outer, inner] : [outer];
    const second = [ring(cx + size * 2.5, cy - size, size * 0.6, angles.slice(0, 5), radii.slice(5))];
    return {
      type: 'Feature',
      properties: { tier: 'park' },
      geometry: two ? { type: 'MultiPolygon', coordinates: [first, second] } : { type: 'Polygon', coordinates: first },
    };
  });
const point = fc
  .record({ x: lon, y: lat })
  .map(({ x, y }): Feature => ({ type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [x, y] } }));
const sitesArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: polygon }, { weight: 1, arbitrary: point }), { minLength: 1, maxLength: 3 })
  .map((features): FeatureCollection => ({ type: 'FeatureCollection', features }));
const radius = fc.constantFrom(50, 137.5, 500, 1000, 2000);

/** Sub-cells (of 2 × 2 per cell) where the stamped mask and the exact distance disagree. */
function wrongCells(fcSites: FeatureCollection, r: number): { wrong: number; near: number } {
  const ss = 2;
  const fine = { ...grid, cell: grid.cell / ss, w: grid.w * ss, h: grid.h * ss };
  const sites = projectSites(grid, fcSites);
  const mask = coverageMask(fine, sites, r, undefined, ss);
  let wrong = 0;
  let near = 0;
  for (let j = 0; j < fine.h; j += 1) {
    for (let i = 0; i < fine.w; i += 1) {
      const x = (i + 0.5) / ss;
      const y = (j + 0.5) / ss;
      const d = Math.min(...sites.map((s) => siteDistance(s, x, y))) * grid.cell;
      // A convex polygon of many vertices is filled from its buffer's outline, whose
      // arcs stray up to 0.005 sub-cells from the circle: allow that much.
      if (Math.abs(d - r) < 0.2) {
        near++;
        continue;
      }
      if (d <= r !== (mask[j * fine.w + i] === 1)) wrong++;
    }
  }
  return { wrong, near };
}

describe('stamping (stamp.ts): exact at every sub-cell centre', () => {
  it('covers a sub-cell exactly when its centre is within the radius of a site (interior, holes, parts, points)', () => {
    fc.assert(
      fc.property(sitesArb, radius, (fcSites, r) => {
        const { wrong, near } = wrongCells(fcSites, r);
        expect(wrong, `${wrong} sub-cells wrong (${near} within 0.2 m of the radius skipped)`).toBe(0);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a sliver of a few nanometres that turns back on itself at a repeated vertex: stamped whole (found by the property above)', () => {
    const A = [106.6001, 29.6];
    const sliver: Position[] = [A, A, [106.60010000000001, 29.6], ...Array(8).fill(A), [106.60059999656495, 29.6], [106.6006, 29.60000000046525], A];
    const fcSites: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Polygon', coordinates: [sliver] } }],
    };
    expect(wrongCells(fcSites, 50).wrong).toBe(0); // 14 before: the convex path drew half-circles at the spike
    expect(wrongCells(fcSites, 500).wrong).toBe(0);
  });
});

describe('exact distance (exact-distance.ts)', () => {
  it('gives every cell its exact distance to the nearest site, within reach, and leaves others alone', () => {
    fc.assert(
      fc.property(sitesArb, fc.double({ min: 2, max: 60, noNaN: true }), fc.boolean(), (fcSites, R, withSpans) => {
        const sites = projectSites(grid, fcSites);
        const block: Block = { i0: 5, i1: grid.w - 8, j0: 3, j1: grid.h - 4 };
        const bw = block.i1 - block.i0 + 1;
        const rows = block.j1 - block.j0 + 1;
        const spans = withSpans ? Int32Array.from({ length: 2 * rows }, (_, k) => (k % 2 === 0 ? 10 + (k % 7) : grid.w - 20 - (k % 5))) : undefined;
        const best = new Float64Array(bw * rows).fill(Infinity);
        lowerToSites(best, block, sites, 1, R, spans);
        for (let j = block.j0; j <= block.j1; j++) {
          for (let i = block.i0; i <= block.i1; i++) {
            const got = best[(j - block.j0) * bw + i - block.i0]!;
            const inSpan = !spans || (i >= spans[2 * (j - block.j0)]! && i <= spans[2 * (j - block.j0) + 1]!);
            const d = Math.min(...sites.map((s) => siteDistance(s, i + 0.5, j + 0.5)));
            if (!inSpan || d > R + 1e-9) {
              if (inSpan) expect(got === Infinity || Math.sqrt(got) > R - 1e-9).toBe(true);
              else expect(got).toBe(Infinity);
              continue;
            }
            expect(Math.sqrt(got)).toBeCloseTo(d, 9);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
