/**
 * What a valid site is: the one answer the worker's request checks, the page's upload
 * checks and the scenario file reader all give. A site is a GeoJSON Feature of an allowed
 * geometry whose positions are lon/lat near Jiangbei and, where it must have one, a tier.
 */
import type { Feature } from 'geojson';
import { haversineM, positionsOf } from './geo';
import { TIERS, tierFromName } from './tiers';

/** Geometries a green-space site may have. */
const SITE_GEOMETRIES = ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'] as const;
/** Geometries an area (built-up land) may have. */
export const AREA_GEOMETRIES = ['Polygon', 'MultiPolygon'] as const;

/** Jiangbei's centre (lon, lat), for the far-away check. */
export const JIANGBEI_CENTRE: readonly [number, number] = [106.669, 29.619];
/** Every position must lie within this distance of Jiangbei's centre (km). */
export const MAX_KM_FROM_JIANGBEI = 60;

/** Kilometres from Jiangbei's centre. */
export const kmFromJiangbei = (lon: number, lat: number) => haversineM(JIANGBEI_CENTRE, [lon, lat]) / 1000;

export type SiteProblemCode = 'no_geometry' | 'unsupported_geometry' | 'bad_position' | 'bad_ring' | 'far_from_district' | 'unknown_tier';

export interface SiteProblem {
  code: SiteProblemCode;
  /** Where in the feature, e.g. `geometry.type`, `properties.tier`. */
  field: string;
  /** In English, for the API's errors. */
  message: string;
  /** What the message says, for a page that words it in its own language. */
  values?: {
    type?: string;
    expected?: string;
    /** The tier as written (cut short); absent when the feature has none. */
    tier?: string;
    lon?: number;
    lat?: number;
    km?: number;
    max?: number;
    /** The position read the other way round lies near Jiangbei. */
    swapped?: boolean;
    kind?: 'empty' | 'not-number' | 'range' | 'short' | 'open';
  };
}

export interface SiteRules {
  /** Allowed geometry types (default: SITE_GEOMETRIES). */
  geometries?: readonly string[];
  /** Whether `properties.tier` must name a tier (default true). */
  needsTier?: boolean;
}

/** A value for a message: a primitive as JSON cut short; an array or object by kind only. */
export function preview(v: unknown, max: number): string {
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  return (JSON.stringify(v) ?? String(v)).slice(0, max);
}

/** A hint when a position read the other way round would lie near Jiangbei. */
function swapHint(lon: unknown, lat: unknown): string {
  const near = typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 90 && kmFromJiangbei(lat, lon) <= MAX_KM_FROM_JIANGBEI;
  return near ? ' Longitude and latitude look swapped: GeoJSON puts longitude first.' : '';
}

/** The problems with one feature as a site, in reading order; [] when it can be used. */
export function siteProblems(f: Feature, rules: SiteRules = {}): SiteProblem[] {
  const allowed = rules.geometries ?? SITE_GEOMETRIES;
  const out: SiteProblem[] = [];
  const g = f.geometry;
  if (!g) return [{ code: 'no_geometry', field: 'geometry', message: 'has no geometry.' }];
  if (!allowed.includes(g.type)) {
    return [
      {
        code: 'unsupported_geometry',
        field: 'geometry.type',
        message: `geometry type ${g.type} is not supported; use ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`,
        values: { type: g.type, expected: allowed.join(' / ') },
      },
    ];
  }
  if (rules.needsTier ?? true) {
    const tier = f.properties?.tier;
    if (!tierFromName(tier)) {
      out.push({
        code: 'unknown_tier',
        field: 'properties.tier',
        message: tier === undefined ? `has no properties.tier (one of ${TIERS.join(', ')}).` : `tier ${preview(tier, 40)} is not one of ${TIERS.join(', ')}.`,
        values: tier === undefined || tier === null ? {} : { tier: String(tier).slice(0, 20) },
      });
    }
  }
  const positions = positionsOf(g);
  if (positions.length === 0)
    return [...out, { code: 'bad_position', field: 'geometry.coordinates', message: 'geometry has no positions.', values: { kind: 'empty' } }];
  for (const p of positions) {
    const [lon, lat] = p as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      const shown = p.slice(0, 3).map((v) => (typeof v === 'number' ? String(v) : Array.isArray(v) ? 'array' : typeof v));
      const numbers = Number.isFinite(lon) && Number.isFinite(lat);
      return [
        ...out,
        {
          code: 'bad_position',
          field: 'geometry.coordinates',
          message: `position [${shown.join(', ')}] is out of range (longitude −180…180, latitude −90…90).${swapHint(lon, lat)}`,
          values: numbers ? { kind: 'range', lon, lat, swapped: swapHint(lon, lat) !== '' } : { kind: 'not-number' },
        },
      ];
    }
    const km = kmFromJiangbei(lon, lat);
    if (km > MAX_KM_FROM_JIANGBEI) {
      const swapped = swapHint(lon, lat);
      return [
        ...out,
        {
          code: 'far_from_district',
          field: 'geometry.coordinates',
          message: `position [${lon}, ${lat}] is ${Math.round(km)} km from Jiangbei, Chongqing; sites must lie within ${MAX_KM_FROM_JIANGBEI} km (WGS-84 longitude, latitude order).${swapped}`,
          values: { lon, lat, km: Math.round(km), max: MAX_KM_FROM_JIANGBEI, swapped: swapped !== '' },
        },
      ];
    }
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    for (const ring of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) {
      const a = ring[0],
        b = ring[ring.length - 1];
      if (ring.length < 4 || !a || !b || a[0] !== b[0] || a[1] !== b[1]) {
        const kind = ring.length < 4 ? 'short' : 'open';
        return [
          ...out,
          {
            code: 'bad_ring',
            field: 'geometry.coordinates',
            message: 'a polygon ring must have at least 4 positions and end where it starts.',
            values: { kind },
          },
        ];
      }
    }
  }
  return out;
}
