import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edtWorkspace, featureTransform } from '../../worker/analysis/edt';
import { distanceField, sourcesOf } from '../../worker/analysis/field';
import { makeGrid } from '../../worker/analysis/grid';
import { siteDistance } from '../../worker/analysis/nearest';
import { refineNearRadius } from '../../worker/analysis/refine';
import { projectSites } from '../../worker/analysis/sites';
import { randomSites } from '../fixtures/analysis/random-sites';

const d2 = (a: number, b: number, w: number) => ((a % w) - (b % w)) ** 2 + (Math.floor(a / w) - Math.floor(b / w)) ** 2;

describe('feature transform (Felzenszwalb–Huttenlocher)', () => {
  it('finds a nearest source cell for every cell, as brute force does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.array(fc.nat(), { minLength: 0, maxLength: 25 }), (w, h, picks) => {
        const src = new Uint8Array(w * h);
        for (const p of picks) src[p % (w * h)] = 1;
        const sources = [...src.keys()].filter((c) => src[c]);
        const nearest = featureTransform(src, edtWorkspace(w, h));
        for (let c = 0; c < w * h; c++) {
          if (sources.length === 0) {
            expect(nearest[c]).toBe(-1);
            continue;
          }
          const best = Math.min(...sources.map((s) => d2(c, s, w)));
          expect(src[nearest[c]!]).toBe(1);
          expect(d2(c, nearest[c]!, w)).toBe(best);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('measures cell centres to the sites’ exact positions: within √2 cells anywhere, exact near the radius after refinement', () => {
    const grid = makeGrid([106.6, 29.6, 106.65, 29.63], 50, 500);
    const sites = projectSites(grid, randomSites(80, 3, { bbox: [106.6, 29.6, 106.65, 29.63], polygonShare: 0.3 }));
    const { dist } = distanceField(grid, sourcesOf(grid, sites));
    const exact = new Float64Array(grid.w * grid.h);
    let worst = 0;
    let sum = 0;
    for (let c = 0; c < grid.w * grid.h; c++) {
      const x = (c % grid.w) + 0.5;
      const y = Math.floor(c / grid.w) + 0.5;
      exact[c] = Math.min(...sites.map((s) => siteDistance(s, x, y))) * grid.cell;
      const e = dist[c]! - exact[c]!;
      // The field never undercuts the truth (it measures to real sample points) …
      expect(e).toBeGreaterThan(-0.01);
      worst = Math.max(worst, e);
      sum += e;
    }
    // … overshoots by at most √2 cells, and on average by a few metres.
    expect(worst).toBeLessThan(Math.SQRT2 * grid.cell);
    expect(sum / exact.length).toBeLessThan(5);
    const r = 500;
    refineNearRadius(grid, dist, sites, r);
    for (let c = 0; c < grid.w * grid.h; c++) {
      if (Math.abs(exact[c]! - r) <= grid.cell) expect(Math.abs(dist[c]! - exact[c]!)).toBeLessThan(0.01);
    }
  });
});
