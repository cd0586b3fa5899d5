/**
 * Click to select: the most specific visible feature under the pointer is reported (small
 * points before the areas they sit in), or `null` when the click hit nothing.
 * One interaction, attached with `enable()` and taken off with `disable()`, as MapLibre's
 * own handlers are.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { bboxOf } from '../../domain/geo';
import { LAYER_GROUPS, type GroupId } from '../content/layer-groups';

export interface FeatureSelectDetail {
  group: GroupId;
  properties: Record<string, unknown>;
  bounds: [number, number, number, number];
}

/** Click priority when features overlap: the most specific thing wins (small points first). */
const CLICK_ORDER: GroupId[] = ['stations', 'landmarks', 'greenspaces', 'sports', 'cores', 'belt', 'zones'];

/** Half the side of the square hit-tested around the pointer (px). */
const TOLERANCE = 4;

export class FeatureSelect {
  private enabled = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly options: {
      /** The groups shown now: hidden ones cannot be clicked. */
      visible: () => ReadonlySet<GroupId>;
      select: (detail: FeatureSelectDetail | null) => void;
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

  /** The feature under `point` (px), by click priority; null if none. */
  hitTest(point: { x: number; y: number }): FeatureSelectDetail | null {
    const map = this.map;
    const box: [[number, number], [number, number]] = [[point.x - TOLERANCE, point.y - TOLERANCE], [point.x + TOLERANCE, point.y + TOLERANCE]];
    const visible = this.options.visible();
    for (const gid of CLICK_ORDER) {
      const group = LAYER_GROUPS.find((g) => g.id === gid)!;
      if (!visible.has(gid)) continue;
      const ids = group.layers.filter((l) => l.type === 'fill' || l.type === 'circle').map((l) => l.id).filter((id) => map.getLayer(id));
      if (!ids.length) continue;
      const [f] = map.queryRenderedFeatures(box, { layers: ids });
      if (f) return { group: gid, properties: { ...f.properties }, bounds: bboxOf(f.geometry) };
    }
    return null;
  }

  private readonly onClick = (e: MapMouseEvent) => this.options.select(this.hitTest(e.point));
}
