/**
 * Every event a `<jb-…>` element sends up, declared once: its name and its `detail`. The map is
 * merged into the DOM's own `GlobalEventHandlersEventMap`, so `addEventListener('map-pick', …)`
 * is typed, and a listener in a template names its event as `JbEvent<'map-pick'>`, never a
 * hand-written `CustomEvent<…>`. `emit()` is the one way to send one (Shoelace's `emit` is the
 * model): it bubbles and crosses shadow roots, and its `detail` is checked against this map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Mode, Place, Tier } from './api';
import type { FeatureSelectDetail, MapPickDetail } from './components/jb-map';
import type { GroupId } from './content/layer-groups';
import type { PlannerAction } from './state/planner';
import type { PopulationLoad } from './state/population';
import type { ShareAction } from './state/share';
import type { PanelId } from './state/view-state';

export interface JbEvents {
  // <jb-map>
  'map-pick': MapPickDetail;
  'proposal-move': { id: string; lngLat: [number, number] };
  'view-change': { center: [number, number]; zoom: number };
  'feature-select': FeatureSelectDetail | null;
  /** The map's style is in and its data handed to MapLibre's worker: the page may build the rest. */
  'map-started': null;
  'map-busy': null;
  'map-ready': { map: MapLibreMap };
  'map-error': { message: string; fatal: boolean };
  /** The online basemap's tiles cannot be loaded (offline, or blocked). */
  'basemap-failed': null;
  // <jb-panel>
  'panel-change': PanelId;
  // <jb-coverage> (and <jb-nearby>: mode-change)
  'mode-change': Mode;
  'sports-change': boolean;
  'tier-change': Tier;
  'gap-select': [number, number, number, number];
  retry: null;
  // <jb-pieces>
  'piece-add': { tier: Tier; lngLat: [number, number]; name: string };
  // <jb-population>
  'population-load': PopulationLoad;
  'population-clear': null;
  // <jb-layers>
  'toggle-group': { id: GroupId; on: boolean };
  'toggle-basemap': boolean;
  // <jb-nearby>
  locate: null;
  search: string;
  'pick-place': Place;
  'result-select': { id: string; tier: Tier };
  share: null;
  /** The citizen is typing a search: the phone's bottom sheet opens up so the hits are above the keyboard. */
  'sheet-expand': null;
  'clear-destination': null;
  // <jb-tour>
  'chapter-change': number;
  'autoplay-change': number;
  resume: null;
  handout: null;
  'tour-exit': null;
  // <jb-workbench>: every planner action, one event
  wb: PlannerAction;
  // <jb-share>: every sharing action, one event
  'scenario-share': ShareAction;
  // <jb-card>, <jb-report>, <jb-handout>
  close: null;
}

/** The event a listener receives for `type`. */
export type JbEvent<K extends keyof JbEvents> = CustomEvent<JbEvents[K]>;

type CustomEvents = { [K in keyof JbEvents]: JbEvent<K> };

declare global {
  // `close` is the DOM's own (a plain Event); ours carries no detail, so it fits that type.
  interface GlobalEventHandlersEventMap extends Omit<CustomEvents, 'close'> {}
}

/** Sends `type` up from `el` (bubbling, composed), with a detail of the declared type. */
export function emit<K extends keyof JbEvents>(el: HTMLElement, type: K, ...[detail]: JbEvents[K] extends null ? [] : [JbEvents[K]]): JbEvent<K> {
  const event = new CustomEvent(type, { detail: (detail ?? null) as JbEvents[K], bubbles: true, composed: true });
  el.dispatchEvent(event);
  return event;
}
