/**
 * Coverage rates of one fixed set of sites (the shipped ones) for any radius, answered by
 * lookup. Built once per isolate: the exact distance from every sub-cell of the district
 * to the nearest serving site's edge, binned in STEP_M steps up to MAX_RADIUS_M, summed
 * per area and tier. A request then reads two numbers per area and tier instead of
 * stamping every site again, so its cost does not depend on how warm the JIT is.
 *
 * It answers exactly what `coverageMask` + `areaRate` answer (a sub-cell counts when its
 * centre is within the radius of a site's edge, polygon interiors included), for every
 * radius that is a multiple of STEP_M up to INDEX_MAX_M; other radii return null and take
 * the stamping path.
 */
import { type GridPolygon, forEachInteriorRun } from './rasterize';
import type { DistrictModel } from './model';
import { type TierRate, rateOf } from './rates';
import type { Site } from './sites';
import { MAX_RADIUS_M, type Radii, TIERS, type Tier, tierRank } from './tiers';

/** Radius resolution of the index (metres): whole and half metres are answered exactly. */
export const STEP_M = 0.5;
/** Same tolerance as the stamps: a sub-cell exactly at the radius counts as covered. */
const EPS_M = 1e-6;
/**
 * Largest radius the index answers: the plan's largest (the park tier's 2000 m). Build cost
 * grows with its square (~2× for MAX_RADIUS_M), so larger radii are stamped per request.
 */
export const INDEX_MAX_M = Math.min(2000, MAX_RADIUS_M);
const BINS = Math.round(INDEX_MAX_M / STEP_M);

/** Inclusive block of fine-grid cells the index needs: those under the district. */
interface Block {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

export interface RateIndex {
  /** The sites it was built for (answers for any other array are refused). */
  sites: readonly Site[];
  /** Per tier (TIERS order), per area (model.areas order): cumulative covered cells by bin. */
  land: Float64Array[][];
  builtup: Float64Array[][];
  build_ms: number;
}

/**
 * Lowers `best` (squared distances, fine-grid units) to each sub-cell's squared distance to
 * one site, for every sub-cell within `R` of it.
 */
function lowerToSite(best: Float64Array, w: number, b: Block, site: Site, ss: number, R: number): void {
  const R2 = R * R;
  for (const [bx, by] of site.points) {
    const px = bx * ss;
    const py = by * ss;
    const j0 = Math.max(b.j0, Math.ceil(py - R - 0.5));
    const j1 = Math.min(b.j1, Math.floor(py + R - 0.5));
    for (let j = j0; j <= j1; j++) {
      const dy = j + 0.5 - py;
      const half = Math.sqrt(Math.max(0, R2 - dy * dy));
      const i0 = Math.max(b.i0, Math.ceil(px - half - 0.5));
      const i1 = Math.min(b.i1, Math.floor(px + half - 0.5));
      for (let i = i0, c = j * w + i0; i <= i1; i++, c++) {
        const dx = i + 0.5 - px;
        const d2 = dx * dx + dy * dy;
        if (d2 < best[c]!) best[c] = d2;
      }
    }
  }
  for (const base of site.polygons) {
    const poly: GridPolygon = base.map((ring) => ring.map(([x, y]) => [x * ss, y * ss] as [number, number]));
    forEachInteriorRun([poly], w, b.j1 + 1, (j, i0, i1) => best.fill(0, j * w + i0, j * w + i1));
    // Edges as flat arrays (start, direction, 1 / length²) for the tight loop below.
    const n = poly.reduce((m, ring) => m + ring.length - 1, 0);
    const e = new Float64Array(5 * n);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let k = 0;
    for (const ring of poly) {
      for (let v = 0; v + 1 < ring.length; v++, k += 5) {
        const [ax, ay] = ring[v]!;
        const [bx, by] = ring[v + 1]!;
        const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
        e.set([ax, ay, bx - ax, by - ay, l2 > 0 ? 1 / l2 : 0], k);
        x0 = Math.min(x0, ax);
        y0 = Math.min(y0, ay);
        x1 = Math.max(x1, ax);
        y1 = Math.max(y1, ay);
      }
    }
    // Every cell within R of the bounding box: its distance to the nearest edge, unless
    // the box alone is already farther than what the cell has (then no edge can be nearer).
    const j0 = Math.max(b.j0, Math.ceil(y0 - R - 0.5));
    const j1 = Math.min(b.j1, Math.floor(y1 + R - 0.5));
    const i0 = Math.max(b.i0, Math.ceil(x0 - R - 0.5));
    const i1 = Math.min(b.i1, Math.floor(x1 + R - 0.5));
    for (let j = j0; j <= j1; j++) {
      const y = j + 0.5;
      const by = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
      for (let i = i0, c = j * w + i0; i <= i1; i++, c++) {
        const have = best[c]!;
        const x = i + 0.5;
        const bx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
        if (bx * bx + by * by >= have || bx * bx + by * by > R2) continue;
        let d2 = have;
        for (let q = 0; q < e.length; q += 5) {
          const px = x - e[q]!;
          const py = y - e[q + 1]!;
          const dx = e[q + 2]!;
          const dy = e[q + 3]!;
          let t = (px * dx + py * dy) * e[q + 4]!;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = px - t * dx;
          const ey = py - t * dy;
          const dd = ex * ex + ey * ey;
          if (dd < d2) d2 = dd;
        }
        best[c] = d2;
      }
    }
  }
}

/** Builds the index for `sites` over the model's district (~0.1–0.2 s for the shipped data). */
export function buildRateIndex(model: DistrictModel, sites: readonly Site[]): RateIndex {
  const t0 = performance.now();
  const { fine, ss, fineBase } = model;
  const { w, h } = fine;
  const R = INDEX_MAX_M / fine.cell + 1;
  const best = new Float64Array(w * h).fill(Infinity);
  const sub = ss * ss;
  const block: Block = { i0: w, i1: 0, j0: h, j1: 0 };
  for (const c of fineBase) {
    const i = c % w;
    const j = (c - i) / w;
    block.i0 = Math.min(block.i0, i);
    block.i1 = Math.max(block.i1, i + ss - 1);
    block.j0 = Math.min(block.j0, j);
    block.j1 = Math.max(block.j1, j + ss - 1);
  }
  const land: Float64Array[][] = [];
  const builtup: Float64Array[][] = [];
  // Highest tier first: each tier's field is the next higher tier's plus its own sites.
  for (let rank = TIERS.length - 1; rank >= 0; rank--) {
    for (const s of sites) if (s.rank === rank) lowerToSite(best, w, block, s, ss, R);
    // Bin of every district sub-cell: the smallest radius step that covers it.
    const bins = new Uint16Array(fineBase.length * sub);
    const toM = fine.cell / STEP_M;
    const eps = EPS_M / STEP_M;
    for (let k = 0, o = 0; k < fineBase.length; k++) {
      for (let r = 0, row = fineBase[k]!; r < ss; r++, row += w) {
        for (let q = 0; q < ss; q++, o++) {
          const b = Math.ceil(Math.sqrt(best[row + q]!) * toM - eps);
          bins[o] = b > BINS ? BINS + 1 : b < 0 ? 0 : b;
        }
      }
    }
    const perL: Float64Array[] = [];
    const perB: Float64Array[] = [];
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
      perL.push(cl);
      perB.push(cb);
    }
    land[rank] = perL;
    builtup[rank] = perB;
  }
  return { sites, land, builtup, build_ms: performance.now() - t0 };
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
