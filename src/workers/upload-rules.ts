/**
 * Domain rules for uploaded features, shared by the upload worker and the unit tests.
 * The worker checks again on every analysis request; these rules let the planner see every
 * problem at once, by feature index, before anything is sent.
 */
import type { Feature, Position } from 'geojson';

export type UploadKind = 'greenspaces' | 'builtup';

const TIERS = ['park', 'garden', 'leisure'];
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

/** The first problem with a feature, or '' when it can be used. */
export function checkUploadFeature(f: Feature, kind: UploadKind): string {
  const g = f.geometry;
  if (!g) return 'has no geometry';
  const allowed = kind === 'greenspaces' ? ['Point', 'MultiPoint', 'Polygon', 'MultiPolygon'] : ['Polygon', 'MultiPolygon'];
  if (!allowed.includes(g.type)) return `geometry is ${g.type}; expected ${allowed.join(' or ')}`;
  const pts = positions(f);
  if (pts.length === 0) return 'geometry is empty';
  for (const p of pts) {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'a coordinate is not a number';
    if (Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90) return `coordinate [${p[0]}, ${p[1]}] is not a lon/lat`;
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const r of rings) {
      if (r.length < 4) return 'a polygon ring has fewer than 4 positions';
      const a = r[0]!, b = r[r.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) return 'a polygon ring is not closed (first and last positions differ)';
    }
  }
  const far = pts.find((p) => km(p[0]!, p[1]!) > MAX_KM);
  if (far) return `lies ${Math.round(km(far[0]!, far[1]!))} km from Jiangbei (more than ${MAX_KM} km): wrong coordinates or coordinate order?`;
  if (kind === 'greenspaces') {
    const tier = f.properties?.tier;
    if (!TIERS.includes(tier)) return tier === undefined ? 'property "tier" is missing (park, garden or leisure)' : `tier "${String(tier).slice(0, 20)}" is not park, garden or leisure`;
  }
  return '';
}
