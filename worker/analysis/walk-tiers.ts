/**
 * Walk fields for the tiers, sharing one straight-line field. Walking starts from the exact
 * straight-line distance (exact-distance.ts); a tier's sites are its own and every higher
 * tier's, so one field of squared distances, lowered by each group of sites from the park
 * tier down, holds each tier's straight-line field in turn. It covers the district's cells
 * and as far round them as a walk to the district can go (walks longer than that cannot
 * matter to a district cell); each tier's walk is then searched from it (walk.ts).
 */
import { type Block, lowerToSites } from './exact-distance';
import { FAR_M } from './field';
import { type DistrictModel, districtSpans } from './model';
import type { Site } from './sites';
import { walkField, walkReach } from './walk';

export interface WalkTiers {
  /** Lowers the field to `sites`, as far as a walk cut off at `cutoffM` needs. */
  lower(sites: readonly Site[], cutoffM: number): void;
  /**
   * The walk field (metres, FAR_M beyond) cut off at `cutoffM`, from the field as lowered
   * so far; every group lowered must have reached at least that far.
   */
  walk(cutoffM: number): Float32Array;
}

/** A shared field for walks cut off at `maxCutoffM` at most. Needs the model's rivers. */
export function walkTiers(model: DistrictModel, maxCutoffM: number): WalkTiers {
  const { grid } = model;
  const blocked = model.blocked;
  if (!blocked) throw new Error('walkTiers: the model has no rivers (walking is the straight line)');
  // Three cells more: rings and gaps are drawn over the district's window, two cells round it.
  const { block, spans } = districtSpans(model, 1, Math.ceil(walkReach(maxCutoffM, grid.cell) / grid.cell) + 3);
  const bw = block.i1 - block.i0 + 1;
  const best = new Float64Array(bw * (block.j1 - block.j0 + 1)).fill(Infinity);
  return {
    lower: (sites, cutoffM) => lowerToSites(best, block, sites, 1, walkReach(cutoffM, grid.cell) / grid.cell, spans),
    walk: (cutoffM) =>
      walkField(grid, blocked, straightLine(grid.w, grid.h, grid.cell, block, best, walkReach(cutoffM, grid.cell) / grid.cell), cutoffM, block),
  };
}

/** The block's squared distances (grid units) as metres over the whole grid, FAR_M beyond R. */
function straightLine(w: number, h: number, cell: number, block: Block, best: Float64Array, R: number): Float32Array {
  const out = new Float32Array(w * h).fill(FAR_M);
  const R2 = R * R;
  for (let j = block.j0, k = 0; j <= block.j1; j++) {
    for (let i = block.i0, c = j * w + block.i0; i <= block.i1; i++, c++, k++) if (best[k]! <= R2) out[c] = Math.sqrt(best[k]!) * cell;
  }
  return out;
}
