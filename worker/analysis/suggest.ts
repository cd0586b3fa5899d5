import { DiskSum } from './disk-sum';
import { fromGrid } from './grid';
import type { DistrictModel } from './model';

export interface Suggestion {
  rank: number;
  lon: number;
  lat: number;
  /** Still-uncovered measured land this site adds (km²). */
  gain_km2: number;
  /** The same as a share of the tier's rate (percentage points of the district). */
  gain_pp: number;
  /** People newly served, when the picks maximise people (`weight` given). */
  gain_people?: number;
  /** The same as a share of the district's people (percentage points). */
  gain_people_pp?: number;
}

/**
 * What the greedy picks maximise, per district cell (areas[0].cells order): e.g. people.
 * Without one, the measured land (built-up land, or land).
 */
export interface SuggestWeight {
  perCell: ArrayLike<number>;
  total: number;
}

/**
 * Greedy maximum coverage. Each candidate (a cell centre on district land) gains the
 * weight (built-up land, or land, or people with `weight`) of the still-uncovered cells
 * within `radiusM`, a disk of row spans (disk-sum.ts). After each pick only rows and
 * candidates within reach of it are updated. The gains add up to the rise in the rate to
 * within the coverage sampling (a disk of whole cells here, of sub-cells in the rates).
 * With `weight`, each pick also reports the measured land it adds.
 */
export function suggestSites(model: DistrictModel, share: Float32Array, radiusM: number, count: number, weight?: SuggestWeight): Suggestion[] {
  const { grid } = model;
  const { w, h } = grid;
  const district = model.areas[0]!;
  const total = model.of === 'builtup' ? district.builtupCells : district.landCells;
  const dw = model.of === 'builtup' ? district.builtup : district.land;
  // Uncovered weight of the district's cells (the district's list holds exactly its measured cells).
  const open = new Float64Array(w * h);
  const land = weight ? new Float64Array(w * h) : open;
  for (let k = 0; k < district.cells.length; k++) {
    const c = district.cells[k]!;
    land[c] = dw[k]! * (1 - share[k]!);
    if (weight) open[c] = weight.perCell[k]! * (1 - share[k]!);
  }
  const disk = new DiskSum(w, h, radiusM / grid.cell, open);
  const landDisk = weight ? new DiskSum(w, h, radiusM / grid.cell, land) : disk;
  const Ri = disk.R;
  const cands = model.landCells;
  const gain = new Float64Array(cands.length);
  const gainOf = (c: number) => disk.at(c % w, Math.floor(c / w));
  for (let k = 0; k < cands.length; k++) gain[k] = gainOf(cands[k]!);
  const out: Suggestion[] = [];
  for (let pick = 0; pick < count; pick++) {
    let bk = -1;
    let bg = 1e-9;
    for (let k = 0; k < cands.length; k++) {
      if (gain[k]! > bg) {
        bg = gain[k]!;
        bk = k;
      }
    }
    if (bk < 0) break;
    const c = cands[bk]!;
    const ci = c % w;
    const cj = (c - ci) / w;
    const landGain = weight ? landDisk.at(ci, cj) : bg;
    disk.clearDisk(ci, cj);
    if (weight) landDisk.clearDisk(ci, cj);
    for (let k = 0; k < cands.length; k++) {
      const o = cands[k]!;
      const oi = o % w;
      const oj = (o - oi) / w;
      if (Math.abs(oi - ci) <= 2 * Ri + 1 && Math.abs(oj - cj) <= 2 * Ri + 1) gain[k] = gainOf(o);
    }
    const [lon, lat] = fromGrid(grid, ci + 0.5, cj + 0.5);
    const km2 = (landGain * grid.cell * grid.cell) / 1e6;
    const s: Suggestion = { rank: pick + 1, lon, lat, gain_km2: km2, gain_pp: total > 0 ? (100 * landGain) / total : 0 };
    if (weight) {
      s.gain_people = bg;
      s.gain_people_pp = weight.total > 0 ? (100 * bg) / weight.total : 0;
    }
    out.push(s);
  }
  return out;
}
