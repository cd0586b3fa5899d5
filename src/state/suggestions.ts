/**
 * Suggested pocket parks as the planner sees them before accepting: each has a letter (A, B, …,
 * never a number, which proposals use: "#1" is a proposal, "A" a suggestion) and is drawn on
 * the map with its catchment, the circle it was chosen for.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { type BBox, EARTH_RADIUS_M } from '../../domain/geo';
import type { Suggestions } from '../api';
import { circlePolygon } from '../geo';

export interface Suggestion {
  rank: number;
  gain_km2: number;
  gain_pp: number;
  /** With a population: people newly served, and as a share of the district's (pp). */
  gain_people?: number;
  gain_people_pp?: number;
  coordinates: [number, number];
}

/** The API's answer as the page keeps suggestions. */
export const suggestionsOf = (fc: Suggestions): Suggestion[] =>
  fc.features.map((f) => ({
    rank: f.properties.rank,
    gain_km2: f.properties.gain_km2,
    gain_pp: f.properties.gain_pp,
    ...(f.properties.gain_people !== undefined ? { gain_people: f.properties.gain_people, gain_people_pp: f.properties.gain_people_pp } : {}),
    coordinates: (f.geometry as Point).coordinates as [number, number],
  }));

/** The letter a suggestion is shown with (rank 1 → A; the API gives at most 20). */
export const suggestionLabel = (rank: number) => String.fromCharCode(64 + Math.max(1, Math.min(26, rank)));

/** Each suggestion as a point (labelled) and its catchment of `radiusM` (straight-line, as suggested). */
export function suggestionFeatures(list: Suggestion[], radiusM: number): FeatureCollection {
  const features = list.flatMap((s): Feature[] => {
    const properties = { rank: s.rank, label: suggestionLabel(s.rank) };
    return [
      { type: 'Feature', properties, geometry: circlePolygon(s.coordinates, radiusM) },
      { type: 'Feature', properties, geometry: { type: 'Point', coordinates: s.coordinates } },
    ];
  });
  return { type: 'FeatureCollection', features };
}

/** The box around the suggestions' catchments (undefined when there are none). */
export function suggestionBounds(list: Suggestion[], radiusM: number): BBox | undefined {
  if (!list.length) return undefined;
  const dLat = radiusM / ((EARTH_RADIUS_M * Math.PI) / 180);
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const {
    coordinates: [x, y],
  } of list) {
    const dLon = dLat / Math.cos((y * Math.PI) / 180);
    b[0] = Math.min(b[0], x - dLon);
    b[1] = Math.min(b[1], y - dLat);
    b[2] = Math.max(b[2], x + dLon);
    b[3] = Math.max(b[3], y + dLat);
  }
  return b;
}
