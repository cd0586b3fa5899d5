/** The shapes of the map's content: layer groups, their style layers and legend swatches. */
import type { FilterSpecification } from 'maplibre-gl';
import type { MessageKey } from './messages';

export type GroupId =
  | 'neighbours'
  | 'builtup'
  | 'zones'
  | 'belt'
  | 'cores'
  | 'rings-park'
  | 'rings-garden'
  | 'rings-leisure'
  | 'gaps'
  | 'rivers'
  | 'railways'
  | 'bridges'
  | 'sports'
  | 'greenspaces'
  | 'stations'
  | 'landmarks';

export type SourceId =
  | 'boundary'
  | 'neighbours'
  | 'rivers'
  | 'builtup'
  | 'zones'
  | 'belt'
  | 'cores'
  | 'railways'
  | 'bridges'
  | 'sports'
  | 'greenspaces'
  | 'stations'
  | 'landmarks'
  | 'rings'
  | 'gaps';

/** A MapLibre style layer without its source (jb-map adds it). Loosely typed: it is data. */
export interface StyleLayer {
  id: string;
  type: 'fill' | 'line' | 'circle' | 'symbol';
  filter?: FilterSpecification;
  minzoom?: number;
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
  /**
   * Drawn just above this group's layers instead of with its own group (an outline that must
   * show over what covers its group's fill). Not a MapLibre property: taken off before the
   * layer is added.
   */
  above?: GroupId;
}

export interface LegendSwatch {
  /** The style layers it shows, bottom first, drawn as the map draws them (see state/legend-look.ts). */
  layers: string[];
  /** Words for a sub-kind the data does not name; without it, the group's title. */
  label?: MessageKey;
  /** The id of the feature (in the group's source) whose name the swatch shows. */
  feature?: string;
}

export interface LayerGroup {
  id: GroupId;
  source: SourceId;
  /** Title of an analysis group; a shipped layer's title comes from its manifest entry. */
  label?: MessageKey;
  /** Layers that can be clicked for an info card. */
  clickable?: boolean;
  layers: StyleLayer[];
  legend: LegendSwatch[];
}
