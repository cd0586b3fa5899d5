/**
 * How jb-map builds its style: the one source the shipped layers arrive in, the base style,
 * every layer's place in the stack, and the plan's layers shown, hidden and labelled.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import { BOUNDARY_LAYERS, BOUNDARY_LINE, type GroupId, LAYER_GROUPS, PLAN_LABELS, type SourceId, type StyleLayer } from '../content/layer-groups';
import { BASEMAP } from '../content/map-theme';
import type { Lang } from '../content/messages';
import { CLOSED_LAYERS, EDIT_LAYERS, NEARBY_LAYERS, SELECTABLE, SUGGEST_LAYERS, UPLOAD_CLOSED_LAYERS, UPLOAD_LAYERS } from '../content/overlay-layers';
import { PALETTE } from '../content/palette';

/**
 * The shipped layers arrive as one map source (each feature's `layer` names its layer): a
 * map loads, tiles and draws one source far sooner than a dozen. Style layers pick their
 * own features by `layer`; the analysis results (rings, gaps) keep sources of their own.
 * The page fetches the shipped data itself and hands it over as an object (a URL would have
 * MapLibre's worker fetch it again and post all of it back to the page, which measured slower);
 * the analysis sources are URLs the map fetches itself.
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

/** The map source a plan layer's features are in, once they can be on the map (else undefined). */
export type SourceOf = (id: SourceId) => string | undefined;

/**
 * The plan's style layers (boundary, layer groups, plan labels) whose features can be on the
 * map, bottom first, each shown or hidden and labelled in `lang` as it will be drawn: a layout
 * change after its tiles are cut would make MapLibre cut them all again.
 */
function planLayers(sourceOf: SourceOf, visible: ReadonlySet<GroupId>, lang: Lang): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  const add = (source: SourceId, { above: _, ...spec }: StyleLayer, group?: GroupId) => {
    const src = sourceOf(source);
    if (!src) return;
    const filter = withinSource(source, spec.filter);
    const layout = {
      ...spec.layout,
      ...(group ? { visibility: visible.has(group) ? 'visible' : 'none' } : {}),
      ...(spec.type === 'symbol' && group ? { 'text-field': nameExpr(lang) } : {}),
    };
    out.push({ ...spec, source: src, layout, ...(filter ? { filter } : {}) } as LayerSpecification);
  };
  for (const l of BOUNDARY_LAYERS) add('boundary', l);
  add('boundary', BOUNDARY_LINE);
  for (const group of LAYER_GROUPS) for (const l of group.layers) add(group.source, l, group.id);
  for (const { source, layer, group } of PLAN_LABELS) add(source, layer, group);
  return out.sort((a, b) => Z_ORDER.indexOf(a.id) - Z_ORDER.indexOf(b.id));
}

/**
 * The style the map starts with, whole, as MapLibre alone would be given it: the sources (by
 * URL, or a scenario's data) and every plan layer, each source tiled up to z12 only
 * (overzoomed beyond): ~15 m of generalisation, well inside the data's own accuracy, and far
 * fewer tiles to cut and draw — and one label per polygon, not one per tile it crosses.
 * Built in one piece, it is validated once; layers added one by one are each validated
 * against the whole style.
 */
export function initialStyle(
  data: Record<typeof SHIPPED | 'rings' | 'gaps', GeoJSONSourceSpecification['data']>,
  sourceOf: SourceOf,
  visible: ReadonlySet<GroupId>,
  lang: Lang,
): StyleSpecification {
  // No remote resources: no tiles, glyphs or sprites (MapLibre draws glyphs locally).
  const source = (d: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification => ({ type: 'geojson', data: d, maxzoom: 12 });
  return {
    version: 8,
    sources: { [SHIPPED]: source(data[SHIPPED]), rings: source(data.rings), gaps: source(data.gaps) },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }, ...planLayers(sourceOf, visible, lang)],
  };
}

/** Adds the plan's layers not yet on the map whose features now can be; true if any was added. */
export function addPlanLayers(map: MapLibreMap, sourceOf: SourceOf, visible: ReadonlySet<GroupId>, lang: Lang): boolean {
  let added = false;
  for (const spec of planLayers(sourceOf, visible, lang)) if (placeLayer(map, spec)) added = true;
  return added;
}

/** Takes off the plan's style layers whose shipped layer the data turned out not to have. */
export function removePlanLayers(map: MapLibreMap, missing: (id: SourceId) => boolean) {
  const specs = [...LAYER_GROUPS.flatMap((g) => g.layers.map((l) => ({ source: g.source, l }))), ...PLAN_LABELS.map((p) => ({ source: p.source, l: p.layer }))];
  for (const { source, l } of specs) if (missing(source) && map.getLayer(l.id)) map.removeLayer(l.id);
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
