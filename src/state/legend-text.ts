/**
 * The words a legend shows. Names of shipped things come from the geodata only: a layer's
 * title from its manifest entry (geodata/layers.json, served as /api/layers), a zone's name
 * from its feature. Only what the data has no name for (analysis results, sub-kinds such as
 * "rail-only bridge") comes from the message catalogue.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerInfo } from '../api';
import type { LayerGroup, LegendSwatch } from '../content/layer-groups';
import { type Lang, t } from '../content/messages';

type Both = { zh: string; en: string };

/** Layer titles (`layer:<id>`) and feature names (`<layer>:<feature id>`), by language. */
export type LegendNames = ReadonlyMap<string, Both>;

const memo = new WeakMap<LayerInfo[], WeakMap<object, LegendNames>>();
const NONE = {};

export function legendNames(layers: LayerInfo[], bundle?: FeatureCollection): LegendNames {
  let inner = memo.get(layers);
  if (!inner) memo.set(layers, (inner = new WeakMap()));
  const hit = inner.get(bundle ?? NONE);
  if (hit) return hit;
  const names = new Map<string, Both>(layers.map((l) => [`layer:${l.id}`, { zh: l.title_zh, en: l.title_en }]));
  for (const f of bundle?.features ?? []) {
    const p = f.properties;
    if (p?.layer && p.id !== undefined && typeof p.name_zh === 'string') names.set(`${p.layer}:${p.id}`, { zh: p.name_zh, en: String(p.name_en ?? p.name_zh) });
  }
  inner.set(bundle ?? NONE, names);
  return names;
}

/** A group's title: its shipped layer's title, or (analysis groups) its message. */
export function groupTitle(g: LayerGroup, lang: Lang, names: LegendNames): string {
  const layer = names.get(`layer:${g.source}`);
  if (layer) return layer[lang];
  return g.label ? t(lang, g.label) : g.id;
}

/** A swatch's words: the feature it stands for, its own message, or its group's title. */
export function swatchText(s: LegendSwatch, g: LayerGroup, lang: Lang, names: LegendNames): string {
  if (s.feature) return names.get(`${g.source}:${s.feature}`)?.[lang] ?? s.feature;
  return s.label ? t(lang, s.label) : groupTitle(g, lang, names);
}
