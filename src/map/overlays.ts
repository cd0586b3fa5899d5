/**
 * The layers drawn over the plan as the user works (styles in `content/overlay-layers.ts`):
 * each function brings one overlay on the map in step with the page's state. None adds a
 * source or layer before there is something to show: each is work for the map's worker and
 * for every tile.
 */

import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { StyleLayer } from '../content/layer-groups';
import {
  CLOSED_LAYERS,
  EDIT_LAYERS,
  NEARBY_LAYERS,
  type OverlayLayer,
  SELECTABLE,
  SUGGEST_LAYERS,
  selectedLayer,
  UPLOAD_CLOSED_LAYERS,
  UPLOAD_LAYERS,
} from '../content/overlay-layers';
import { placeLayer, withinSource } from './style';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The outline being drawn: the line so far (a point's worth with one vertex) and its vertices. */
function draftFeatures(draft: [number, number][] | undefined): FeatureCollection {
  if (!draft?.length) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: draft.length > 1 ? draft : [draft[0]!, draft[0]!] } },
      ...draft.map((c): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })),
    ],
  };
}

/**
 * Proposed sites and the outline being drawn, above the plan and below the Nearby overlay.
 * True when their layers were just added (so the sites can now be dragged).
 */
export function setEdits(map: MapLibreMap, proposals: FeatureCollection | undefined, draftPath: [number, number][] | undefined): boolean {
  const draft = draftFeatures(draftPath);
  const prop = map.getSource('proposals') as GeoJSONSource | undefined;
  if (prop) {
    prop.setData(proposals ?? EMPTY);
    (map.getSource('draft') as GeoJSONSource).setData(draft);
    return false;
  }
  if (!proposals?.features.length && !draft.features.length) return false;
  map.addSource('proposals', { type: 'geojson', data: proposals ?? EMPTY });
  map.addSource('draft', { type: 'geojson', data: draft });
  for (const l of EDIT_LAYERS) placeLayer(map, l as LayerSpecification);
  return true;
}

/** An overlay of its own source: added with its layers the first time there is something to show. */
function setOverlay(map: MapLibreMap, id: OverlayLayer['source'], data: FeatureCollection | undefined, layers: OverlayLayer[]) {
  const src = map.getSource(id) as GeoJSONSource | undefined;
  if (src) return src.setData(data ?? EMPTY);
  if (!data?.features.length) return;
  map.addSource(id, { type: 'geojson', data });
  for (const l of layers) placeLayer(map, l as LayerSpecification);
}

/** Suggested sites with their catchments, above the proposals. */
export const setSuggestions = (map: MapLibreMap, fc: FeatureCollection | undefined) => setOverlay(map, 'suggestions', fc, SUGGEST_LAYERS);

/** The planner's uploaded green spaces the analysis is using, below the proposals. */
export const setUploaded = (map: MapLibreMap, fc: FeatureCollection | undefined) => setOverlay(map, 'uploaded', fc, UPLOAD_LAYERS);

/** The Nearby answer, above everything. */
export function setNearby(map: MapLibreMap, nearby: FeatureCollection | undefined) {
  const src = map.getSource('nearby') as GeoJSONSource | undefined;
  if (src) return src.setData(nearby ?? EMPTY);
  if (!nearby) return;
  map.addSource('nearby', { type: 'geojson', data: nearby });
  for (const l of NEARBY_LAYERS) placeLayer(map, l as LayerSpecification);
}

/**
 * Closed green spaces (ids), greyed and crossed: the shipped ones from `source` (the map source
 * the green spaces are in), the planner's uploaded ones from theirs (nothing is drawn until
 * each is on the map).
 */
export function setClosures(map: MapLibreMap, source: string | undefined, closures: string[]) {
  closedIn(map, CLOSED_LAYERS, source, (f) => withinSource('greenspaces', f)!, closures);
  closedIn(map, UPLOAD_CLOSED_LAYERS, map.getSource('uploaded') ? 'uploaded' : undefined, (f) => f, closures);
}

/** One source's closed-site layers, added the first time a closure is drawn, then refiltered. */
function closedIn(
  map: MapLibreMap,
  of: readonly StyleLayer[],
  source: string | undefined,
  within: (f: ExpressionSpecification) => FilterSpecification,
  closures: string[],
) {
  if (!source || (!closures.length && !map.getLayer(of[0]!.id))) return;
  const closed: ExpressionSpecification = ['in', ['get', 'id'], ['literal', closures]];
  const layers = of.map((l) => ({ ...l, source, filter: within(['all', l.filter as ExpressionSpecification, closed]) }));
  if (!map.getLayer(of[0]!.id)) for (const l of layers) placeLayer(map, l as LayerSpecification);
  for (const l of layers) map.setFilter(l.id, l.filter);
}

/**
 * The selected feature's outline. `sourceOf` names the map source a selectable layer's
 * features are in, once it is on the map; an outline layer is added the first time something
 * of its source is selected.
 */
export function setSelection(
  map: MapLibreMap,
  selected: { source: string; id: string } | undefined,
  sourceOf: (id: (typeof SELECTABLE)[number]) => string | undefined,
) {
  for (const src of SELECTABLE) {
    const id = selected?.source === src ? selected.id : '\u0000';
    const filter = withinSource(src, ['==', ['get', 'id'], id])!;
    const layer = `${src}-selected`;
    if (map.getLayer(layer)) map.setFilter(layer, filter);
    else if (selected?.source === src && sourceOf(src)) placeLayer(map, { ...selectedLayer(src), source: sourceOf(src)!, filter } as LayerSpecification);
  }
}
