/**
 * Click to pick a place, in every click mode but `select`: a Nearby `spot`, a proposed site to
 * `add`, a vertex of the outline being `draw`n, or (in `close`) the green space to close,
 * found under the pointer. Attached with `enable()`, taken off with `disable()`.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { LAYER_GROUPS } from '../content/layer-groups';
import { UPLOAD_LAYERS } from '../content/overlay-layers';

export type ClickMode = 'select' | 'spot' | 'add' | 'draw' | 'close';

export interface MapPickDetail {
  mode: ClickMode;
  lngLat: [number, number];
  /** With mode `close`: the green space clicked. */
  id?: string;
}

/** Half the side of the square searched for a green space to close (px). */
const TOLERANCE = 6;

export class MapPick {
  private enabled = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly options: {
      /** The click mode now. */
      mode: () => ClickMode;
      pick: (detail: MapPickDetail) => void;
    },
  ) {}

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

  private readonly onClick = (e: MapMouseEvent) => {
    const mode = this.options.mode();
    const lngLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (mode !== 'close') return this.options.pick({ mode, lngLat });
    const { x, y } = e.point;
    // The shipped green spaces, and the planner's uploaded ones (the only ones drawn when they replace the shipped).
    const layers = [...LAYER_GROUPS.find((g) => g.id === 'greenspaces')!.layers, ...UPLOAD_LAYERS]
      .filter((l) => l.type === 'fill' || l.type === 'circle').map((l) => l.id).filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const [f] = this.map.queryRenderedFeatures([[x - TOLERANCE, y - TOLERANCE], [x + TOLERANCE, y + TOLERANCE]], { layers });
    if (f) this.options.pick({ mode, lngLat, id: String(f.properties.id) });
  };
}
