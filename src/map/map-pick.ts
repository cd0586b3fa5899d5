/**
 * Click to pick a place, in every click mode but `select`: a Nearby `spot`, a proposed site to
 * `add`, a vertex of the outline being `draw`n, or (in `close`) the green space to close,
 * found under the pointer. Attached with `enable()`, taken off with `disable()`.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { LAYER_GROUPS } from '../content/layer-groups';
import { UPLOAD_LAYERS } from '../content/overlay-layers';
import { ClickInteraction, hitLayers } from './hit';

export type ClickMode = 'select' | 'spot' | 'add' | 'draw' | 'close';

export interface MapPickDetail {
  mode: ClickMode;
  lngLat: [number, number];
  /** With mode `close`: the green space clicked. */
  id?: string;
}

/** Half the side of the square searched for a green space to close (px). */
const TOLERANCE = 6;

export class MapPick extends ClickInteraction {
  constructor(
    map: MapLibreMap,
    private readonly options: {
      /** The click mode now. */
      mode: () => ClickMode;
      pick: (detail: MapPickDetail) => void;
    },
  ) {
    super(map);
  }

  protected readonly onClick = (e: MapMouseEvent) => {
    const mode = this.options.mode();
    const lngLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (mode !== 'close') return this.options.pick({ mode, lngLat });
    // The shipped green spaces, and the planner's uploaded ones (the only ones drawn when they replace the shipped).
    const f = hitLayers(this.map, [...LAYER_GROUPS.find((g) => g.id === 'greenspaces')!.layers, ...UPLOAD_LAYERS], e.point, TOLERANCE);
    if (f) this.options.pick({ mode, lngLat, id: String(f.properties.id) });
  };
}
