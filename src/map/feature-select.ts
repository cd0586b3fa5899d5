/**
 * Click to select: the most specific visible feature under the pointer is reported (small
 * points before the areas they sit in), or `null` when the click hit nothing.
 * One interaction, attached with `enable()` and taken off with `disable()`, as MapLibre's
 * own handlers are.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { bboxOf } from '../../domain/geo';
import type { GroupId } from '../content/layer-groups';
import { ClickInteraction, hitGroup } from './hit';

export interface FeatureSelectDetail {
  group: GroupId;
  properties: Record<string, unknown>;
  bounds: [number, number, number, number];
}

/** Click priority when features overlap: the most specific thing wins (small points first). */
const CLICK_ORDER: GroupId[] = ['stations', 'landmarks', 'greenspaces', 'sports', 'cores', 'belt', 'zones'];

/** Half the side of the square hit-tested around the pointer (px). */
const TOLERANCE = 4;

export class FeatureSelect extends ClickInteraction {
  constructor(
    map: MapLibreMap,
    private readonly options: {
      /** The groups shown now: hidden ones cannot be clicked. */
      visible: () => ReadonlySet<GroupId>;
      select: (detail: FeatureSelectDetail | null) => void;
    },
  ) {
    super(map);
  }

  /** The feature under `point` (px), by click priority; null if none. */
  hitTest(point: { x: number; y: number }): FeatureSelectDetail | null {
    const visible = this.options.visible();
    for (const gid of CLICK_ORDER) {
      const f = visible.has(gid) ? hitGroup(this.map, gid, point, TOLERANCE) : undefined;
      if (f) return { group: gid, properties: { ...f.properties }, bounds: bboxOf(f.geometry) };
    }
    return null;
  }

  protected readonly onClick = (e: MapMouseEvent) => this.options.select(this.hitTest(e.point));
}
