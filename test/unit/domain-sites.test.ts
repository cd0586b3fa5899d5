import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { siteProblems } from '../../domain/sites';
import { tierFromName } from '../../domain/tiers';
import { checkUploadFeature } from '../../src/workers/upload-rules';
import { checkSites } from '../../worker/analysis/validate-input';

const point = (coordinates: number[], tier: unknown = 'park'): Feature => ({ type: 'Feature', properties: { tier }, geometry: { type: 'Point', coordinates } });
const square = (ring: number[][]): Feature => ({ type: 'Feature', properties: { tier: 'garden' }, geometry: { type: 'Polygon', coordinates: [ring] } });

const CASES: [string, Feature, string | null][] = [
  ['a point in Jiangbei', point([106.58, 29.58]), null],
  [
    'a polygon in Jiangbei',
    square([
      [106.58, 29.58],
      [106.59, 29.58],
      [106.59, 29.59],
      [106.58, 29.58],
    ]),
    null,
  ],
  ['a tier written in Chinese', point([106.58, 29.58], '公园'), null],
  ['Paris', point([2.35, 48.85]), 'far_from_district'],
  ['lat/lon swapped', point([29.58, 106.58]), 'bad_position'],
  ['an unknown tier', point([106.58, 29.58], 'pond'), 'unknown_tier'],
  ['no tier', { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.58, 29.58] } }, 'unknown_tier'],
  [
    'a line',
    {
      type: 'Feature',
      properties: { tier: 'park' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.58, 29.58],
          [106.59, 29.58],
        ],
      },
    },
    'unsupported_geometry',
  ],
];

describe('the site rules, one answer on every side', () => {
  it.each(CASES)('%s', (_, f, code) => {
    expect(siteProblems(f)[0]?.code ?? null).toBe(code);
    // The upload check (in the page's worker) and the API's request check say the same.
    expect(checkUploadFeature(f, 'greenspaces') === undefined).toBe(code === null);
    const api = checkSites({ type: 'FeatureCollection', features: [f] });
    expect(api.ok).toBe(code === null);
    if (!api.ok) expect(api.message).toContain(siteProblems(f)[0]!.message);
  });

  it('diagnoses swapped coordinates and reads tier names', () => {
    expect(siteProblems(point([29.58, 106.58]))[0]!.message).toMatch(/look swapped/);
    expect(siteProblems(point([2.35, 48.85]))[0]!.message).not.toMatch(/swapped/);
    expect([tierFromName('公园'), tierFromName('Street Garden'), tierFromName('口袋公园'), tierFromName('forest')]).toEqual([
      'park',
      'garden',
      'leisure',
      undefined,
    ]);
  });
});
