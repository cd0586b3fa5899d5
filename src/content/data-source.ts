/**
 * The OpenStreetMap extract the shipped layers are built from (geodata/src/osm/SOURCE.md):
 * what the attribution, the Data tab and every export name. Its licence asks that the
 * attribution stay visible wherever the data is shown.
 */
export const OSM_SOURCE = {
  /** Geofabrik's extract of Chongqing, OSM data as of this day. */
  date: '2026-04-11',
  licence: 'ODbL 1.0',
  licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
  copyrightUrl: 'https://www.openstreetmap.org/copyright',
  /** Where a feature's OSM object is shown, by type and id. */
  objectUrl: (type: string, id: string) => `https://www.openstreetmap.org/${type}/${id}`,
} as const;

/**
 * A `source` cut into plain text and the OSM objects it names ('osm:way/123 + osm:way/124
 * (merged); © OpenStreetMap contributors …'), so each object can link to its OSM page.
 */
export function osmParts(source: string): (string | { type: string; id: string; text: string })[] {
  const parts: (string | { type: string; id: string; text: string })[] = [];
  let last = 0;
  for (const m of source.matchAll(/osm:(node|way|relation)\/(\d+)/g)) {
    if (m.index > last) parts.push(source.slice(last, m.index));
    parts.push({ type: m[1]!, id: m[2]!, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return parts;
}

/**
 * A layer's sources as a reader can take them in: how many name one OSM object each ('osm:way/…':
 * a few hundred such lines say nothing more than their number), the others as written, the
 * first `max` of them (a method described once per feature would fill the panel), and how many
 * more there are.
 */
export function summariseSources(sources: string[], max = 3): { osm: number; other: string[]; more: number } {
  const others = sources.filter((s) => !/^osm:/.test(s));
  return { osm: sources.length - others.length, other: others.slice(0, max), more: Math.max(0, others.length - max) };
}

/** What kind of source a feature's `source` is, so the Chinese page can say it in Chinese (the geodata writes it in English). */
export type SourceKind = 'osm' | 'hand-placed' | 'boundary' | 'derived' | 'other';

export function sourceKind(source: string): SourceKind {
  if (/^hand-placed/.test(source)) return 'hand-placed';
  if (/^echarts-china-cities/.test(source)) return 'boundary';
  if (/^derived from OpenStreetMap/.test(source)) return 'derived';
  if (/osm:(node|way|relation)\/|OpenStreetMap/.test(source)) return 'osm';
  return 'other';
}
