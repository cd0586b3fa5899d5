/**
 * How jb-map builds its style: the one source the shipped layers arrive in, the base style,
 * every layer's place in the stack, and the plan's layers shown, hidden and labelled.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { BOUNDARY_LAYERS, BOUNDARY_LINE, type GroupId, LAYER_GROUPS, PLAN_LABELS, type SourceId, type StyleLayer } from '../content/layer-groups';
import { BASEMAP } from '../content/map-theme';
import type { Lang } from '../content/messages';
import { CLOSED_LAYERS, EDIT_LAYERS, NEARBY_LAYERS, SELECTABLE, SUGGEST_LAYERS, UPLOAD_CLOSED_LAYERS, UPLOAD_LAYERS } from '../content/overlay-layers';
import { PALETTE } from '../content/palette';

/**
 * The shipped layers arrive as one map source (each feature's `layer` names its layer): a
 * map loads, tiles and draws one source far sooner than a dozen. Style layers pick their
 * own features by `layer`; the analysis results (rings, gaps) keep sources of their own.
 * The page fetches that source's data itself (`shipped`) and hands it over as an object.
 */
export const SHIPPED = 'shipped';
export const isAnalysis = (id: SourceId) => id === 'rings' || id === 'gaps';

/** A style layer's filter over its source, with the pick of its shipped layer when bundled. */
export function withinSource(source: SourceId, filter?: FilterSpecification): FilterSpecification | undefined {
  if (isAnalysis(source)) return filter;
  const own: ExpressionSpecification = ['==', ['get', 'layer'], source];
  // Every filter in layer-groups.ts is an expression (none in the legacy filter syntax).
  return filter ? ['all', own, filter as ExpressionSpecification] : own;
}

export function baseStyle(): StyleSpecification {
  // No remote resources: no tiles, glyphs or sprites (MapLibre draws glyphs locally).
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}

/**
 * Every layer's place, bottom first. Layers arrive in any order (the layer list, the analysis
 * and the overlays are fetched in parallel), so each is inserted below the first layer that
 * should sit above it and is already on the map.
 */
const Z_ORDER: string[] = [
  'background',
  'basemap',
  ...LAYER_GROUPS.filter((g) => g.id === 'neighbours').flatMap((g) => g.layers.map((l) => l.id)),
  ...BOUNDARY_LAYERS.map((l) => l.id),
  ...LAYER_GROUPS.filter((g) => g.id !== 'neighbours').flatMap((g) => [
    ...g.layers.filter((l) => !l.above).map((l) => l.id),
    ...(g.id === 'greenspaces' ? CLOSED_LAYERS.map((l) => l.id) : []),
    ...LAYER_GROUPS.flatMap((o) => o.layers.filter((l) => l.above === g.id).map((l) => l.id)),
  ]),
  BOUNDARY_LINE.id,
  ...PLAN_LABELS.map((p) => p.layer.id),
  ...SELECTABLE.map((s) => `${s}-selected`),
  ...[...UPLOAD_LAYERS, ...UPLOAD_CLOSED_LAYERS, ...EDIT_LAYERS, ...SUGGEST_LAYERS, ...NEARBY_LAYERS].map((l) => l.id),
];

/** Adds a style layer at its place in the stack, whatever is on the map already; false if it was there. */
export function placeLayer(map: MapLibreMap, spec: LayerSpecification): boolean {
  if (map.getLayer(spec.id)) return false;
  const i = Z_ORDER.indexOf(spec.id);
  const before = i < 0 ? undefined : Z_ORDER.slice(i + 1).find((id) => map.getLayer(id));
  map.addLayer(spec, before);
  return true;
}

/**
 * Adds the plan's style layers (boundary, layer groups, plan labels) whose features are on the
 * map: `sourceOf` names the map source a layer's features are in, once it is there. True if
 * any layer was added (it then needs the language, visibility and selection applied).
 */
export function addPlanLayers(map: MapLibreMap, sourceOf: (id: SourceId) => string | undefined): boolean {
  let added = false;
  const add = (source: SourceId, { above: _, ...spec }: StyleLayer) => {
    const src = sourceOf(source);
    if (!src) return;
    const filter = withinSource(source, spec.filter);
    if (placeLayer(map, { ...spec, source: src, ...(filter ? { filter } : {}) } as LayerSpecification)) added = true;
  };
  for (const l of BOUNDARY_LAYERS) add('boundary', l);
  add('boundary', BOUNDARY_LINE);
  for (const group of LAYER_GROUPS) for (const l of group.layers) add(group.source, l);
  for (const { source, layer } of PLAN_LABELS) add(source, layer);
  return added;
}

/** Shows the layers (and plan labels) of the `visible` groups, hides the rest. */
export function showGroups(map: MapLibreMap, visible: ReadonlySet<GroupId>) {
  const set = (id: string, on: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  for (const g of LAYER_GROUPS) for (const l of g.layers) set(l.id, visible.has(g.id));
  for (const { group, layer } of PLAN_LABELS) set(layer.id, visible.has(group));
}

const nameExpr = (lang: Lang): ExpressionSpecification => ['coalesce', ['get', `name_${lang}`], ['get', 'name_zh'], ''];

/** Every label in `lang` (the Chinese name where a feature has none in it). */
export function labelLanguage(map: MapLibreMap, lang: Lang) {
  const texts = [...LAYER_GROUPS.flatMap((g) => g.layers), ...PLAN_LABELS.map((p) => p.layer)];
  for (const l of texts) {
    if (l.type === 'symbol' && map.getLayer(l.id)) map.setLayoutProperty(l.id, 'text-field', nameExpr(lang));
  }
}

/** The online basemap on or off (added the first time it is turned on); the district's fill thins over it. */
export function showBasemap(map: MapLibreMap, on: boolean) {
  if (on && !map.getSource('basemap')) {
    map.addSource('basemap', { type: 'raster', tiles: [BASEMAP.tiles], tileSize: 256, attribution: BASEMAP.attribution, maxzoom: 19 });
    placeLayer(map, { id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': BASEMAP.opacity } });
  }
  if (map.getLayer('basemap')) map.setLayoutProperty('basemap', 'visibility', on ? 'visible' : 'none');
  if (map.getLayer('boundary-fill')) map.setPaintProperty('boundary-fill', 'fill-opacity', on ? BASEMAP.districtFill.online : BASEMAP.districtFill.offline);
}
