/**
 * The map's layer groups: what each toggle shows, how it is drawn, and its legend entry.
 * Content, not code — edit colours, order and label zooms here. `source` is a shipped
 * layer id (served at /api/layers/<id>) or an analysis result ('rings', 'gaps').
 * Text fields are written with {name} and filled with name_zh or name_en by language.
 * Titles of shipped layers and names of zones are the geodata's (see src/state/legend-text.ts).
 */
import type { FilterSpecification } from 'maplibre-gl';
import { all, both, inside, named, not, outside, point, polygon, railKind, tunnel, walkable } from './layer-filters';
import type { GroupId, LayerGroup, LegendSwatch, SourceId, StyleLayer } from './layer-types';
import { BASEMAP } from './map-theme';
import { PALETTE as P } from './palette';

export type { GroupId, LayerGroup, LegendSwatch, SourceId, StyleLayer } from './layer-types';

/**
 * Categories get one layer each, with constant paint, rather than one layer coloured by a
 * data expression: a data-driven colour needs its own variant of the shader program, and each
 * variant costs ~40 ms to compile at start-up in software WebGL. With constant paint every
 * fill shares one program, every line another, every circle a third.
 */
function perCategory(
  key: string,
  values: Record<string, string>,
  fallback: string | null,
  make: (suffix: string, color: string, filter: FilterSpecification) => StyleLayer,
): StyleLayer[] {
  const layers = Object.entries(values).map(([value, color]) => make(value, color, ['==', ['get', key], value]));
  if (fallback) layers.push(make('other', fallback, ['!', ['in', ['get', key], ['literal', Object.keys(values)]]]));
  return layers;
}
/** Point sites' circle radius by tier (px). */
const TIER_RADIUS: Record<string, number> = { park: 7, garden: 5.5, leisure: 4.5 };
const ringTier = (tier: string): FilterSpecification => ['==', ['get', 'tier'], tier];

const label = (size: number, color: string = P.label, minzoom = 0): Pick<StyleLayer, 'layout' | 'paint' | 'minzoom'> => ({
  minzoom,
  layout: { 'text-field': '{name}', 'text-size': size, 'text-max-width': 8, 'text-padding': 4 },
  paint: { 'text-color': color, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
});

/**
 * Fills draw no anti-aliased outline of their own: where an edge matters a line layer draws
 * it, and each outline is one more shader program to compile and one more pass per frame
 * (in software WebGL, a tenth of a second and more at start-up).
 */
const EDGELESS = { 'fill-antialias': false } as const;

export const BOUNDARY_LAYERS: StyleLayer[] = [
  { id: 'boundary-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.land, 'fill-opacity': BASEMAP.districtFill.offline } },
];
export const BOUNDARY_LINE: StyleLayer = {
  id: 'boundary-line',
  type: 'line',
  paint: { 'line-color': P.boundary, 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
};
/** The district, always drawn: a legend row of its own, with no switch. */
export const BOUNDARY_LEGEND: LegendSwatch = { layers: ['boundary-fill', 'boundary-line'] };

/** Drawing order: first is bottom. */
export const LAYER_GROUPS: LayerGroup[] = [
  {
    id: 'neighbours',
    source: 'neighbours',
    // The neighbours' fill is the map background (one full-screen fill fewer to draw); the
    // layer itself draws their borders and names.
    layers: [
      { id: 'neighbours-line', type: 'line', paint: { 'line-color': P.neighbourLine, 'line-width': 1 } },
      { id: 'neighbours-label', type: 'symbol', ...label(13, '#78716c') },
    ],
    legend: [{ layers: ['background', 'neighbours-line'] }],
  },
  {
    id: 'builtup',
    source: 'builtup',
    // Its outline is drawn over the service areas and gaps, which cover the whole of its fill.
    layers: [
      { id: 'builtup-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.builtup, 'fill-opacity': 0.55 } },
      { id: 'builtup-line', type: 'line', above: 'gaps', paint: { 'line-color': P.builtupLine, 'line-width': 1.5 } },
    ],
    legend: [{ layers: ['builtup-fill', 'builtup-line'] }],
  },
  {
    id: 'zones',
    source: 'zones',
    clickable: true,
    layers: [
      ...perCategory('id', P.zones, P.zoneFallback, (id, color, filter) => ({
        id: `zones-fill-${id}`,
        type: 'fill',
        filter,
        paint: { ...EDGELESS, 'fill-color': color, 'fill-opacity': 0.16 },
      })),
      ...perCategory('id', P.zones, P.zoneFallback, (id, color, filter) => ({
        id: `zones-line-${id}`,
        type: 'line',
        filter,
        paint: { 'line-color': color, 'line-width': 2.5, 'line-dasharray': [2, 1] },
      })),
    ],
    legend: Object.keys(P.zones).map((id) => ({ layers: [`zones-fill-${id}`, `zones-line-${id}`], feature: id })),
  },
  {
    id: 'belt',
    source: 'belt',
    clickable: true,
    layers: [
      { id: 'belt-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.belt, 'fill-opacity': 0.22 } },
      { id: 'belt-line', type: 'line', paint: { 'line-color': P.belt, 'line-width': 1.5 } },
    ],
    legend: [{ layers: ['belt-fill', 'belt-line'] }],
  },
  {
    id: 'cores',
    source: 'cores',
    clickable: true,
    layers: [
      { id: 'cores-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.core, 'fill-opacity': 0.25 } },
      { id: 'cores-line', type: 'line', paint: { 'line-color': P.core, 'line-width': 3 } },
    ],
    legend: [{ layers: ['cores-fill', 'cores-line'] }],
  },
  {
    id: 'rings-park',
    source: 'rings',
    label: 'ringPark',
    layers: [
      { id: 'rings-park-fill', type: 'fill', filter: ringTier('park'), paint: { ...EDGELESS, 'fill-color': P.rings.park, 'fill-opacity': 0.45 } },
      { id: 'rings-park-line', type: 'line', filter: ringTier('park'), paint: { 'line-color': P.tiers.park, 'line-width': 1, 'line-dasharray': [4, 2] } },
    ],
    legend: [{ layers: ['rings-park-fill', 'rings-park-line'], label: 'ringPark' }],
  },
  {
    id: 'rings-garden',
    source: 'rings',
    label: 'ringGarden',
    layers: [
      { id: 'rings-garden-fill', type: 'fill', filter: ringTier('garden'), paint: { ...EDGELESS, 'fill-color': P.rings.garden, 'fill-opacity': 0.45 } },
      { id: 'rings-garden-line', type: 'line', filter: ringTier('garden'), paint: { 'line-color': P.tiers.garden, 'line-width': 1 } },
    ],
    legend: [{ layers: ['rings-garden-fill', 'rings-garden-line'], label: 'ringGarden' }],
  },
  {
    id: 'rings-leisure',
    source: 'rings',
    label: 'ringLeisure',
    layers: [
      { id: 'rings-leisure-fill', type: 'fill', filter: ringTier('leisure'), paint: { ...EDGELESS, 'fill-color': P.rings.leisure, 'fill-opacity': 0.4 } },
      { id: 'rings-leisure-line', type: 'line', filter: ringTier('leisure'), paint: { 'line-color': P.tiers.park, 'line-width': 1.2 } },
    ],
    legend: [{ layers: ['rings-leisure-fill', 'rings-leisure-line'], label: 'ringLeisure' }],
  },
  {
    id: 'gaps',
    source: 'gaps',
    label: 'layerGaps',
    layers: [
      { id: 'gaps-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.gap, 'fill-opacity': 0.45 } },
      { id: 'gaps-line', type: 'line', paint: { 'line-color': P.gap, 'line-width': 1.2 } },
    ],
    legend: [{ layers: ['gaps-fill', 'gaps-line'], label: 'layerGaps' }],
  },
  {
    id: 'rivers',
    source: 'rivers',
    layers: [
      { id: 'rivers-fill', type: 'fill', paint: { ...EDGELESS, 'fill-color': P.river } },
      { id: 'rivers-line', type: 'line', paint: { 'line-color': P.riverLine, 'line-width': 0.8 } },
      {
        id: 'rivers-label',
        type: 'symbol',
        layout: { 'symbol-placement': 'line', 'text-field': '{name}', 'text-size': 13, 'text-letter-spacing': 0.2 },
        paint: { 'text-color': '#2b6a94', 'text-halo-color': P.halo, 'text-halo-width': 1 },
      },
    ],
    legend: [{ layers: ['rivers-fill', 'rivers-line'] }],
  },
  {
    // Context, so the map reads as Chongqing: lines from the city view, names close in.
    id: 'railways',
    source: 'railways',
    layers: [
      {
        id: 'railways-tunnel',
        type: 'line',
        minzoom: 9.5,
        filter: tunnel,
        paint: { 'line-color': P.railMetro, 'line-width': 1, 'line-opacity': 0.3, 'line-dasharray': [2, 2] },
      },
      {
        id: 'railways-rail',
        type: 'line',
        minzoom: 9.5,
        filter: all(not(tunnel), railKind('rail')),
        paint: { 'line-color': P.rail, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 2.2], 'line-dasharray': [3, 1.5] },
      },
      {
        id: 'railways-metro',
        type: 'line',
        minzoom: 9.5,
        filter: all(not(tunnel), not(railKind('rail'))),
        paint: { 'line-color': P.railMetro, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 2.6] },
      },
      {
        id: 'railways-label',
        type: 'symbol',
        minzoom: 14,
        filter: named,
        layout: { 'symbol-placement': 'line', 'text-field': '{name}', 'text-size': 10, 'symbol-spacing': 400 },
        paint: { 'text-color': P.railMetro, 'text-halo-color': P.halo, 'text-halo-width': 1.2 },
      },
    ],
    legend: [
      { layers: ['railways-metro'], label: 'railMetro' },
      { layers: ['railways-rail'], label: 'railRail' },
      { layers: ['railways-tunnel'], label: 'railTunnel' },
    ],
  },
  {
    id: 'bridges',
    source: 'bridges',
    layers: [
      { id: 'bridges-casing', type: 'line', filter: walkable, paint: { 'line-color': '#ffffff', 'line-width': 5 } },
      { id: 'bridges-line', type: 'line', filter: walkable, paint: { 'line-color': P.bridge, 'line-width': 2.5 } },
      // Walk mode crosses rivers only on bridges a pedestrian can use; these it does not.
      { id: 'bridges-nowalk', type: 'line', filter: not(walkable), paint: { 'line-color': P.bridgeNoWalk, 'line-width': 1.6, 'line-dasharray': [2, 1] } },
      {
        id: 'bridges-label',
        type: 'symbol',
        minzoom: 13,
        filter: walkable,
        layout: { 'symbol-placement': 'line-center', 'text-field': '{name}', 'text-size': 11 },
        paint: { 'text-color': P.bridge, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [
      { layers: ['bridges-casing', 'bridges-line'], label: 'bridgeWalkable' },
      { layers: ['bridges-nowalk'], label: 'bridgeNoWalk' },
    ],
  },
  {
    // Not green space: counted as leisure spaces only when the planner asks (Coverage panel).
    id: 'sports',
    source: 'sports',
    clickable: true,
    layers: [
      { id: 'sports-fill', type: 'fill', filter: both(polygon, inside), paint: { ...EDGELESS, 'fill-color': P.sports, 'fill-opacity': 0.65 } },
      { id: 'sports-outside-fill', type: 'fill', filter: both(polygon, outside), paint: { ...EDGELESS, 'fill-color': P.sports, 'fill-opacity': 0.25 } },
      { id: 'sports-line', type: 'line', filter: polygon, paint: { 'line-color': P.sportsLine, 'line-width': 0.8 } },
      {
        id: 'sports-point',
        type: 'circle',
        filter: point,
        paint: { 'circle-color': P.sports, 'circle-radius': 4, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.2 },
      },
      {
        id: 'sports-label',
        type: 'symbol',
        minzoom: 14.5,
        filter: named,
        layout: { 'text-field': '{name}', 'text-size': 10.5, 'text-max-width': 7 },
        paint: { 'text-color': P.sportsLine, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [{ layers: ['sports-fill', 'sports-line'] }],
  },
  {
    id: 'greenspaces',
    source: 'greenspaces',
    clickable: true,
    layers: [
      ...perCategory('tier', P.tiers, null, (tier, color, filter) => ({
        id: `greenspaces-fill-${tier}`,
        type: 'fill',
        filter: all(polygon, inside, filter),
        paint: { ...EDGELESS, 'fill-color': color, 'fill-opacity': 0.7 },
      })),
      ...perCategory('tier', P.tiers, null, (tier, color, filter) => ({
        id: `greenspaces-outside-fill-${tier}`,
        type: 'fill',
        filter: all(polygon, outside, filter),
        paint: { ...EDGELESS, 'fill-color': color, 'fill-opacity': 0.28 },
      })),
      { id: 'greenspaces-line', type: 'line', filter: both(polygon, inside), paint: { 'line-color': P.tiers.park, 'line-width': 1 } },
      {
        id: 'greenspaces-outside-line',
        type: 'line',
        filter: both(polygon, outside),
        paint: { 'line-color': P.tiers.park, 'line-width': 1.2, 'line-dasharray': [2, 1.5] },
      },
      ...perCategory('tier', P.tiers, null, (tier, color, filter) => ({
        id: `greenspaces-point-${tier}`,
        type: 'circle',
        filter: all(point, inside, filter),
        paint: { 'circle-color': color, 'circle-radius': TIER_RADIUS[tier], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      })),
      {
        id: 'greenspaces-outside-point',
        type: 'circle',
        filter: both(point, outside),
        paint: { 'circle-color': '#ffffff', 'circle-radius': 4.5, 'circle-stroke-color': P.tiers.park, 'circle-stroke-width': 1.5 },
      },
      {
        id: 'greenspaces-label',
        type: 'symbol',
        layout: {
          'text-field': '{name}',
          'text-size': 12,
          'text-max-width': 7,
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.8,
          // Parks are named from the district view; smaller sites once zoomed in.
          'symbol-sort-key': ['match', ['get', 'tier'], 'park', 0, 'garden', 1, 2],
        },
        filter: all(named, ['any', ['==', ['get', 'tier'], 'park'], ['>=', ['zoom'], 13.5]]),
        paint: { 'text-color': '#1b5e20', 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [
      { layers: ['greenspaces-fill-park', 'greenspaces-line'], label: 'tierPark' },
      { layers: ['greenspaces-fill-garden', 'greenspaces-line'], label: 'tierGarden' },
      { layers: ['greenspaces-fill-leisure', 'greenspaces-line'], label: 'tierLeisure' },
      { layers: ['greenspaces-point-leisure'], label: 'legendPoint' },
      { layers: ['greenspaces-outside-fill-park', 'greenspaces-outside-line'], label: 'legendOutside' },
    ],
  },
  {
    id: 'stations',
    source: 'stations',
    clickable: true,
    layers: [
      {
        id: 'stations-point',
        type: 'circle',
        minzoom: 10.5,
        paint: {
          'circle-color': '#ffffff',
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 15, 5],
          'circle-stroke-color': P.station,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'stations-label',
        type: 'symbol',
        minzoom: 12.5,
        layout: { 'text-field': '{name}', 'text-size': 11, 'text-anchor': 'top', 'text-offset': [0, 0.6] },
        paint: { 'text-color': P.station, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [{ layers: ['stations-point'] }],
  },
  {
    id: 'landmarks',
    source: 'landmarks',
    clickable: true,
    layers: [
      {
        id: 'landmarks-point',
        type: 'circle',
        paint: { 'circle-color': P.landmark, 'circle-radius': 3.5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.2 },
      },
      {
        id: 'landmarks-label',
        type: 'symbol',
        minzoom: 12.5,
        layout: { 'text-field': '{name}', 'text-size': 11, 'text-anchor': 'left', 'text-offset': [0.7, 0] },
        paint: { 'text-color': P.landmark, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [{ layers: ['landmarks-point'] }],
  },
];

/** Plan labels drawn above everything (zone and core names). */
export const PLAN_LABELS: { source: SourceId; layer: StyleLayer; group: GroupId }[] = [
  { source: 'zones', group: 'zones', layer: { id: 'zones-label', type: 'symbol', ...label(14, '#3e2723') } },
  { source: 'cores', group: 'cores', layer: { id: 'cores-label', type: 'symbol', ...label(14, '#8a3b00') } },
];

/** Shown at start, in LAYER_GROUPS order (the URL leaves out a list equal to this one). */
export const DEFAULT_VISIBLE: GroupId[] = [
  'neighbours',
  'zones',
  'belt',
  'cores',
  'rings-leisure',
  'gaps',
  'rivers',
  'railways',
  'bridges',
  'sports',
  'greenspaces',
  'stations',
  'landmarks',
];
