import type { AreaKind, DistrictModel } from './model';

/**
 * For every district cell (areas[0].cells order), the core, zone and belt segment holding
 * most of its land: an index into `model.areas`, or −1 for none. A cell that a zone line
 * crosses goes to the side with more of its land, so lines are followed to within a cell.
 * Also the district position of every grid cell (−1 off the district). Cached per model.
 */
export interface CellAreas {
  core: Int16Array;
  zone: Int16Array;
  belt: Int16Array;
  /** Dense: grid cell → position in the district's cell list, or −1. */
  districtPos: Int32Array;
}

const cache = new WeakMap<DistrictModel, CellAreas>();

export function cellAreas(model: DistrictModel): CellAreas {
  const had = cache.get(model);
  if (had) return had;
  const n = model.areas[0]!.cells.length;
  const byKind: Record<Exclude<AreaKind, 'district'>, { idx: Int16Array; best: Float32Array }> = {
    core: { idx: new Int16Array(n).fill(-1), best: new Float32Array(n) },
    zone: { idx: new Int16Array(n).fill(-1), best: new Float32Array(n) },
    belt: { idx: new Int16Array(n).fill(-1), best: new Float32Array(n) },
  };
  model.areas.forEach((a, ai) => {
    if (a.kind === 'district') return;
    const { idx, best } = byKind[a.kind];
    for (let k = 0; k < a.cells.length; k++) {
      const p = a.pos[k]!;
      if (p >= 0 && a.land[k]! > best[p]!) {
        best[p] = a.land[k]!;
        idx[p] = ai;
      }
    }
  });
  const districtPos = new Int32Array(model.grid.w * model.grid.h).fill(-1);
  model.areas[0]!.cells.forEach((c, k) => (districtPos[c] = k));
  const out = { core: byKind.core.idx, zone: byKind.zone.idx, belt: byKind.belt.idx, districtPos };
  cache.set(model, out);
  return out;
}
