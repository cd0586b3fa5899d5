/**
 * Dragging a proposed point site: the site follows the pointer (mouse or touch) without
 * panning the map, and the move is reported once, on release. Attached with `enable()` once
 * the `proposals-point` layer is on the map, taken off with `disable()`.
 */

import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent, MapLayerTouchEvent, Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';

const LAYER = 'proposals-point';
const SOURCE = 'proposals';

export class ProposalDrag {
  private enabled = false;
  /** The id of the site being dragged. */
  private dragging: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly options: {
      /** The proposed sites as the page has them. */
      proposals: () => FeatureCollection | undefined;
      /** No drag now (e.g. while a Nearby spot is being picked). */
      locked: () => boolean;
      /** The canvas cursor when nothing is dragged or hovered. */
      idleCursor: () => string;
      moved: (id: string, lngLat: [number, number]) => void;
    },
  ) {}

  enable() {
    if (this.enabled) return;
    const map = this.map;
    map.on('mousedown', LAYER, this.start);
    map.on('touchstart', LAYER, this.start);
    map.on('mouseenter', LAYER, this.hover);
    map.on('mouseleave', LAYER, this.leave);
    this.enabled = true;
  }

  disable() {
    if (!this.enabled) return;
    const map = this.map;
    map.off('mousedown', LAYER, this.start);
    map.off('touchstart', LAYER, this.start);
    map.off('mouseenter', LAYER, this.hover);
    map.off('mouseleave', LAYER, this.leave);
    this.enabled = false;
  }

  private readonly hover = () => (this.map.getCanvas().style.cursor = 'grab');
  private readonly leave = () => (this.map.getCanvas().style.cursor = this.options.idleCursor());

  private moveTo(lngLat: [number, number]) {
    const src = this.map.getSource(SOURCE) as GeoJSONSource | undefined;
    const proposals = this.options.proposals();
    if (!src || !proposals) return;
    src.setData({
      ...proposals,
      features: proposals.features.map((f) =>
        f.properties?.id === this.dragging && f.geometry.type === 'Point' ? { ...f, geometry: { type: 'Point', coordinates: lngLat } } : f,
      ),
    });
  }

  private readonly start = (e: MapLayerMouseEvent | MapLayerTouchEvent) => {
    if (this.options.locked()) return;
    const id = e.features?.[0]?.properties?.id;
    if (typeof id !== 'string') return;
    const map = this.map;
    e.preventDefault(); // no map pan while dragging a site
    this.dragging = id;
    map.getCanvas().style.cursor = 'grabbing';
    const move = (ev: MapMouseEvent | MapTouchEvent) => this.moveTo([ev.lngLat.lng, ev.lngLat.lat]);
    const end = (ev: MapMouseEvent | MapTouchEvent) => {
      map.off('mousemove', move);
      map.off('touchmove', move);
      map.getCanvas().style.cursor = this.options.idleCursor();
      const dragged = this.dragging;
      this.dragging = null;
      if (dragged) this.options.moved(dragged, [ev.lngLat.lng, ev.lngLat.lat]);
    };
    map.on('mousemove', move);
    map.on('touchmove', move);
    map.once(e.type === 'touchstart' ? 'touchend' : 'mouseup', end);
  };
}
