/**
 * What the Data tab says about the data's limits, counted from the shipped layers as the page
 * loads them (never typed in): where each layer's features come from, which layers are
 * schematic and how far off the data says they may be placed, how many bridges a walk may
 * cross the rivers on, how far off the least certain green spaces may be, and how the built-up
 * land was made. (Its area and confidence, like the green spaces' counts, are the Coverage
 * tab's figures: state/shipped.ts.)
 */
import type { FeatureCollection } from 'geojson';
import { type SourceKind, sourceKind } from '../content/data-source';

/** A layer of schematic areas: how many, and the range of position errors its features give (m). */
export interface SchematicLayer {
  layer: string;
  count: number;
  errorM?: { min: number; max: number };
}

export interface DataFacts {
  /** Per layer, its features by the kind of source each comes from. */
  kinds: Record<string, Partial<Record<SourceKind, number>>>;
  /** Layers of schematic areas in the order they come, built-up land apart (the Data tab gives it a line of its own). */
  schematic: SchematicLayer[];
  /** Bridges a walk may cross the rivers on (`walkable: true`). */
  walkableBridges: number;
  /** The largest position error given for a green space of the district below high confidence (m); 0 when none is given. */
  uncertainSiteErrorM: number;
  /** Whether the built-up land is inferred rather than surveyed (`approximate: true`), and how it was made, when its feature says. */
  builtup: { approximate: boolean; method?: { zh: string; en: string } };
}

/** The built-up land layer, which is schematic too, but is what every rate is measured over. */
const BUILTUP = 'builtup';

/** `bundle`: every shipped layer in one collection, each feature's `layer` naming its layer (/api/layers/all.geojson). */
export function dataFacts(bundle: FeatureCollection): DataFacts {
  const kinds: DataFacts['kinds'] = {};
  const schematic = new Map<string, SchematicLayer>();
  let walkableBridges = 0;
  let uncertainSiteErrorM = 0;
  const builtup: DataFacts['builtup'] = { approximate: false };
  for (const f of bundle.features) {
    const p = f.properties ?? {};
    const layer = String(p.layer);
    const err = typeof p.position_error_m === 'number' && Number.isFinite(p.position_error_m) ? p.position_error_m : undefined;
    if (typeof p.source === 'string') {
      const k = (kinds[layer] ??= {});
      const kind = sourceKind(p.source);
      k[kind] = (k[kind] ?? 0) + 1;
    }
    if (p.schematic === true && layer !== BUILTUP) {
      let s = schematic.get(layer);
      if (!s) schematic.set(layer, (s = { layer, count: 0 }));
      s.count++;
      if (err !== undefined) s.errorM = { min: Math.min(s.errorM?.min ?? err, err), max: Math.max(s.errorM?.max ?? err, err) };
    }
    if (layer === BUILTUP) {
      builtup.approximate ||= p.approximate === true;
      if (typeof p.method_zh === 'string' && typeof p.method_en === 'string') builtup.method ??= { zh: p.method_zh, en: p.method_en };
    }
    if (layer === 'bridges' && p.walkable === true) walkableBridges++;
    if (layer === 'greenspaces' && p.outside !== true && p.confidence !== 'high' && err !== undefined) uncertainSiteErrorM = Math.max(uncertainSiteErrorM, err);
  }
  return { kinds, schematic: [...schematic.values()], walkableBridges, uncertainSiteErrorM, builtup };
}
