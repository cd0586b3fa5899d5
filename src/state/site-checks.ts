/**
 * What a planner should be told about a proposed site before trusting its numbers: that it is
 * outside the district (it adds nothing to Jiangbei's rates), or that no built-up land lies
 * within its radius (every rate is measured over built-up land, so it serves almost no one).
 */
import type { Geometry, Point, Polygon } from 'geojson';
import { metresBetween, nearestPointOn, pointInGeometry } from '../geo';

export type SiteNote = 'outside' | 'no-builtup';

export interface DistrictShape {
  boundary: Geometry;
  /** Built-up land (what the rates are measured over); absent when the layer is. */
  builtup?: Geometry;
}

/** A point that stands for the site: the point itself, or the mean of an outline's vertices. */
function anchor(g: Point | Polygon): [number, number] {
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  const ring = g.coordinates[0]!.slice(0, -1);
  return [ring.reduce((s, c) => s + c[0]!, 0) / ring.length, ring.reduce((s, c) => s + c[1]!, 0) / ring.length];
}

export function siteNote(g: Point | Polygon, district: DistrictShape, radiusM: number): SiteNote | undefined {
  const p = anchor(g);
  const inside =
    g.type === 'Point'
      ? pointInGeometry(p, district.boundary)
      : g.coordinates[0]!.some((c) => pointInGeometry([c[0]!, c[1]!], district.boundary)) || pointInGeometry(p, district.boundary);
  if (!inside) return 'outside';
  if (district.builtup && metresBetween(p, nearestPointOn(p, district.builtup)) > radiusM) return 'no-builtup';
  return undefined;
}
