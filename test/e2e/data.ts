/**
 * What the end-to-end tests look for, chosen from the shipped data as the API serves it (never
 * a hand-picked id or a figure written into a test): a named OpenStreetMap park, a point where
 * a click lands on it alone, the station at Guanyinqiao.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { inject } from 'vitest';

export const api = async <T>(path: string) => (await fetch(`${inject('baseURL')}${path}`)).json() as Promise<T>;

export const layer = (id: string) => api<FeatureCollection>(`/api/layers/${id}`);

type Area = Feature<Polygon | MultiPolygon>;
const isArea = (f: Feature): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/** Named OpenStreetMap parks inside the district, largest first. */
export async function namedOsmParks(): Promise<Area[]> {
  return (await layer('greenspaces')).features
    .filter(isArea)
    .filter((f) => {
      const p = f.properties ?? {};
      return p.tier === 'park' && p.unnamed !== true && p.outside !== true && String(p.source).startsWith('osm:') && String(p.name_zh ?? '').length >= 3;
    })
    .sort((a, b) => turf.area(b) - turf.area(a));
}

/** Pinyin of a Chinese name as a user types it: syllables run together, no tones. */
export const pinyinOf = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');

/**
 * A point inside `site` that lies in no other green space (so a click there picks `site`,
 * not a playground drawn over it) and is at least `margin_m` from its edge.
 */
export async function pointOnlyIn(site: Area, margin_m = 30): Promise<Position> {
  const others = (await layer('greenspaces')).features.filter((f) => isArea(f) && f.properties?.id !== site.properties?.id) as Area[];
  const edge = turf.polygonToLine(site);
  const lines = (edge.type === 'FeatureCollection' ? edge.features : [edge]) as Feature[];
  const far = (p: Position) => lines.every((l) => turf.pointToLineDistance(p, l as never, { units: 'meters' }) >= margin_m);
  const [w, s, e, n] = turf.bbox(site);
  const candidates = [turf.pointOnFeature(site).geometry.coordinates];
  for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) candidates.push([w + ((e - w) * i) / 12, s + ((n - s) * j) / 12]);
  const hit = candidates.find((p) => turf.booleanPointInPolygon(p, site) && far(p) && !others.some((o) => turf.booleanPointInPolygon(p, o)));
  if (!hit) throw new Error(`no point inside ${site.properties?.id} clear of other green spaces`);
  return hit;
}

/** The station OpenStreetMap calls 观音桥 (观音桥站). */
export async function guanyinqiaoStation(): Promise<Feature> {
  const f = (await layer('stations')).features.find((x) => ['观音桥', '观音桥站'].includes(String(x.properties?.name_zh)));
  if (!f) throw new Error('no 观音桥 in the stations layer');
  return f;
}
