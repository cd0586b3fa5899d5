import { sampleSite } from './field';
import type { Grid } from './grid';
import type { Site } from './sites';

/**
 * Every site's own source cells, each with the site's sample there nearest the cell's centre
 * (field.ts's samples). Unlike `Sources`, which keeps one site per cell, a cell that several
 * sites reach keeps each of theirs: a point site inside a park's outline, or two outlines
 * crossing one cell, are all found by a walk that reaches the cell. Per cell a chain of
 * entries: `head[cell]` the first (−1 none), `next[e]` the one after; `site[e]` an index into
 * the sites array given.
 */
export interface SiteSamples {
  head: Int32Array;
  next: Int32Array;
  site: Int32Array;
  sx: Float64Array;
  sy: Float64Array;
}

export function siteSamples(grid: Grid, sites: readonly Site[]): SiteSamples {
  const head = new Int32Array(grid.w * grid.h).fill(-1);
  const next: number[] = [];
  const site: number[] = [];
  const sx: number[] = [];
  const sy: number[] = [];
  sites.forEach((s, k) => {
    // This site's entry in each cell it has reached so far.
    const mine = new Map<number, number>();
    sampleSite(grid, s, (c, x, y) => {
      const i = (c % grid.w) + 0.5;
      const j = Math.floor(c / grid.w) + 0.5;
      const e = mine.get(c);
      if (e === undefined) {
        mine.set(c, site.length);
        next.push(head[c]!);
        head[c] = site.length;
        site.push(k);
        sx.push(x);
        sy.push(y);
      } else if (Math.hypot(x - i, y - j) < Math.hypot(sx[e]! - i, sy[e]! - j)) {
        sx[e] = x;
        sy[e] = y;
      }
    });
  });
  return { head, next: Int32Array.from(next), site: Int32Array.from(site), sx: Float64Array.from(sx), sy: Float64Array.from(sy) };
}
