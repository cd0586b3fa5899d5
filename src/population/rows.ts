/** What the population parsers share: the points they find and the problems they list. */

/** One problem with the planner's file: a row (CSV, 1-based line), feature (GeoJSON) or pixel range (GeoTIFF). */
export interface PopulationProblem {
  /** Where: "line 12", "feature 3", "row 40, columns 7–19". */
  where: string;
  message: string;
}

/** Problems listed one by one at most; the rest are counted. */
export const MAX_LISTED = 100;

export class ProblemList {
  readonly listed: PopulationProblem[] = [];
  count = 0;
  add(where: string, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push({ where, message });
  }
}

/** Jiangbei's centre and how far from it people may be (the worker's own limit). */
export const CENTRE: readonly [number, number] = [106.669, 29.619];
export const MAX_KM = 60;

export function kmFromCentre(lon: number, lat: number): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((lat - CENTRE[1]) * rad) / 2) ** 2 + Math.cos(CENTRE[1] * rad) * Math.cos(lat * rad) * Math.sin(((lon - CENTRE[0]) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** The problem with a position, or '' (a hint when latitude and longitude look swapped). */
export function positionProblem(lon: number, lat: number): string {
  const swapped = Number.isFinite(lon) && Number.isFinite(lat) && kmFromCentre(lat, lon) <= MAX_KM ? ' (latitude and longitude swapped?)' : '';
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return `[${lon}, ${lat}] is not a longitude, latitude${swapped}`;
  const d = kmFromCentre(lon, lat);
  if (d <= MAX_KM) return '';
  return `[${lon}, ${lat}] is ${Math.round(d)} km from Jiangbei${swapped}`;
}

/** A count of people: a finite number ≥ 0 (numeric text accepted), else null. */
export function countOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}
