import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/api';
import { CSV_BOM, coverageCsv } from '../../src/export';

const tiers = (p: number) =>
  (['leisure', 'garden', 'park'] as const).map((tier, i) => ({
    tier,
    radius_m: [500, 1000, 2000][i]!,
    covered_km2: 10 + i,
    total_km2: 60,
    coverage_pct: p + i,
    land_covered_km2: 20 + i,
    land_total_km2: 200,
    land_coverage_pct: 10 + i,
  }));
const coverage = (p: number): Coverage => ({
  mode: 'radius',
  radii: { leisure: 500, garden: 1000, park: 2000 },
  of: 'builtup',
  sites: 95,
  sports: false,
  computed_ms: 1,
  tiers: tiers(p),
  areas: [{ id: 'wubao', kind: 'zone', name_zh: '五宝片区', name_en: 'Wubao, "east"', tiers: tiers(p - 5) }],
});

describe('coverage CSV', () => {
  it('starts with a BOM, quotes what needs quoting, and has a row per area and tier', () => {
    const csv = coverageCsv(coverage(20), undefined, '', { scenario: 'today', date: '2026-12-02' });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1]).toBe('jiangbei,district,江北区,Jiangbei District,leisure,500,10,60,20,radius,builtup,false,today,2026-12-02,');
    expect(lines[4]).toContain('"Wubao, ""east"""');
  });

  it('adds the baseline and the change in percentage points', () => {
    const lines = coverageCsv(coverage(25), coverage(20), '', { scenario: 'Plan A', date: '2026-12-02' }).slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('baseline_pct,change_pp');
    expect(lines[1]).toBe('jiangbei,district,江北区,Jiangbei District,leisure,500,10,60,25,20,5,radius,builtup,false,Plan A,2026-12-02,');
  });

  it('names the data’s source on every row, quoted when it needs to be, and whether sports grounds counted', () => {
    const credit = 'Map data © OpenStreetMap contributors (Geofabrik extract, data as of 2026-04-11), ODbL 1.0';
    const lines = coverageCsv({ ...coverage(20), sports: true }, undefined, credit)
      .slice(1)
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(-4)).toEqual(['sports_as_leisure', 'scenario', 'date', 'data_source']);
    const today = new Date().toISOString().slice(0, 10);
    for (const line of lines.slice(1)) expect(line.endsWith(`,true,,${today},"${credit}"`)).toBe(true);
  });

  it('leaves the rate blank, not 0, where an area has no built-up land', () => {
    const empty = tiers(0).map((r) => ({ ...r, covered_km2: 0, total_km2: 0, coverage_pct: 0 }));
    const c = { ...coverage(25), areas: [{ id: 'wubao', kind: 'zone' as const, name_zh: '五宝片区', name_en: 'Wubao', tiers: empty }] };
    const lines = coverageCsv(c, coverage(20), '', { scenario: 'A', date: '2026-12-02' }).slice(1).trim().split('\r\n');
    expect(lines[4]).toBe('wubao,zone,五宝片区,Wubao,leisure,500,,0,,,,radius,builtup,false,A,2026-12-02,');
  });

  it('with a population: people served, people in the area, their share and its change, and the population’s source and date', () => {
    const withPeople = (c: Coverage, pct: number): Coverage => ({
      ...c,
      tiers: c.tiers.map((r, i) => ({ ...r, people_covered: 1000 * (pct + i), people_total: 100_000, people_pct: pct + i })),
      areas: c.areas.map((a) => ({ ...a, tiers: a.tiers.map((r) => ({ ...r, people_covered: 0, people_total: 0, people_pct: 0 })) })),
      people: { source: 'Census, "grid" 2020', date: '2020', given: 120_000, total: 100_000, outside: 20_000, extent_builtup_pct: 100 },
    });
    const lines = coverageCsv(withPeople(coverage(25), 40), withPeople(coverage(20), 35), '', { date: '2026-12-02' })
      .slice(1)
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('people_covered,people_total,people_pct,baseline_people_pct,change_people_pp,population_source,population_date');
    expect(lines[1]).toBe(
      'jiangbei,district,江北区,Jiangbei District,leisure,500,10,60,25,20,5,40000,100000,40,35,5,"Census, ""grid"" 2020",2020,radius,builtup,false,,2026-12-02,',
    );
    // Without a population, no people columns.
    expect(coverageCsv(coverage(20)).includes('people')).toBe(false);
  });
});
