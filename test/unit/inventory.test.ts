import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/api';
import type { TourChapter } from '../../src/content/tour';
import { greenInventory, sportsInventory } from '../../src/state/inventory';
import { chapterCaption, tourFacts } from '../../src/state/tour-facts';

const site = (tier: string, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { tier, ...extra },
  geometry: { type: 'Point', coordinates: [106.6, 29.6] },
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('inventory of the district’s green spaces', () => {
  it('counts each tier and confidence inside the district, and the sites outside apart', () => {
    const inv = greenInventory(
      fc([
        site('park', { confidence: 'medium' }),
        site('park', { outside: true, confidence: 'low' }),
        site('garden', { confidence: 'high' }),
        site('leisure', { unnamed: true, confidence: 'low' }),
        site('leisure', { outside: true, unnamed: true }),
        site('leisure', { confidence: 'high' }),
      ]),
    );
    expect(inv).toEqual({ tiers: { park: 1, garden: 1, leisure: 2 }, unnamed: 1, outside: 2, confidence: { high: 2, medium: 1, low: 1 } });
  });

  it('counts sports grounds inside and outside', () => {
    expect(sportsInventory(fc([site('leisure'), site('leisure', { outside: true }), site('leisure')]))).toEqual({ inside: 2, outside: 1 });
  });
});

describe('tour captions quote the figures of the data as it is', () => {
  const tiers = (p: number) =>
    (['leisure', 'garden', 'park'] as const).map((tier, i) => ({
      tier,
      radius_m: [500, 1000, 2000][i]!,
      covered_km2: 30 + i,
      total_km2: 60,
      coverage_pct: p + 10 * i,
      land_covered_km2: 0,
      land_total_km2: 0,
      land_coverage_pct: 0,
    }));
  const coverage = (p: number): Coverage => ({
    mode: 'radius',
    radii: { leisure: 500, garden: 1000, park: 2000 },
    of: 'builtup',
    sites: 95,
    sports: false,
    computed_ms: 0,
    tiers: tiers(p),
    areas: [],
  });
  const chapter: TourChapter = {
    id: 'gaps',
    camera: { center: [106.6, 29.6], zoom: 12, pitch: 0, bearing: 0 },
    layers: [],
    legend: [],
    title: { zh: '缺口', en: 'Gaps' },
    caption: { zh: '橙色是缺口。', en: 'Orange marks gaps.' },
    facts: ['tourFactsGaps', 'tourFactsGapsMet'],
  };
  const inv = { tiers: { park: 3, garden: 5, leisure: 8 }, unnamed: 0, outside: 2, confidence: { high: 16, medium: 0, low: 0 } };

  it('fills a template from the analysis: the gap, the rate, how far from the target', () => {
    const text = chapterCaption(chapter, 'en', tourFacts('en', coverage(49.3), inv));
    expect(text).toBe('Orange marks gaps. Today’s gaps add up to about 30.0 km²; the 500 m rate is 49.3%, 40.7 points short of 90 %.');
  });

  it('takes the next template when a figure does not apply (the target met)', () => {
    expect(chapterCaption(chapter, 'zh', tourFacts('zh', coverage(93.5), inv))).toBe('橙色是缺口。现状500米覆盖率为 93.5%，已超过90%。');
  });

  it('leaves the caption alone until the figures are in', () => {
    expect(chapterCaption(chapter, 'en', tourFacts('en', undefined, undefined))).toBe('Orange marks gaps.');
  });

  it('counts from the layer for the overview', () => {
    const overview = { ...chapter, facts: ['tourFactsOverview' as const] };
    expect(chapterCaption(overview, 'en', tourFacts('en', undefined, inv))).toContain(
      '3 parks, 5 street gardens and 8 leisure spaces in the district, and 2 more',
    );
  });

  it('sums the suggested sites the analysis picked, and keeps the gap figure its own', () => {
    const suggested = {
      radiusM: 500,
      list: [0.8, 0.75, 0.7].map((km2, i) => ({ rank: i + 1, gain_km2: km2, gain_pp: 2 * km2, coordinates: [106.6, 29.6] as [number, number] })),
    };
    const facts = tourFacts('en', coverage(49.3), inv, suggested);
    const closing = { ...chapter, id: 'closing-gaps', facts: ['tourFactsSuggest' as const], suggest: 3 };
    expect(chapterCaption(closing, 'en', facts)).toBe(
      'Orange marks gaps. From today’s data the planner’s analysis picks 3 candidate sites (A–C): together about 2.3 km² more built-up land within 500 m of a leisure space, +4.5 points.',
    );
    expect(chapterCaption(chapter, 'en', facts)).toContain('about 30.0 km²');
    // Without suggestions (not in yet, or failed) the chapter's caption stands alone.
    expect(chapterCaption(closing, 'zh', tourFacts('zh', coverage(49.3), inv))).toBe('橙色是缺口。');
  });
});
