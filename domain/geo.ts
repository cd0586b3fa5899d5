/**
 * Geometry facts both sides need, without Turf: the earth's radius, great-circle distance,
 * a geometry's positions and its bounding box.
 */
import type { Geometry, Position } from 'geojson';

/** Turf 7's earth radius (m), so the page's and the worker's numbers agree with Turf's. */
export const EARTH_RADIUS_M = 6371008.8;

export type BBox = [west: number, south: number, east: number, north: number];

/** Metres between two lon/lat positions (haversine, Turf's radius). */
export function haversineM(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Every position of a geometry (a GeometryCollection's members' too); [] for none. */
export function positionsOf(g: Geometry | null | undefined): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
    default:
      return [];
  }
}

/** The bounding box of some geometries ([∞, ∞, −∞, −∞] when they hold no position). */
export function bboxOf(...geometries: (Geometry | null | undefined)[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    for (const [x, y] of positionsOf(g) as [number, number][]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}
