/**
 * Checks a scenario sent for sharing. The body is the workbench's own scenario file (a
 * GeoJSON FeatureCollection of the proposals, the rest in the `jiangbei_scenario` member:
 * see src/state/scenario.ts), checked by the two checks that already exist for it:
 * - the analysis API's site checks (../analysis/validate-input.ts: GeoJSON structure,
 *   tiers, coordinates in range and near Jiangbei, radii, mode), so a shared scenario can
 *   always be analysed;
 * - the workbench's own reader (fromGeoJSON), so it can always be opened in the page;
 * plus the sharing limits (./limits.ts). Pure: returns the scenario in its canonical file
 * form (what the workbench would export), or the problem as a 4xx status and code.
 */
import { FILE_MEMBER, fromGeoJSON, type Scenario, ScenarioFileError, toGeoJSON } from '../../src/state/scenario';
import { checkMode, checkRadii, checkSites, type Problem } from '../analysis/validate-input';
import { SCENARIO_LIMITS } from './limits';

interface SharedFile {
  scenario: Scenario;
  /** The canonical file form as JSON text: what is stored. */
  text: string;
  features: number;
}

export type CheckedFile =
  | { ok: true; value: SharedFile }
  | { ok: false; status: 413 | 422; code: string; message: string; problems?: Problem[]; details?: Record<string, unknown> };

const bad = (status: 413 | 422, code: string, message: string, extra: { problems?: Problem[]; details?: Record<string, unknown> } = {}): CheckedFile => ({
  ok: false,
  status,
  code,
  message,
  ...extra,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed request body; see the module comment. */
export function checkScenarioFile(body: unknown, fallbackName = 'Shared scenario'): CheckedFile {
  if (!isObject(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    return bad(
      422,
      'invalid_scenario',
      `The body must be a scenario file: a GeoJSON FeatureCollection of the proposed sites, with the name, closures, radii and mode in "${FILE_MEMBER}" (what the workbench exports).`,
    );
  }
  const L = SCENARIO_LIMITS;
  if (body.features.length > L.maxFeatures) {
    return bad(413, 'too_many_features', `${body.features.length} proposed sites; a shared scenario holds at most ${L.maxFeatures}.`, {
      details: { limit: 'maxFeatures', max: L.maxFeatures },
    });
  }
  const meta = body[FILE_MEMBER] ?? {};
  if (!isObject(meta)) return bad(422, 'invalid_scenario', `"${FILE_MEMBER}" must be an object { name, closures, radii, mode }.`);
  if (meta.name !== undefined && typeof meta.name !== 'string') return bad(422, 'invalid_scenario', 'The scenario name must be text.');
  if (typeof meta.name === 'string' && meta.name.length > L.maxNameChars) {
    return bad(422, 'name_too_long', `The name has ${meta.name.length} characters; at most ${L.maxNameChars} are kept.`, {
      details: { limit: 'maxNameChars', max: L.maxNameChars },
    });
  }
  if (meta.closures !== undefined) {
    if (!Array.isArray(meta.closures)) return bad(422, 'invalid_scenario', 'closures must be a list of green-space ids.');
    if (meta.closures.length > L.maxClosures) {
      return bad(413, 'too_many_closures', `${meta.closures.length} closed green spaces; a shared scenario holds at most ${L.maxClosures}.`, {
        details: { limit: 'maxClosures', max: L.maxClosures },
      });
    }
    const i = meta.closures.findIndex((x) => typeof x !== 'string' || x.length === 0 || x.length > 200);
    if (i >= 0) return bad(422, 'invalid_scenario', `closures[${i}] must be a green-space id (text of 1–200 characters).`);
  }
  const sites = checkSites({ type: 'FeatureCollection', features: body.features });
  if (!sites.ok) return bad(sites.code === 'too_many_vertices' ? 413 : 422, sites.code, sites.message, { problems: sites.problems });
  const radii = checkRadii(meta.radii);
  if (!radii.ok) return bad(422, radii.code, radii.message, { problems: radii.problems });
  const mode = checkMode(meta.mode);
  if (!mode.ok) return bad(422, mode.code, mode.message, { problems: mode.problems });
  let scenario: Scenario;
  try {
    scenario = fromGeoJSON(body, fallbackName);
  } catch (err) {
    if (err instanceof ScenarioFileError) return bad(422, 'invalid_scenario', err.message);
    throw err;
  }
  return { ok: true, value: { scenario, text: JSON.stringify(toGeoJSON(scenario)), features: scenario.proposals.length } };
}
