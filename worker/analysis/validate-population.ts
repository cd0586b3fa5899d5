/**
 * Checks the `population` of a POSTed analysis body: people as points with counts on
 * WGS-84 positions, `{ points: [[lon, lat, count], …], source?, date?, extent?, given? }`. The page
 * sends a GeoTIFF's, CSV's or GeoJSON's people this way after resampling them onto the
 * analysis grid (one point per cell centre); an API client may send raw points. Pure: the
 * parsed input, or every bad point listed by index (the first 20, and how many in all).
 */
import { JIANGBEI_CENTRE, kmFromJiangbei, MAX_KM_FROM_JIANGBEI } from '../../domain/sites';
import { type Checked, LIMITS, type Problem } from './validate-input';

export interface PopulationInput {
  points: number[][];
  /** As the planner gave them, echoed: where the counts come from, and of when. */
  source: string | null;
  date: string | null;
  /** Where the population has data (lon/lat: west, south, east, north); null: the points' own bounds. */
  extent: [number, number, number, number] | null;
  /** People in the planner's file in all, when more than the points carry (the page sends the district's cells only). */
  given: number | null;
}

const MAX_TEXT = 200;

const bad = (code: string, field: string, message: string, extra: Problem[] = []): Checked<never> => ({
  ok: false,
  code,
  message,
  problems: [{ field, message }, ...extra].slice(0, LIMITS.maxProblems),
});

/** The problem with one point, or '' when it is good. */
function pointProblem(p: unknown): string {
  if (!Array.isArray(p) || p.length !== 3) return 'must be [lon, lat, count]';
  const [lon, lat, n] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || typeof n !== 'number') return 'lon, lat and count must be numbers';
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return `[${lon}, ${lat}] is not a longitude, latitude`;
  if (!Number.isFinite(n) || n < 0) return `count ${n} is not a number of people (0 or more)`;
  // Within 0.4° of latitude and longitude of the centre is within 60 km: no trigonometry.
  if (Math.abs(lat - JIANGBEI_CENTRE[1]) < 0.4 && Math.abs(lon - JIANGBEI_CENTRE[0]) < 0.4) return '';
  const d = kmFromJiangbei(lon, lat);
  if (d > MAX_KM_FROM_JIANGBEI)
    return `[${lon}, ${lat}] is ${Math.round(d)} km from Jiangbei (more than ${MAX_KM_FROM_JIANGBEI} km): GCJ-02 or swapped coordinates?`;
  return '';
}

export function checkPopulation(input: unknown): Checked<PopulationInput> {
  const field = 'population';
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad('invalid_population', field, '`population` must be an object { "points": [[lon, lat, count], …], "source"?, "date"?, "extent"? }.');
  }
  const o = input as Record<string, unknown>;
  if (!Array.isArray(o.points)) return bad('invalid_population', `${field}.points`, '`population.points` must be an array of [lon, lat, count].');
  const points = o.points as unknown[];
  if (points.length > LIMITS.maxPopulationPoints) {
    return bad(
      'too_many_population_points',
      `${field}.points`,
      `${points.length} population points; at most ${LIMITS.maxPopulationPoints} are accepted (resample to 50 m cells first: the district has about 90,000).`,
    );
  }
  const problems: Problem[] = [];
  let badCount = 0;
  let total = 0;
  const [cx, cy] = JIANGBEI_CENTRE;
  for (let k = 0; k < points.length; k++) {
    // The common case first, without a call: three finite numbers near Jiangbei, count ≥ 0.
    const p = points[k] as number[];
    if (Array.isArray(p) && p.length === 3) {
      const lon = p[0]!;
      const lat = p[1]!;
      const n = p[2]!;
      if (
        typeof n === 'number' &&
        typeof lon === 'number' &&
        typeof lat === 'number' &&
        n >= 0 &&
        n < Infinity &&
        Math.abs(lat - cy) < 0.4 &&
        Math.abs(lon - cx) < 0.4
      ) {
        total += n;
        continue;
      }
    }
    const why = pointProblem(points[k]);
    if (why) {
      badCount++;
      if (problems.length < LIMITS.maxProblems) problems.push({ index: k, field: `${field}.points[${k}]`, message: `population point ${k}: ${why}.` });
    } else total += (points[k] as number[])[2]!;
  }
  if (badCount > 0) {
    const more = badCount > 1 ? ` (and ${badCount - 1} more bad point${badCount > 2 ? 's' : ''})` : '';
    return { ok: false, code: 'invalid_population', message: `${problems[0]!.message.replace(/\.$/, '')}${more}.`, problems };
  }
  if (!(total > 0)) return bad('invalid_population', `${field}.points`, 'the population has no people (every count is 0, or there are no points).');
  const text = (k: 'source' | 'date'): string | null | Checked<never> => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length > MAX_TEXT)
      return bad('invalid_population', `${field}.${k}`, `population.${k} must be text of at most ${MAX_TEXT} characters.`);
    return v;
  };
  const source = text('source');
  if (typeof source === 'object' && source !== null) return source;
  const date = text('date');
  if (typeof date === 'object' && date !== null) return date;
  let extent: PopulationInput['extent'] = null;
  if (o.extent !== undefined && o.extent !== null) {
    const e = o.extent;
    if (!Array.isArray(e) || e.length !== 4 || !e.every((x) => typeof x === 'number' && Number.isFinite(x)) || !(e[0] < e[2]) || !(e[1] < e[3])) {
      return bad('invalid_population', `${field}.extent`, 'population.extent must be [west, south, east, north] in degrees, west < east and south < north.');
    }
    extent = e as [number, number, number, number];
  }
  let given: number | null = null;
  if (o.given !== undefined && o.given !== null) {
    // Counts rounded on the wire (to a thousandth) may add up to a little more than the file's total.
    if (typeof o.given !== 'number' || !Number.isFinite(o.given) || o.given < total * (1 - 1e-6) - 0.001 * points.length) {
      return bad(
        'invalid_population',
        `${field}.given`,
        `population.given must be the file's total number of people, at least the ${Math.round(total)} in the points.`,
      );
    }
    given = o.given;
  }
  return { ok: true, value: { points: points as number[][], source: source as string | null, date: date as string | null, extent, given } };
}

/** The points' own bounds, for a population sent without an extent. */
export function pointsExtent(points: readonly number[][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    if (lon! < b[0]) b[0] = lon!;
    if (lat! < b[1]) b[1] = lat!;
    if (lon! > b[2]) b[2] = lon!;
    if (lat! > b[3]) b[3] = lat!;
  }
  return b;
}
