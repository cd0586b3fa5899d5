/**
 * Small geometry helpers shared by the derivation scripts: rounding to 6 decimals (~0.1 m),
 * RFC 7946 winding (outer rings counter-clockwise), a local metric projection for
 * distance work at Jiangbei's latitude, and polyline walking.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function roundCoords<G extends Geometry>(g: G): G {
  const r = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as number[]).map(round6) : (c as unknown[]).map(r));
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundCoords) };
  return { ...g, coordinates: r((g as { coordinates: unknown }).coordinates) } as G;
}

/** Rounds, drops repeated vertices created by rounding, and rewinds polygons (outer CCW). */
export function finishGeometry<G extends Geometry>(g: G): G {
  const rounded = roundCoords(g);
  const dedupe = (ring: Position[]) => {
    const out: Position[] = [];
    for (const p of ring) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  let out: Geometry = rounded;
  if (rounded.type === 'Polygon') out = { type: 'Polygon', coordinates: rounded.coordinates.map(dedupe).filter((r) => r.length >= 4) };
  if (rounded.type === 'MultiPolygon')
    out = { type: 'MultiPolygon', coordinates: rounded.coordinates.map((p) => p.map(dedupe).filter((r) => r.length >= 4)).filter((p) => p.length > 0) };
  if (rounded.type === 'LineString') out = { type: 'LineString', coordinates: dedupe(rounded.coordinates) };
  if (out.type === 'Polygon' || out.type === 'MultiPolygon') out = turf.rewind(out, { reverse: false }) as Geometry;
  return out as G;
}

export function featureCollection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** Equirectangular projection centred on Jiangbei: metres east/north of (106.65, 29.62). Good to <0.1 % over 50 km. */
const ORIGIN: [number, number] = [106.65, 29.62];
const M_PER_DEG_LAT = 110_850;
const M_PER_DEG_LON = 111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180);
export const toXY = (p: Position): [number, number] => [(p[0]! - ORIGIN[0]) * M_PER_DEG_LON, (p[1]! - ORIGIN[1]) * M_PER_DEG_LAT];
export const toLonLat = (x: number, y: number): Position => [ORIGIN[0] + x / M_PER_DEG_LON, ORIGIN[1] + y / M_PER_DEG_LAT];

/** Distance in metres from p to segment ab (local projection). */
function distToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = toXY(p);
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function distToLine(p: Position, line: Position[]): number {
  let d = Infinity;
  for (let i = 0; i + 1 < line.length; i++) d = Math.min(d, distToSegment(p, line[i]!, line[i + 1]!));
  return d;
}

export function lineLength(line: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = toXY(line[i]!);
    const [bx, by] = toXY(line[i + 1]!);
    s += Math.hypot(bx - ax, by - ay);
  }
  return s;
}

/** The point `dist` metres along the line, and the unit direction of the segment there. */
export function pointAlong(line: Position[], dist: number): { point: Position; dir: [number, number] } {
  let left = Math.max(0, dist);
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = toXY(line[i]!);
    const [bx, by] = toXY(line[i + 1]!);
    const seg = Math.hypot(bx - ax, by - ay);
    if (seg === 0) continue;
    if (left <= seg || i + 2 === line.length) {
      const t = Math.min(1, left / seg);
      return { point: toLonLat(ax + t * (bx - ax), ay + t * (by - ay)), dir: [(bx - ax) / seg, (by - ay) / seg] };
    }
    left -= seg;
  }
  throw new Error('pointAlong: empty line');
}

/** Distance along the line (m) of the point on it nearest to p. */
export function locate(line: Position[], p: Position): number {
  let best = Infinity;
  let at = 0;
  let run = 0;
  const [px, py] = toXY(p);
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = toXY(line[i]!);
    const [bx, by] = toXY(line[i + 1]!);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    if (d < best) {
      best = d;
      at = run + t * Math.sqrt(len2);
    }
    run += Math.sqrt(len2);
  }
  return at;
}

/** The part of a line between two distances along it (m). */
export function sliceAlong(line: Position[], from: number, to: number): Position[] {
  const out: Position[] = [pointAlong(line, from).point];
  let run = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = toXY(line[i]!);
    const [bx, by] = toXY(line[i + 1]!);
    run += Math.hypot(bx - ax, by - ay);
    if (run > from && run < to) out.push(line[i + 1]!);
  }
  out.push(pointAlong(line, to).point);
  return out;
}
