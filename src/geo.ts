/** Small geometry helpers the front end needs without shipping Turf to the browser. */
import type { Geometry, Polygon } from 'geojson';
import { EARTH_RADIUS_M, haversineM } from '../domain/geo';

/**
 * A number as zh-CN and en-GB both write it (the same in both: `1,234.5`), with `digits`
 * decimals: Intl.NumberFormat's text, rounded as it rounds (half away from zero, on the
 * number's shortest decimal form), without it. The first NumberFormat of a page costs
 * ~40 ms of locale loading, paid in the panel's first render while the map is starting.
 */
export function formatNumber(v: number, _lang: 'zh' | 'en', digits = 1): string {
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  const [int, frac] = roundDecimal(Math.abs(v), digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** `x` ≥ 0 with `digits` decimals, rounded half up on its shortest decimal form. */
function roundDecimal(x: number, digits: number): string {
  const s = String(x);
  if (s.includes('e')) return x.toFixed(digits); // < 1e-6 or ≥ 1e21: no tie to break
  const [int, frac = ''] = s.split('.');
  if (frac.length <= digits) return digits ? `${int}.${frac.padEnd(digits, '0')}` : int!;
  const up = frac.charCodeAt(digits) >= 53; // the first digit dropped is 5 or more
  const scaled = (BigInt(int! + frac.slice(0, digits)) + (up ? 1n : 0n)).toString().padStart(digits + 1, '0');
  return digits ? `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}` : scaled;
}

const rad = (d: number) => (d * Math.PI) / 180;

/** Spherical ring area (m²), the formula Turf's `area` uses (Chamberlain & Duquette). */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += rad(x2 - x1) * (2 + Math.sin(rad(y1)) + Math.sin(rad(y2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a Polygon or MultiPolygon in km² (holes subtracted); 0 for other types. */
export function areaKm2(g: Geometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let m2 = 0;
  for (const poly of polys) poly.forEach((ring, i) => (m2 += i === 0 ? ringArea(ring) : -ringArea(ring)));
  return m2 / 1e6;
}

function inRing(x: number, y: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a lon/lat lies inside a Polygon or MultiPolygon (holes respected). */
export function pointInGeometry([x, y]: [number, number], g: Geometry): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.some((poly) => poly.length > 0 && inRing(x, y, poly[0]!) && !poly.slice(1).some((hole) => inRing(x, y, hole)));
}

/**
 * The point of a geometry nearest to p (the point itself for points; the closest point on
 * the outline, or p when inside, for polygons). Local equirectangular metric: good to well
 * under a metre over a few kilometres, which is all a drawn "straight line" needs.
 */
export function nearestPointOn(p: [number, number], g: Geometry): [number, number] {
  if (pointInGeometry(p, g)) return p;
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best: [number, number] = p;
  let bestD = Infinity;
  const consider = (q: [number, number]) => {
    const d = ((q[0] - p[0]) * k) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = q;
    }
  };
  const segment = (a: number[], b: number[]) => {
    const ax = a[0]! * k,
      ay = a[1]!,
      bx = b[0]! * k,
      by = b[1]!;
    const px = p[0] * k,
      py = p[1];
    const dx = bx - ax,
      dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const s = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
    consider([(ax + s * dx) / k, ay + s * dy]);
  };
  const walk = (c: unknown, depth: number): void => {
    if (depth === 0) consider(c as [number, number]);
    else if (depth === 1) {
      const line = c as number[][];
      if (line.length === 1) consider(line[0] as [number, number]);
      for (let i = 0; i + 1 < line.length; i++) segment(line[i]!, line[i + 1]!);
    } else (c as unknown[]).forEach((x) => walk(x, depth - 1));
  };
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 } as const;
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => consider(nearestPointOn(p, x)));
  else if (g.type === 'MultiPoint') g.coordinates.forEach((c) => consider(c as [number, number]));
  else walk(g.coordinates, depth[g.type]);
  return best;
}

/** A circle of `radiusM` metres around a lon/lat as a polygon (local flat-earth offsets: a few metres off at 2 km). */
export function circlePolygon([lon, lat]: [number, number], radiusM: number, steps = 64): Polygon {
  const dLat = radiusM / ((EARTH_RADIUS_M * Math.PI) / 180); // degrees of latitude on Turf's sphere
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * (i % steps)) / steps;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** Metres between two lon/lats (great circle, Turf's radius). */
export const metresBetween = (a: [number, number], b: [number, number]): number => haversineM(a, b);

/**
 * A signed change as shown: "+1.2", "-0.4", and "0.0" for anything that rounds to zero
 * (never "-0.00" for a loss too small to show, nor "+0.0").
 */
export function formatDelta(v: number, lang: 'zh' | 'en', digits = 1): string {
  const r = Number(v.toFixed(digits));
  if (r === 0) return formatNumber(0, lang, digits);
  return r > 0 ? `+${formatNumber(r, lang, digits)}` : formatNumber(r, lang, digits);
}
