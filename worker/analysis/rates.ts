import type { TierRate } from '../../domain/api';
import type { Tier } from '../../domain/tiers';
import { cellKm2 } from './grid';
import type { AreaMask, DistrictModel } from './model';

export type { TierRate };

/** An area's people per listed cell (population.ts `areaPeople`) and their sum. */
export interface AreaPeople {
  perCell: Float64Array;
  total: number;
}

const round = (x: number, d: number) => {
  const k = 10 ** d;
  return Math.round(x * k) / k;
};

/**
 * A tier's coverage: a 0/1 mask over the supersampled grid (`ss` = model.ss) or over the
 * grid itself (`ss` = 1).
 */
export interface Coverage {
  mask: Uint8Array;
  ss: number;
}

/**
 * Covered share (0–1) of every district cell: the covered fraction of its ss × ss
 * sub-cells. One pass over the district's cell list.
 */
export function districtShares(model: DistrictModel, cov: Coverage, into?: Float32Array): Float32Array {
  const d = model.areas[0]!;
  const out = into ?? new Float32Array(d.cells.length);
  const m = cov.mask;
  if (cov.ss === 1) {
    for (let k = 0; k < d.cells.length; k++) out[k] = m[d.cells[k]!]!;
    return out;
  }
  const ss = cov.ss;
  const W = model.fine.w;
  const inv = 1 / (ss * ss);
  const base = model.fineBase;
  if (ss === 2) {
    // The common case, unrolled: four sub-cells.
    for (let k = 0; k < out.length; k++) {
      const b = base[k]!;
      out[k] = (m[b]! + m[b + 1]! + m[b + W]! + m[b + W + 1]!) * 0.25;
    }
    return out;
  }
  for (let k = 0; k < out.length; k++) {
    let s = 0;
    for (let b = model.fineBase[k]!, r = 0; r < ss; r++, b += W) for (let q = 0; q < ss; q++) s += m[b + q]!;
    out[k] = s * inv;
  }
  return out;
}

/**
 * Rates for one area and one tier: the area's measured cells weighted by their covered
 * share (`share`, per district cell, from `districtShares`).
 */
export function areaRate(model: DistrictModel, area: AreaMask, share: Float32Array, tier: Tier, radius: number, people?: AreaPeople): TierRate {
  const { pos, land, builtup } = area;
  let cl = 0;
  let cb = 0;
  if (people) {
    // The same pass, one more product: people within reach, by covered share.
    const pp = people.perCell;
    let cp = 0;
    for (let k = 0; k < pos.length; k++) {
      const f = share[pos[k]!]!;
      if (f !== 0) {
        cl += land[k]! * f;
        cb += builtup[k]! * f;
        cp += pp[k]! * f;
      }
    }
    return withPeople(rateOf(model, area, tier, radius, cl, cb), cp, people.total);
  }
  for (let k = 0; k < pos.length; k++) {
    const f = share[pos[k]!]!;
    if (f !== 0) {
      cl += land[k]! * f;
      cb += builtup[k]! * f;
    }
  }
  return rateOf(model, area, tier, radius, cl, cb);
}

/** A rate with its people fields: whole people, the share to 0.01 %. */
function withPeople(rate: TierRate, covered: number, total: number): TierRate {
  return { ...rate, people_covered: Math.round(covered), people_total: Math.round(total), people_pct: total > 0 ? round((100 * covered) / total, 2) : 0 };
}

/**
 * A tier's rate for one area from its covered land and built-up land, in cells (the one
 * place the response's fields and their rounding are defined).
 */
export function rateOf(model: DistrictModel, area: AreaMask, tier: Tier, radius: number, cl: number, cb: number): TierRate {
  const km2 = cellKm2(model.grid);
  const ofBuilt = model.of === 'builtup';
  const cov = ofBuilt ? cb : cl;
  const tot = ofBuilt ? area.builtupCells : area.landCells;
  return {
    tier,
    radius_m: radius,
    covered_km2: round(cov * km2, 3),
    total_km2: round(tot * km2, 3),
    coverage_pct: tot > 0 ? round((100 * cov) / tot, 2) : 0,
    land_covered_km2: round(cl * km2, 3),
    land_total_km2: round(area.landCells * km2, 3),
    land_coverage_pct: area.landCells > 0 ? round((100 * cl) / area.landCells, 2) : 0,
  };
}
