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
}

/**
 * Greedy maximum coverage. Each candidate (a cell centre on district land) gains the
 * measured weight (built-up land, or land) of the still-uncovered cells within `radiusM`,
 * a disk of row spans. Row prefix sums make a candidate's gain one subtraction per disk
 * row; after each pick only rows and candidates within reach of it are updated. The gains
 * add up to the rise in the rate to within the coverage sampling (a disk of whole cells
 * here, of sub-cells in the rates).
 */
export function suggestSites(model: DistrictModel, share: Float32Array, radiusM: number, count: number): Suggestion[] {
  const { grid } = model;
  const { w, h } = grid;
  const district = model.areas[0]!;
  const total = model.of === 'builtup' ? district.builtupCells : district.landCells;
  // Measured weight of uncovered cells in the district (district-area weights: the area
  // list holds exactly the district's measured cells).
  const open = new Float64Array(w * h);
  const dw = model.of === 'builtup' ? district.builtup : district.land;
  for (let k = 0; k < district.cells.length; k++) {
    const c = district.cells[k]!;
    open[c] = dw[k]! * (1 - share[k]!);
  }
  const R = (radiusM + 1e-6) / grid.cell;
  const Ri = Math.floor(R);
  const half = new Int32Array(2 * Ri + 1);
  for (let dy = -Ri; dy <= Ri; dy++) half[dy + Ri] = Math.floor(Math.sqrt(Math.max(0, R * R - dy * dy)));
  // prefix[j*(w+1) + i] = sum of open[j*w + 0 .. i-1]
  const pw = w + 1;
  const prefix = new Float64Array(pw * h);
  const rebuildRow = (j: number) => {
    let s = 0;
    const o = j * w;
    const p = j * pw;
    prefix[p] = 0;
    for (let i = 0; i < w; i++) {
      s += open[o + i]!;
      prefix[p + i + 1] = s;
    }
  };
  for (let j = 0; j < h; j++) rebuildRow(j);
  const cands = model.landCells;
  const gain = new Float64Array(cands.length);
  const gainOf = (c: number) => {
    const i = c % w;
    const j = (c - i) / w;
    let g = 0;
    for (let dy = -Ri; dy <= Ri; dy++) {
      const jj = j + dy;
      if (jj < 0 || jj >= h) continue;
      const hw = half[dy + Ri]!;
      const a = Math.max(0, i - hw);
      const b = Math.min(w, i + hw + 1);
      g += prefix[jj * pw + b]! - prefix[jj * pw + a]!;
    }
    return g;
  };
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
    for (let dy = -Ri; dy <= Ri; dy++) {
      const jj = cj + dy;
      if (jj < 0 || jj >= h) continue;
      const hw = half[dy + Ri]!;
      open.fill(0, jj * w + Math.max(0, ci - hw), jj * w + Math.min(w, ci + hw + 1));
      rebuildRow(jj);
    }
    for (let k = 0; k < cands.length; k++) {
      const o = cands[k]!;
      const oi = o % w;
      const oj = (o - oi) / w;
      if (Math.abs(oi - ci) <= 2 * Ri + 1 && Math.abs(oj - cj) <= 2 * Ri + 1) gain[k] = gainOf(o);
    }
    const [lon, lat] = fromGrid(grid, ci + 0.5, cj + 0.5);
    const km2 = (bg * grid.cell * grid.cell) / 1e6;
    out.push({ rank: pick + 1, lon, lat, gain_km2: km2, gain_pp: total > 0 ? (100 * bg) / total : 0 });
  }
  return out;
}
