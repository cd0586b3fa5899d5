/**
 * Honest `source` labels for Geofabrik features, and their geometry made fit to ship.
 *
 * Geofabrik's `osm_id` does not say whether an area came from a way or a relation. We label
 * what the id and the geometry prove, and say "way or relation" where they prove nothing:
 * - points (pois.geojson, …) are nodes: `osm:node/<id>`;
 * - an area with holes or several parts can only be a multipolygon relation: `osm:relation/<id>`;
 * - an id above RELATION_ID_MAX cannot be a relation (OSM had issued about 20 million
 *   relation ids by April 2026; the subdistrict relations here are ~17.8 million): `osm:way/<id>`;
 * - otherwise `osm:way-or-relation/<id>`.
 */
import * as turf from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { finishGeometry } from './geo';

/** Above every relation id OSM had issued by the extract's date (2026-04-11), with margin. */
const RELATION_ID_MAX = 25_000_000;

export function osmSource(osmId: string, g: Geometry): string {
  if (g.type === 'Point' || g.type === 'MultiPoint') return `osm:node/${osmId}`;
  if (g.type === 'LineString' || g.type === 'MultiLineString') return Number(osmId) > RELATION_ID_MAX ? `osm:way/${osmId}` : `osm:way-or-relation/${osmId}`;
  const multi =
    (g.type === 'MultiPolygon' && g.coordinates.length > 1) ||
    (g.type === 'Polygon' && g.coordinates.length > 1) ||
    (g.type === 'MultiPolygon' && g.coordinates.some((p) => p.length > 1));
  if (multi) return `osm:relation/${osmId}`;
  return Number(osmId) > RELATION_ID_MAX ? `osm:way/${osmId}` : `osm:way-or-relation/${osmId}`;
}

type Poly = Polygon | MultiPolygon;

function hasKinks(g: Poly): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((p) => p.every((r) => r.length >= 4) && turf.kinks(turf.polygon(p)).features.length > 0);
}

/**
 * Rounds to 6 decimals, drops repeated vertices, rewinds (outer rings counter-clockwise) and,
 * with `toleranceM` > 0, simplifies for display (Douglas–Peucker in degrees ≈ metres / 111,000).
 * Falls back to the unsimplified outline if simplifying would make it cross itself, and returns
 * null if even that is broken (the caller reports it).
 */
export function shipPolygon(g: Poly, toleranceM = 0): Poly | null {
  const finished = finishGeometry(g);
  let out: Poly = finished;
  if (toleranceM > 0) {
    const s = finishGeometry(turf.simplify(turf.feature(g), { tolerance: toleranceM / 111_000, highQuality: true }).geometry as Poly);
    const ok = s.type === 'Polygon' ? s.coordinates.length > 0 : s.coordinates.length > 0;
    if (ok && !hasKinks(s)) out = s;
  }
  if (out.coordinates.length === 0 || hasKinks(out)) return null;
  if (out.type === 'MultiPolygon' && out.coordinates.length === 1) out = { type: 'Polygon', coordinates: out.coordinates[0]! };
  return out;
}

/** A point that lies on the feature: its centroid if inside, else turf's point on surface. */
export function anchorPoint(f: Feature<Poly>): Position {
  const c = turf.centroid(f).geometry.coordinates;
  return turf.booleanPointInPolygon(c, f) ? c : turf.pointOnFeature(f).geometry.coordinates;
}
