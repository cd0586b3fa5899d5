/** Files the planner takes away: CSV of the coverage table, GeoJSON, PNG. */
import type { Coverage } from './api';

/** UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly. */
export const CSV_BOM = '\uFEFF';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One row per area and tier. `source` (the data's credit, e.g. "Map data © OpenStreetMap
 * contributors …") is repeated on every row as `data_source`, so it survives any filtering or
 * re-sorting of the file; `sports_as_leisure` says whether sports grounds were counted;
 * `scenario` and `date` say what the numbers are for and when they were taken. An area with no
 * built-up land has no rate: its rate cells are blank (the page shows "–"), never 0.
 */
export function coverageCsv(c: Coverage, baseline?: Coverage, source = '', meta: { scenario?: string; date?: string } = {}): string {
  // With a population: people served, people in the area and their share, and where the counts came from.
  const people = c.people !== undefined;
  const peopleHead = people
    ? ['people_covered', 'people_total', 'people_pct', ...(baseline ? ['baseline_people_pct', 'change_people_pp'] : []), 'population_source', 'population_date']
    : [];
  const head = [
    'area_id',
    'kind',
    'name_zh',
    'name_en',
    'tier',
    'radius_m',
    'covered_km2',
    'total_km2',
    'coverage_pct',
    ...(baseline ? ['baseline_pct', 'change_pp'] : []),
    ...peopleHead,
    'mode',
    'measured_over',
    'sports_as_leisure',
    'scenario',
    'date',
    'data_source',
  ];
  const rows: (string | number)[][] = [];
  const district = { id: 'jiangbei', kind: 'district' as const, name_zh: '江北区', name_en: 'Jiangbei District', tiers: c.tiers };
  const date = meta.date ?? new Date().toISOString().slice(0, 10);
  for (const a of [district, ...c.areas.filter((x) => x.kind !== 'district')]) {
    const base = baseline && (a.kind === 'district' ? baseline.tiers : baseline.areas.find((x) => x.id === a.id)?.tiers);
    for (const r of a.tiers) {
      const b = base?.find((x) => x.tier === r.tier);
      const bp = b?.people_pct;
      const peopleCells = people
        ? [
            r.people_covered ?? '',
            r.people_total ?? '',
            r.people_pct ?? '',
            ...(baseline ? [bp ?? '', bp !== undefined && r.people_pct !== undefined ? Math.round((r.people_pct - bp) * 100) / 100 : ''] : []),
            c.people?.source ?? '',
            c.people?.date ?? '',
          ]
        : [];
      const rated = r.total_km2 > 0;
      rows.push([
        a.id,
        a.kind,
        a.name_zh,
        a.name_en,
        r.tier,
        r.radius_m,
        rated ? r.covered_km2 : '',
        r.total_km2,
        rated ? r.coverage_pct : '',
        ...(baseline ? [rated && b ? b.coverage_pct : '', rated && b ? Math.round((r.coverage_pct - b.coverage_pct) * 100) / 100 : ''] : []),
        ...peopleCells,
        c.mode,
        c.of,
        String(c.sports === true),
        meta.scenario ?? '',
        date,
        source,
      ]);
    }
  }
  return `${CSV_BOM + [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function download(name: string, data: string | Blob, type = 'application/octet-stream') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
