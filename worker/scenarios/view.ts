/**
 * The JSON a reader gets for one stored version: the scenario file as the workbench reads
 * it, with its name, number and dates, and how it stands against today's shipped layers
 * (the data version it was made on, and any closed green space that no longer ships).
 * Pure: the route passes in the current data version and the shipped green-space ids.
 */
import type { ScenarioVersion } from '../../domain/api';
import type { Head, VersionRow } from './store';

/** One stored version as readers get it: the API's ScenarioVersion (domain/api.ts). */
export type ScenarioView = ScenarioVersion;

export function scenarioView(id: string, head: Head, row: VersionRow, currentData: string, shippedIds: ReadonlySet<string>): ScenarioView {
  const scenario = JSON.parse(row.body) as ScenarioView['scenario'];
  const closures = scenario.jiangbei_scenario?.closures ?? [];
  return {
    id,
    version: row.n,
    latest: head.latest,
    name: row.name,
    created: head.created_at,
    saved: row.created_at,
    features: row.features,
    data: {
      version: row.data_version,
      current: currentData,
      matches: row.data_version === currentData,
      missing_closures: closures.filter((c) => !shippedIds.has(c)),
    },
    scenario,
  };
}

/** The ETag of a version: a strong validator naming its number, e.g. "v3". */
export const versionTag = (n: number) => `"v${n}"`;

/**
 * The version an If-Match header names: `"v3"` (as the ETag reads), `W/"v3"`, `"3"` or 3.
 * Null when the header names no version (several tags, `*`, junk).
 */
export function ifMatchVersion(header: string): number | null {
  const m = /^\s*(?:W\/)?"?v?(\d{1,9})"?\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}
