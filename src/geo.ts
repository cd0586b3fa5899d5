/** Small geometry helpers the front end needs without shipping Turf to the browser. */
import type { Geometry } from 'geojson';

export type BBox = [number, number, number, number];

export function bboxOfGeometry(g: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => walk(bboxOfGeometry(x).slice(0, 2)));
  else walk(g.coordinates);
  return b;
}

export const formatNumber = (v: number, lang: 'zh' | 'en', digits = 1) =>
  v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const R = 6371008.8; // Turf 7's earth radius, so the numbers match the worker's
const rad = (d: number) => (d * Math.PI) / 180;

/** Spherical ring area (m²), the formula Turf's `area` uses (Chamberlain & Duquette). */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += rad(x2 - x1) * (2 + Math.sin(rad(y1)) + Math.sin(rad(y2)));
  }
  return Math.abs((sum * R * R) / 2);
}

/** Area of a Polygon or MultiPolygon in km² (holes subtracted); 0 for other types. */
export function areaKm2(g: Geometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let m2 = 0;
  for (const poly of polys) poly.forEach((ring, i) => (m2 += i === 0 ? ringArea(ring) : -ringArea(ring)));
  return m2 / 1e6;
}
