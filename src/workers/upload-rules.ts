/**
 * Domain rules for uploaded features, shared by the upload worker and the unit tests.
 * The worker checks again on every analysis request; these rules let the planner see every
 * problem at once, by feature, before anything is sent. A problem is a code and its values
 * (the page words it in its own language, from content/messages/upload.ts).
 */
import type { Feature, Position } from 'geojson';
import type { Tier } from '../api';

export type UploadKind = 'greenspaces' | 'builtup';

export type UploadProblem =
  | { code: 'no-geometry' | 'empty' | 'not-number' | 'ring-short' | 'ring-open' | 'tier-missing' }
  | { code: 'geometry-type'; type: string; expected: string }
  | { code: 'not-lonlat'; lon: number; lat: number }
  | { code: 'swapped'; lon: number; lat: number }
  | { code: 'far'; km: number; max: number }
  | { code: 'tier-bad'; tier: string }
  | { code: 'invalid'; detail: string }
  | { code: 'duplicate-id'; id: string };

/** The tier names a planner may write: the API's words, and the plan's own in Chinese. */
const TIER_NAMES: Record<string, Tier> = {
  park: 'park', garden: 'garden', leisure: 'leisure',
  公园: 'park', 街头绿园: 'garden', 绿园: 'garden', 休闲空间: 'leisure', 口袋公园: 'leisure', 市民广场: 'leisure',
};

/** A tier as written in a file (English key or the plan's Chinese name), or undefined. */
export const tierOf = (v: unknown): Tier | undefined => (typeof v === 'string' ? TIER_NAMES[v.trim().toLowerCase()] ?? TIER_NAMES[v.trim()] : undefined);

const CENTRE: [number, number] = [106.669, 29.619];
const MAX_KM = 60;

function km(lon: number, lat: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat - CENTRE[1]) * rad;
  const dLon = (lon - CENTRE[0]) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(CENTRE[1] * rad) * Math.cos(lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(s)));
}

function positions(f: Feature): Position[] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'MultiPoint') return g.coordinates;
  if (g.type === 'Polygon') return g.coordinates.flat();
  if (g.type === 'MultiPolygon') return g.coordinates.flat(2);
  return [];
}

/** The first problem with a feature, or undefined when it can be used. */
export function checkUploadFeature(f: Feature, kind: UploadKind): UploadProblem | undefined {
  const g = f.geometry;
  if (!g) return { code: 'no-geometry' };
  const allowed = kind === 'greenspaces' ? ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'] : ['Polygon', 'MultiPolygon'];
  if (!allowed.includes(g.type)) return { code: 'geometry-type', type: g.type, expected: allowed.join(' / ') };
  const pts = positions(f);
  if (pts.length === 0) return { code: 'empty' };
  for (const p of pts) {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { code: 'not-number' };
  }
  // Latitude first, longitude second (a common slip): Jiangbei's own numbers, the other way round.
  const swapped = (p: Position) => Math.abs(p[1]!) <= 180 && Math.abs(p[0]!) <= 90 && km(p[1]!, p[0]!) <= MAX_KM;
  for (const p of pts) {
    if (Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90) return swapped(p) ? { code: 'swapped', lon: p[0]!, lat: p[1]! } : { code: 'not-lonlat', lon: p[0]!, lat: p[1]! };
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const r of rings) {
      if (r.length < 4) return { code: 'ring-short' };
      const a = r[0]!, b = r[r.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) return { code: 'ring-open' };
    }
  }
  const far = pts.find((p) => km(p[0]!, p[1]!) > MAX_KM);
  if (far) return swapped(far) ? { code: 'swapped', lon: far[0]!, lat: far[1]! } : { code: 'far', km: Math.round(km(far[0]!, far[1]!)), max: MAX_KM };
  if (kind === 'greenspaces') {
    const tier = f.properties?.tier;
    if (tier === undefined || tier === null) return { code: 'tier-missing' };
    if (!tierOf(tier)) return { code: 'tier-bad', tier: String(tier).slice(0, 20) };
  }
  return undefined;
}
