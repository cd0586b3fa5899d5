import { describe, expect, it } from 'vitest';
import { checkBody, checkPoint, checkRadii, checkSites, LIMITS } from '../../worker/analysis/validate-input';

const pt = (lon: number, lat: number, tier: unknown = 'leisure') => ({
  type: 'Feature',
  properties: { tier },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function problems(r: ReturnType<typeof checkSites>) {
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('validating POSTed sites', () => {
  it('accepts points and polygons near Jiangbei with a tier', () => {
    const poly = {
      type: 'Feature',
      properties: { tier: 'park' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.6, 29.6],
            [106.61, 29.6],
            [106.61, 29.61],
            [106.6, 29.6],
          ],
        ],
      },
    };
    expect(checkSites(fc(pt(106.6, 29.6), poly)).ok).toBe(true);
  });

  it('names the feature index and the problem: unknown tier', () => {
    const r = problems(checkSites(fc(pt(106.6, 29.6), pt(106.6, 29.6), pt(106.6, 29.6, 'pond'))));
    expect(r.code).toBe('unknown_tier');
    expect(r.problems[0]).toMatchObject({ index: 2, field: 'sites.features[2].properties.tier' });
    expect(r.message).toMatch(/^Feature 2: tier "pond" is not one of leisure, garden, park/);
  });

  it('missing tier', () => {
    const r = problems(checkSites(fc({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.6, 29.6] } })));
    expect(r.message).toContain('has no properties.tier');
  });

  it('not GeoJSON: geojson-validation’s reason, with the index', () => {
    const r = problems(checkSites(fc(pt(106.6, 29.6), { type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: ['a', 1] } })));
    expect(r.code).toBe('invalid_geojson');
    expect(r.problems[0]!.index).toBe(1);
    expect(r.message).toMatch(/Feature 1: not a valid GeoJSON Feature: .*number/);
  });

  it('wrong geometry type', () => {
    const line = {
      type: 'Feature',
      properties: { tier: 'park' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.6, 29.6],
          [106.61, 29.6],
        ],
      },
    };
    const r = problems(checkSites(fc(line)));
    expect(r.code).toBe('unsupported_geometry');
    expect(r.message).toContain('LineString is not supported');
  });

  it('coordinates out of range, and far from Chongqing (e.g. swapped lat/lon)', () => {
    expect(problems(checkSites(fc(pt(200, 29.6)))).message).toContain('out of range');
    const far = problems(checkSites(fc(pt(29.6, 106.6))));
    expect(far.problems[0]!.message).toContain('out of range');
    const paris = problems(checkSites(fc(pt(2.35, 48.85))));
    expect(paris.code).toBe('far_from_district');
    expect(paris.message).toMatch(/Feature 0: position \[2.35, 48.85\] is \d+ km from Jiangbei/);
  });

  it('too many features or positions', () => {
    const many = fc(...Array.from({ length: LIMITS.maxFeatures + 1 }, () => pt(106.6, 29.6)));
    expect(problems(checkSites(many)).code).toBe('too_many_features');
    const ring = Array.from({ length: LIMITS.maxVertices + 10 }, (_, k) => [106.6 + (k % 100) * 1e-5, 29.6 + Math.floor(k / 100) * 1e-5]);
    ring.push(ring[0]!);
    const huge = { type: 'Feature', properties: { tier: 'park' }, geometry: { type: 'Polygon', coordinates: [ring] } };
    expect(problems(checkSites(fc(huge))).code).toBe('too_many_vertices');
  });

  it('lists several problems, each with its index, and counts the rest in the message', () => {
    const r = problems(checkSites(fc(pt(106.6, 29.6, 'x'), pt(106.6, 29.6), pt(106.6, 29.6, 'y'))));
    expect(r.problems.map((p) => p.index)).toEqual([0, 2]);
    expect(r.message).toContain('(and 1 more problem)');
  });

  it('a body must be an object with sites', () => {
    expect(checkBody([]).ok).toBe(false);
    const r = checkBody({ site: fc() });
    expect(!r.ok && r.message).toContain('no `sites`');
    const ok = checkBody({ sites: fc(pt(106.6, 29.6)), radii: { park: 1500 }, mode: 'walk' });
    expect(ok.ok && ok.value.radii).toEqual({ leisure: 500, garden: 1000, park: 1500 });
    expect(ok.ok && ok.value.mode).toBe('walk');
  });
});

describe('validating radii, mode and points', () => {
  it('reads the query syntax tier:metres,… and keeps defaults for the rest', () => {
    const r = checkRadii('leisure:300, park:1500');
    expect(r.ok && r.value).toEqual({ leisure: 300, garden: 1000, park: 1500 });
  });
  it('rejects absurd radii, unknown tiers and unreadable pairs', () => {
    const big = checkRadii('park:100000');
    expect(!big.ok && big.code).toBe('invalid_radius');
    expect(!big.ok && big.message).toContain('from 50 to 3000');
    const neg = checkRadii({ leisure: -5 });
    expect(neg.ok).toBe(false);
    const tier = checkRadii('pond:500');
    expect(!tier.ok && tier.code).toBe('unknown_tier');
    expect(checkRadii('leisure=500').ok).toBe(false);
    expect(checkRadii([500]).ok).toBe(false);
  });
  it('checks points for nearest', () => {
    expect(checkPoint('106.6', '29.6').ok).toBe(true);
    expect(checkPoint('abc', '29.6').ok).toBe(false);
    const far = checkPoint('116.4', '39.9');
    expect(!far.ok && far.code).toBe('far_from_district');
  });
});
