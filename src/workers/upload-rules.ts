/**
 * Which uploaded features can be used: the site rules every side shares (../../domain/sites),
 * applied per kind of upload. The worker checks again on every analysis request; running
 * the same rules here lets the planner see every problem at once, by feature, before
 * anything is sent.
 */
import type { Feature } from 'geojson';
import { AREA_GEOMETRIES, siteProblems } from '../../domain/sites';

export type UploadKind = 'greenspaces' | 'builtup';

/** The first problem with a feature, or '' when it can be used. */
export function checkUploadFeature(f: Feature, kind: UploadKind): string {
  const rules = kind === 'greenspaces' ? {} : { geometries: AREA_GEOMETRIES, needsTier: false };
  return siteProblems(f, rules)[0]?.message.replace(/\.$/, '') ?? '';
}
