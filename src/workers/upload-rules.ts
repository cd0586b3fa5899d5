/**
 * Which uploaded features can be used: the site rules every side shares (domain/sites.ts),
 * applied per kind of upload. The worker checks again on every analysis request; running
 * the same rules here lets the planner see every problem at once, by feature, before anything
 * is sent. A problem is a code and its values: the page words it in its own language (from
 * content/messages/upload.ts).
 */
import type { Feature } from 'geojson';
import { AREA_GEOMETRIES, siteProblems } from '../../domain/sites';

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

/** The first problem with a feature, or undefined when it can be used. */
export function checkUploadFeature(f: Feature, kind: UploadKind): UploadProblem | undefined {
  const p = siteProblems(f, kind === 'greenspaces' ? {} : { geometries: AREA_GEOMETRIES, needsTier: false })[0];
  if (!p) return undefined;
  const v = p.values ?? {};
  const at = { lon: v.lon ?? Number.NaN, lat: v.lat ?? Number.NaN };
  switch (p.code) {
    case 'no_geometry':
      return { code: 'no-geometry' };
    case 'unsupported_geometry':
      return { code: 'geometry-type', type: v.type ?? '', expected: v.expected ?? '' };
    case 'unknown_tier':
      return v.tier === undefined ? { code: 'tier-missing' } : { code: 'tier-bad', tier: v.tier };
    case 'bad_ring':
      return { code: v.kind === 'short' ? 'ring-short' : 'ring-open' };
    case 'bad_position':
      if (v.kind === 'empty' || v.kind === 'not-number') return { code: v.kind };
      return { code: v.swapped ? 'swapped' : 'not-lonlat', ...at };
    case 'far_from_district':
      return v.swapped ? { code: 'swapped', ...at } : { code: 'far', km: v.km ?? 0, max: v.max ?? 0 };
  }
}
