/**
 * What lies under the pointer: the first feature of a layer group's fills and circles within
 * a small square around a point (its lines and labels are not hit targets).
 */
import type { MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { type GroupId, LAYER_GROUPS, type StyleLayer } from '../content/layer-groups';

export const hitGroup = (map: MapLibreMap, group: GroupId, point: { x: number; y: number }, tolerance: number) =>
  hitLayers(map, LAYER_GROUPS.find((g) => g.id === group)!.layers, point, tolerance);

/** The first feature of these style layers' fills and circles (those on the map and shown) near a point. */
export function hitLayers(map: MapLibreMap, of: readonly StyleLayer[], point: { x: number; y: number }, tolerance: number): MapGeoJSONFeature | undefined {
  const layers = of
    .filter((l) => (l.type === 'fill' || l.type === 'circle') && map.getLayer(l.id) && map.getLayoutProperty(l.id, 'visibility') !== 'none')
    .map((l) => l.id);
  if (layers.length === 0) return undefined;
  const { x, y } = point;
  return map.queryRenderedFeatures(
    [
      [x - tolerance, y - tolerance],
      [x + tolerance, y + tolerance],
    ],
    { layers },
  )[0];
}

/** A click handler attached with `enable()` and taken off with `disable()`, as MapLibre's own handlers are. */
export abstract class ClickInteraction {
  private enabled = false;
  constructor(protected readonly map: MapLibreMap) {}

  protected abstract readonly onClick: (e: MapMouseEvent) => void;

  enable() {
    if (this.enabled) return;
    this.map.on('click', this.onClick);
    this.enabled = true;
  }

  disable() {
    if (!this.enabled) return;
    this.map.off('click', this.onClick);
    this.enabled = false;
  }
}
