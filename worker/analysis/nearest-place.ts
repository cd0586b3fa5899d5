/**
 * Named places to label things on the map by (stations, landmarks): point features in grid
 * units, and the nearest one to a position. A linear scan: a district has ~100 of them.
 */
import type { FeatureCollection } from 'geojson';
import { type Grid, toGrid } from './grid';

export interface NamedPoint {
  layer: string;
  id: string;
  name_zh: string;
  name_en: string;
  gx: number;
  gy: number;
}

export interface PlaceHit {
  layer: string;
  id: string;
  name_zh: string;
  name_en: string;
  distance_m: number;
}

/**
 * The named Point features of the given layers, in grid units. Features marked
 * `outside: true` (a station across the district line) and `unnamed: true` are left out:
 * a label should name a place within the district.
 */
export function projectPlaces(grid: Grid, layers: Record<string, FeatureCollection | undefined>): NamedPoint[] {
  const out: NamedPoint[] = [];
  for (const [layer, fc] of Object.entries(layers)) {
    for (const f of fc?.features ?? []) {
      const p = f.properties ?? {};
      if (p.outside === true || p.unnamed === true || f.geometry?.type !== 'Point') continue;
      const name_zh = typeof p.name_zh === 'string' ? p.name_zh : '';
      const name_en = typeof p.name_en === 'string' ? p.name_en : '';
      if (!name_zh && !name_en) continue;
      const [gx, gy] = toGrid(grid, f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      out.push({ layer, id: String(p.id ?? f.id ?? ''), name_zh, name_en, gx, gy });
    }
  }
  return out;
}

/** The place nearest a position in grid units, or null when there are none. */
export function nearestPlace(grid: Grid, places: readonly NamedPoint[], gx: number, gy: number): PlaceHit | null {
  let best: NamedPoint | null = null;
  let bd = Infinity;
  for (const p of places) {
    const d = (p.gx - gx) ** 2 + (p.gy - gy) ** 2;
    if (d < bd) {
      bd = d;
      best = p;
    }
  }
  if (!best) return null;
  return { layer: best.layer, id: best.id, name_zh: best.name_zh, name_en: best.name_en, distance_m: Math.round(Math.sqrt(bd) * grid.cell) };
}
