/**
 * Coverage rates of one fixed set of sites (the shipped ones) for any radius, answered by
 * lookup. Built once per isolate: the distance from every sub-cell of the district to the
 * nearest serving site's edge (radius mode: exact, exact-distance.ts), or from every cell
 * centre on foot (walk mode: walk.ts's field, cut off at INDEX_MAX_M), binned in STEP_M
 * steps up to INDEX_MAX_M, summed per area and tier. A request then reads two numbers per
 * area and tier instead of stamping or walking from every site again, so its cost does not
 * depend on how warm the JIT is.
 *
 * It answers exactly what the per-request path answers (radius: `coverageMask` +
 * `areaRate`, a sub-cell counting when its centre is within the radius of a site's edge,
 * polygon interiors included; walk: the walk field read at cell centres), for every radius
 * that is a multiple of STEP_M up to INDEX_MAX_M; other radii return null and take the
 * per-request path.
 */

import { MAX_RADIUS_M, type Mode, type Radii, TIERS, type Tier, tierRank } from '../../domain/tiers';
import { type Block, lowerToSites } from './exact-distance';
import { type DistrictModel, districtSpans } from './model';
import { rateOf, type TierRate } from './rates';
import type { Site } from './sites';
import { walkTiers } from './walk-tiers';

/** Radius resolution of the index (metres): whole and half metres are answered exactly. */
export const STEP_M = 0.5;
/** Same tolerance as the stamps: a sub-cell exactly at the radius counts as covered. */
const EPS_M = 1e-6;
/**
 * Largest radius the index answers: the plan's largest (the park tier's 2000 m). Build cost
 * grows with it (the outlines' slabs, the walk's search), so larger radii are stamped (or
 * walked) per request.
 */
export const INDEX_MAX_M = Math.min(2000, MAX_RADIUS_M);
const BINS = Math.round(INDEX_MAX_M / STEP_M);

export interface RateIndex {
  /** The sites it was built for (answers for any other array are refused). */
  sites: readonly Site[];
  /** Straight-line or walking distance. */
  mode: Mode;
  /** Per tier (TIERS order), per area (model.areas order): cumulative covered cells by bin. */
  land: Float64Array[][];
  builtup: Float64Array[][];
  build_ms: number;
}

/** Bin of a distance (metres): the smallest radius step that covers it; BINS + 1 beyond. */
function binOf(d: number): number {
  const b = Math.ceil(d / STEP_M - EPS_M / STEP_M);
  return b > BINS ? BINS + 1 : Math.max(b, 0);
}

/**
 * Cumulative covered land and built-up land per area, by radius bin, from the bin of each
 * district sub-cell (`sub` per cell, in the district's cell order).
 */
function sumAreas(model: DistrictModel, bins: Uint16Array, sub: number): { land: Float64Array[]; builtup: Float64Array[] } {
  const land: Float64Array[] = [];
  const builtup: Float64Array[] = [];
  for (const area of model.areas) {
    const cl = new Float64Array(BINS + 1);
    const cb = new Float64Array(BINS + 1);
    for (let k = 0; k < area.pos.length; k++) {
      const p = area.pos[k]! * sub;
      const l = area.land[k]! / sub;
      const b = area.builtup[k]! / sub;
      for (let q = 0; q < sub; q++) {
        const bin = bins[p + q]!;
        if (bin > BINS) continue;
        cl[bin]! += l;
        cb[bin]! += b;
      }
    }
    for (let k = 1; k <= BINS; k++) {
      cl[k]! += cl[k - 1]!;
      cb[k]! += cb[k - 1]!;
    }
    land.push(cl);
    builtup.push(cb);
  }
  return { land, builtup };
}

/**
 * Radius mode: per area, by bin, from one field of squared distances (fine-grid units,
 * over `block`) read at every district sub-cell.
 */
function binAreas(model: DistrictModel, block: Block, best: Float64Array): { land: Float64Array[]; builtup: Float64Array[] } {
  const { fine, ss, fineBase } = model;
  const bw = block.i1 - block.i0 + 1;
  const bins = new Uint16Array(fineBase.length * ss * ss);
  for (let k = 0, o = 0; k < fineBase.length; k++) {
    const i = fineBase[k]! % fine.w;
    const j = (fineBase[k]! - i) / fine.w;
    for (let r = 0, row = (j - block.j0) * bw + i - block.i0; r < ss; r++, row += bw) {
      for (let q = 0; q < ss; q++, o++) bins[o] = binOf(Math.sqrt(best[row + q]!) * fine.cell);
    }
  }
  return sumAreas(model, bins, ss * ss);
}

/**
 * One mode's distance field, lowered site group by site group: `lower` adds a group's
 * sites to the field, `bin` sums the field as it stands into per-area bins.
 */
interface Field {
  lower(group: readonly Site[]): void;
  bin(): { land: Float64Array[]; builtup: Float64Array[] };
}

/** Radius mode: exact squared distances at every district sub-cell (fine grid). */
function radiusField(model: DistrictModel): Field {
  const { block, spans } = districtSpans(model, model.ss, 0);
  const R = INDEX_MAX_M / model.fine.cell + 1;
  const best = new Float64Array((block.i1 - block.i0 + 1) * (block.j1 - block.j0 + 1)).fill(Infinity);
  return { lower: (group) => lowerToSites(best, block, group, model.ss, R, spans), bin: () => binAreas(model, block, best) };
}

/** Walk mode: the walk field (walk-tiers.ts, cut off at INDEX_MAX_M) at district cell centres. */
function walkIndexField(model: DistrictModel): Field {
  const field = walkTiers(model, INDEX_MAX_M);
  const cells = model.areas[0]!.cells;
  return {
    lower: (group) => field.lower(group, INDEX_MAX_M),
    bin: () => {
      const walk = field.walk(INDEX_MAX_M);
      const bins = new Uint16Array(cells.length);
      for (let k = 0; k < cells.length; k++) bins[k] = binOf(walk[cells[k]!]!);
      return sumAreas(model, bins, 1);
    },
  };
}

/**
 * The index of `sites` for one mode, built now; and, when `plus` is `sites` and more
 * leisure-tier sites (the sports grounds), `withPlus()`: the index of `plus`, built on its
 * first call from where the first stopped (it shares the garden and park tiers, and costs
 * one more pass; the field is kept until then). Without rivers, walking is the straight
 * line and walk mode is answered as radius mode is.
 */
export function buildRateIndex(
  model: DistrictModel,
  sites: readonly Site[],
  mode: Mode = 'radius',
  plus?: readonly Site[],
): { index: RateIndex; withPlus: () => RateIndex } {
  const t0 = performance.now();
  const field = mode === 'walk' && model.blocked ? walkIndexField(model) : radiusField(model);
  const land: Float64Array[][] = [];
  const builtup: Float64Array[][] = [];
  // Highest tier first: each tier's field is the next higher tier's plus its own sites.
  for (let rank = TIERS.length - 1; rank >= 0; rank--) {
    field.lower(sites.filter((s) => s.rank === rank));
    ({ land: land[rank]!, builtup: builtup[rank]! } = field.bin());
  }
  const index: RateIndex = { sites, mode, land, builtup, build_ms: performance.now() - t0 };
  const own = new Set(sites);
  const extra = plus ? plus.filter((s) => !own.has(s)) : [];
  let later: RateIndex | undefined = plus && extra.length === 0 && plus.length === sites.length ? { ...index, sites: plus } : undefined;
  let pending: Field | undefined = field;
  const withPlus = () => {
    if (later) return later;
    if (!plus) throw new Error('buildRateIndex: no `plus` sites given');
    const t1 = performance.now();
    if (!pending || extra.some((s) => s.rank !== 0) || plus.length !== sites.length + extra.length) {
      // Not `sites` plus leisure spaces: an index of its own.
      later = buildRateIndex(model, plus, mode).index;
    } else {
      pending.lower(extra);
      const leisure = pending.bin();
      later = { sites: plus, mode, land: [leisure.land, ...land.slice(1)], builtup: [leisure.builtup, ...builtup.slice(1)], build_ms: performance.now() - t1 };
    }
    pending = undefined;
    return later;
  };
  // Without `plus` the field is not needed again: let it go.
  if (!plus) pending = undefined;
  return { index, withPlus };
}

/**
 * Rates of every area for one tier from the index, or null when the radius is not a
 * multiple of STEP_M (the caller stamps instead).
 */
export function indexedRates(model: DistrictModel, index: RateIndex, tier: Tier, radius: number): TierRate[] | null {
  const bin = radius / STEP_M;
  if (!Number.isInteger(bin) || bin < 0 || bin > BINS) return null;
  const rank = tierRank(tier);
  return model.areas.map((area, a) => rateOf(model, area, tier, radius, index.land[rank]![a]![bin]!, index.builtup[rank]![a]![bin]!));
}

/** True when the index answers every radius of `radii`. */
export function indexAnswers(radii: Radii): boolean {
  return TIERS.every((t) => Number.isInteger(radii[t] / STEP_M) && radii[t] <= INDEX_MAX_M);
}
