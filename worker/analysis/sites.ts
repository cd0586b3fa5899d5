import type { Feature, FeatureCollection, Position } from 'geojson';
import { type Tier, tierFromName, tierRank } from '../../domain/tiers';
import { type Grid, toGrid } from './grid';
import type { GridPolygon } from './rasterize';

/** A green-space site in grid units, ready for the raster passes. */
export interface Site {
  /** Index of the feature in its FeatureCollection. */
  index: number;
  id: string;
  name_zh: string;
  name_en: string;
  tier: Tier;
  rank: number;
  /** Point sites (a MultiPoint gives several). */
  points: [number, number][];
  /** Polygon sites: polygons in grid units, outer ring then holes. */
  polygons: GridPolygon[];
  /** Lon/lat geometry, for exact vector distances (nearest). */
  feature: Feature;
}

const str = (x: unknown, fallback: string) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : fallback);

/**
 * Projects the sites of a FeatureCollection (Point, MultiPoint, Polygon, MultiPolygon with a
 * `tier` property) to grid units. Input is assumed valid (see validate-input.ts); features
 * without a known tier or geometry are skipped.
 */
export function projectSites(grid: Grid, fc: FeatureCollection): Site[] {
  const out: Site[] = [];
  const ring = (r: Position[]) => r.map((p) => toGrid(grid, p[0]!, p[1]!));
  fc.features.forEach((f, index) => {
    const props = f.properties ?? {};
    const tier = tierFromName(props.tier);
    if (!tier || !f.geometry) return;
    const site: Site = {
      index,
      id: str(props.id ?? f.id, `site-${index}`),
      name_zh: str(props.name_zh, ''),
      name_en: str(props.name_en, ''),
      tier,
      rank: tierRank(tier),
      points: [],
      polygons: [],
      feature: f,
    };
    const g = f.geometry;
    switch (g.type) {
      case 'Point':
        site.points.push(toGrid(grid, g.coordinates[0]!, g.coordinates[1]!));
        break;
      case 'MultiPoint':
        for (const p of g.coordinates) site.points.push(toGrid(grid, p[0]!, p[1]!));
        break;
      case 'Polygon':
        site.polygons.push(g.coordinates.map(ring));
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) site.polygons.push(poly.map(ring));
        break;
      default:
        return;
    }
    out.push(site);
  });
  return out;
}

/**
 * A site's bounding box in grid units, [x0, y0, x1, y1] (points and outer rings), or null
 * when it has no position.
 */
export function siteBounds(s: Site): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = ([x, y]: readonly [number, number]) => {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  };
  s.points.forEach(add);
  for (const poly of s.polygons) (poly[0] ?? []).forEach(add);
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
}

/** The sites serving a tier: those of that tier or higher. */
export function serving(sites: readonly Site[], rank: number): Site[] {
  return sites.filter((s) => s.rank >= rank);
}
