/**
 * What the population parsers share: the problems they list, and the checks of a position
 * and a count (how far from Jiangbei people may be is the worker's own rule, domain/sites.ts).
 */
import { kmFromJiangbei, MAX_KM_FROM_JIANGBEI } from '../../domain/sites';

/** One problem with the planner's file: a row (CSV, 1-based line), feature (GeoJSON) or pixel range (GeoTIFF). */
export interface PopulationProblem {
  /** Where: "line 12", "feature 3", "row 40, columns 7–19". */
  where: string;
  message: string;
}

/** Problems listed one by one at most; the rest are counted. */
const MAX_LISTED = 100;

export class ProblemList {
  readonly listed: PopulationProblem[] = [];
  count = 0;
  add(where: string, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push({ where, message });
  }
}

/** The problem with a position, or '' (a hint when latitude and longitude look swapped). */
export function positionProblem(lon: number, lat: number): string {
  const swapped = Number.isFinite(lon) && Number.isFinite(lat) && kmFromJiangbei(lat, lon) <= MAX_KM_FROM_JIANGBEI ? ' (latitude and longitude swapped?)' : '';
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return `[${lon}, ${lat}] is not a longitude, latitude${swapped}`;
  const d = kmFromJiangbei(lon, lat);
  if (d <= MAX_KM_FROM_JIANGBEI) return '';
  return `[${lon}, ${lat}] is ${Math.round(d)} km from Jiangbei${swapped}`;
}

/** A count of people: a finite number ≥ 0 (numeric text accepted), else null. */
export function countOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}
