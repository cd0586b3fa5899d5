/**
 * Universal Transverse Mercator on the WGS-84 ellipsoid, both ways (Snyder, "Map
 * Projections — A Working Manual", 1987, eqs. 8-9 … 8-25): millimetres within a zone, which
 * is all a population raster in UTM needs. Zones 1–60; `south` for the southern hemisphere
 * (false northing 10,000 km). EPSG codes 326zz (north) and 327zz (south).
 */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const K0 = 0.9996;
const RAD = Math.PI / 180;

export interface UtmZone {
  zone: number;
  south: boolean;
}

/** The zone an EPSG code names (326zz / 327zz), or null. */
export function utmZoneOfEpsg(code: number): UtmZone | null {
  if (code >= 32601 && code <= 32660) return { zone: code - 32600, south: false };
  if (code >= 32701 && code <= 32760) return { zone: code - 32700, south: true };
  return null;
}

const centralMeridian = (zone: number) => (zone - 1) * 6 - 180 + 3;

/** Easting, northing (metres) → [lon, lat] (degrees). */
export function utmToLonLat(z: UtmZone, easting: number, northing: number): [number, number] {
  const x = easting - 500000;
  const y = z.south ? northing - 10000000 : northing;
  const mu = y / K0 / (A * (1 - E2 / 4 - (3 * E2 * E2) / 64 - (5 * E2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 * e1) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const s = Math.sin(phi1);
  const c = Math.cos(phi1);
  const t = Math.tan(phi1);
  const C1 = EP2 * c * c;
  const T1 = t * t;
  const N1 = A / Math.sqrt(1 - E2 * s * s);
  const R1 = (A * (1 - E2)) / (1 - E2 * s * s) ** 1.5;
  const D = x / (N1 * K0);
  const lat =
    phi1 -
    ((N1 * t) / R1) *
      ((D * D) / 2 -
        ((5 + 3 * T1 + 10 * C1 - 4 * C1 * C1 - 9 * EP2) * D ** 4) / 24 +
        ((61 + 90 * T1 + 298 * C1 + 45 * T1 * T1 - 252 * EP2 - 3 * C1 * C1) * D ** 6) / 720);
  const lon = (D - ((1 + 2 * T1 + C1) * D ** 3) / 6 + ((5 - 2 * C1 + 28 * T1 - 3 * C1 * C1 + 8 * EP2 + 24 * T1 * T1) * D ** 5) / 120) / c;
  return [centralMeridian(z.zone) + lon / RAD, lat / RAD];
}

/** [lon, lat] (degrees) → [easting, northing] (metres) in the given zone. */
export function lonLatToUtm(z: UtmZone, lon: number, lat: number): [number, number] {
  const phi = lat * RAD;
  const s = Math.sin(phi);
  const c = Math.cos(phi);
  const N = A / Math.sqrt(1 - E2 * s * s);
  const T = Math.tan(phi) ** 2;
  const C = EP2 * c * c;
  const Aa = c * (lon - centralMeridian(z.zone)) * RAD;
  const M =
    A *
    ((1 - E2 / 4 - (3 * E2 * E2) / 64 - (5 * E2 ** 3) / 256) * phi -
      ((3 * E2) / 8 + (3 * E2 * E2) / 32 + (45 * E2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * E2 * E2) / 256 + (45 * E2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * E2 ** 3) / 3072) * Math.sin(6 * phi));
  const e = K0 * N * (Aa + ((1 - T + C) * Aa ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * EP2) * Aa ** 5) / 120) + 500000;
  const n =
    K0 *
    (M + N * Math.tan(phi) * ((Aa * Aa) / 2 + ((5 - T + 9 * C + 4 * C * C) * Aa ** 4) / 24 + ((61 - 58 * T + T * T + 600 * C - 330 * EP2) * Aa ** 6) / 720));
  return [e, z.south ? n + 10000000 : n];
}
