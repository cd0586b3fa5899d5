/**
 * The layers drawn over the plan as the user works: the selected feature's outline, green
 * spaces closed in a scenario, proposed sites and the outline being drawn, and the Nearby
 * answer (routes and the spot). Content like `layer-groups.ts`: edit widths and colours here;
 * jb-map adds each layer the first time it has something to show, at its place in the stack
 * (the order here, bottom first, is the order drawn).
 */
import type { FilterSpecification } from 'maplibre-gl';
import type { LegendSwatch, StyleLayer } from './layer-groups';
import { PALETTE as P } from './palette';

const polygon: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const line: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const point: FilterSpecification = ['==', ['geometry-type'], 'Point'];

/** Sources whose features can be selected: each gets a `<source>-selected` outline layer. */
export const SELECTABLE = ['zones', 'cores', 'belt', 'greenspaces', 'sports'] as const;

/** The outline of the selected feature of `source` (jb-map filters it to the feature's id). */
export const selectedLayer = (source: (typeof SELECTABLE)[number]): StyleLayer => ({
  id: `${source}-selected`,
  type: 'line',
  paint: { 'line-color': P.selection, 'line-width': 4 },
});

/**
 * Closed green spaces, over the green spaces' own layers: greyed and crossed, so a closure is
 * seen at a glance. `filter` picks the geometry; jb-map adds "and closed" with the ids.
 */
export const CLOSED_LAYERS: StyleLayer[] = [
  { id: 'greenspaces-closed-fill', type: 'fill', filter: polygon, paint: { 'fill-antialias': false, 'fill-color': P.closed, 'fill-opacity': 0.85 } },
  {
    id: 'greenspaces-closed-point',
    type: 'circle',
    filter: point,
    paint: { 'circle-radius': 7, 'circle-color': P.closed, 'circle-stroke-color': P.closedLine, 'circle-stroke-width': 2 },
  },
];

/** A layer drawn from an overlay source of its own. */
export interface OverlayLayer extends StyleLayer {
  source: 'uploaded' | 'proposals' | 'draft' | 'suggestions' | 'nearby';
}

const tierColour = ['match', ['get', 'tier'], 'park', P.tiers.park, 'garden', P.tiers.garden, P.tiers.leisure] as const;

/** The planner's uploaded green spaces, while the analysis uses them: tier colours, dashed outlines. */
export const UPLOAD_LAYERS: OverlayLayer[] = [
  {
    id: 'uploaded-fill',
    type: 'fill',
    source: 'uploaded',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': tierColour as never, 'fill-opacity': 0.6 },
  },
  {
    id: 'uploaded-line',
    type: 'line',
    source: 'uploaded',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': P.uploadLine, 'line-width': 2, 'line-dasharray': [2, 1] },
  },
  {
    id: 'uploaded-point',
    type: 'circle',
    source: 'uploaded',
    filter: point,
    paint: { 'circle-radius': 6, 'circle-color': tierColour as never, 'circle-stroke-color': P.uploadLine, 'circle-stroke-width': 2 },
  },
];

/** Uploaded green spaces closed in a scenario: drawn over them as closed shipped ones are (jb-map adds "and closed" with the ids). */
export const UPLOAD_CLOSED_LAYERS: OverlayLayer[] = CLOSED_LAYERS.map((l) => ({ ...l, id: l.id.replace(/^greenspaces-/, 'uploaded-'), source: 'uploaded' }));

/** Proposed sites and the outline being drawn: above the plan, below the Nearby answer. */
export const EDIT_LAYERS: OverlayLayer[] = [
  { id: 'proposals-fill', type: 'fill', source: 'proposals', filter: polygon, paint: { 'fill-color': P.proposal, 'fill-opacity': 0.35 } },
  { id: 'proposals-line', type: 'line', source: 'proposals', filter: polygon, paint: { 'line-color': P.proposal, 'line-width': 2.5 } },
  {
    id: 'proposals-point',
    type: 'circle',
    source: 'proposals',
    filter: point,
    paint: { 'circle-radius': 9, 'circle-color': P.proposal, 'circle-stroke-color': P.halo, 'circle-stroke-width': 2.5 },
  },
  {
    id: 'proposals-label',
    type: 'symbol',
    source: 'proposals',
    layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-offset': [0, 1.4] },
    paint: { 'text-color': P.proposal, 'text-halo-color': P.halo, 'text-halo-width': 1.5 },
  },
  { id: 'draft-line', type: 'line', source: 'draft', filter: line, paint: { 'line-color': P.proposal, 'line-width': 2, 'line-dasharray': [2, 1] } },
  {
    id: 'draft-point',
    type: 'circle',
    source: 'draft',
    filter: point,
    paint: { 'circle-radius': 4, 'circle-color': P.halo, 'circle-stroke-color': P.proposal, 'circle-stroke-width': 2 },
  },
];

/**
 * Suggested sites not yet accepted: hollow, in the proposals' colour, each with its catchment
 * dashed, so they read as "could be" beside the solid proposals. Labelled with their letter.
 */
export const SUGGEST_LAYERS: OverlayLayer[] = [
  { id: 'suggestions-fill', type: 'fill', source: 'suggestions', filter: polygon, paint: { 'fill-color': P.proposal, 'fill-opacity': 0.08 } },
  {
    id: 'suggestions-line',
    type: 'line',
    source: 'suggestions',
    filter: polygon,
    paint: { 'line-color': P.proposal, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  },
  {
    id: 'suggestions-point',
    type: 'circle',
    source: 'suggestions',
    filter: point,
    paint: { 'circle-radius': 11, 'circle-color': P.halo, 'circle-stroke-color': P.proposal, 'circle-stroke-width': 3 },
  },
  {
    id: 'suggestions-label',
    type: 'symbol',
    source: 'suggestions',
    filter: point,
    layout: { 'text-field': ['get', 'label'], 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': P.proposal },
  },
];

/** The suggestions' legend swatch: the catchment's fill and dashed edge, and the hollow site marker. */
export const SUGGEST_LEGEND: LegendSwatch = { layers: ['suggestions-fill', 'suggestions-line', 'suggestions-point'] };

/** The Nearby answer, above everything: routes (dashed when straight), then the spot. */
export const NEARBY_LAYERS: OverlayLayer[] = [
  { id: 'nearby-route-casing', type: 'line', source: 'nearby', filter: line, paint: { 'line-color': P.halo, 'line-width': 7 } },
  {
    id: 'nearby-route',
    type: 'line',
    source: 'nearby',
    filter: line,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': P.route,
      'line-width': 4,
      'line-dasharray': ['case', ['==', ['get', 'kind'], 'straight'], ['literal', [1.5, 1.5]], ['literal', [1, 0]]],
    },
  },
  {
    id: 'nearby-route-label',
    type: 'symbol',
    source: 'nearby',
    filter: line,
    layout: { 'symbol-placement': 'line-center', 'text-field': ['get', 'label'], 'text-size': 13, 'text-offset': [0, -0.8] },
    paint: { 'text-color': P.route, 'text-halo-color': P.halo, 'text-halo-width': 2 },
  },
  // The spot (where I am) in the route's blue; the destination (where I want to go) in the park green.
  {
    id: 'nearby-spot',
    type: 'circle',
    source: 'nearby',
    filter: point,
    paint: {
      'circle-radius': 9,
      'circle-color': ['case', ['==', ['get', 'kind'], 'destination'], P.tiers.park, P.route],
      'circle-stroke-color': P.halo,
      'circle-stroke-width': 3,
    },
  },
];
