import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fromGeoJSON, newScenario, QuotaError, type Scenario, ScenarioFileError, ScenarioStore, scenarioSites, toGeoJSON } from '../../src/state/scenario';

/** An in-memory Web Storage, with an optional byte quota. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const size = [...this.map].reduce((n, [a, b]) => n + a.length + b.length, 0) + k.length + v.length - (this.map.get(k)?.length ?? 0);
    if (size > this.quota) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

function sample(): Scenario {
  const s = newScenario('东部口袋公园');
  s.proposals.push({ id: 'p1', tier: 'leisure', name: '口袋公园 A', geometry: { type: 'Point', coordinates: [106.6, 29.6] } });
  s.proposals.push({
    id: 'p2',
    tier: 'garden',
    name: '',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [106.61, 29.61],
          [106.62, 29.61],
          [106.62, 29.62],
          [106.61, 29.61],
        ],
      ],
    },
    gain_km2: 0.31,
  });
  s.closures.push('tashan');
  s.radii.leisure = 300;
  s.mode = 'walk';
  return s;
}

describe('scenario files', () => {
  it('round-trips through GeoJSON unchanged', () => {
    const s = sample();
    const text = JSON.stringify(toGeoJSON(s));
    const back = fromGeoJSON(JSON.parse(text));
    const { id: _a, updated: _b, ...want } = s;
    const { id: _c, updated: _d, ...got } = back;
    expect(got).toEqual(want);
  });

  it('names what is wrong in a bad file', () => {
    expect(() => fromGeoJSON({ type: 'Feature' })).toThrow(ScenarioFileError);
    expect(() =>
      fromGeoJSON({ type: 'FeatureCollection', features: [{ properties: { tier: 'forest' }, geometry: { type: 'Point', coordinates: [106, 29] } }] }),
    ).toThrow(/Feature 1: tier/);
    expect(() =>
      fromGeoJSON({ type: 'FeatureCollection', features: [{ properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [999, 29] } }] }),
    ).toThrow(/Feature 1: position \[999, 29\] is out of range/);
    // The same rules as the worker's: a site far from Jiangbei, or a line, is refused by name.
    expect(() =>
      fromGeoJSON({ type: 'FeatureCollection', features: [{ properties: { tier: 'park' }, geometry: { type: 'Point', coordinates: [29.6, 106.6] } }] }),
    ).toThrow(/Feature 1: position \[29.6, 106.6\] is out of range .*look swapped/);
    expect(() =>
      fromGeoJSON({
        type: 'FeatureCollection',
        features: [
          {
            properties: { tier: 'park' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [106.6, 29.6],
                [106.7, 29.6],
              ],
            },
          },
        ],
      }),
    ).toThrow(/Feature 1: geometry type LineString is not supported; use Point or Polygon/);
    expect(() =>
      fromGeoJSON({ type: 'FeatureCollection', features: [{ properties: { tier: 'park' }, geometry: { type: 'Polygon', coordinates: 7 } }] }),
    ).toThrow(/Feature 1: geometry must be a Point or a Polygon/);
    // Tiers may be written as the plan's names.
    expect(
      fromGeoJSON({ type: 'FeatureCollection', features: [{ properties: { tier: '街头绿园' }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } }] })
        .proposals[0]!.tier,
    ).toBe('garden');
    expect(() => fromGeoJSON({ type: 'FeatureCollection', features: [], jiangbei_scenario: { radii: { park: -5 } } })).toThrow(
      /radii.park must be a number of metres from 50 to 3000/,
    );
  });

  it('gives the analysis the base sites minus closures plus proposals', () => {
    const base: FeatureCollection = {
      type: 'FeatureCollection',
      features: ['tashan', 'hongensi'].map((id) => ({
        type: 'Feature',
        properties: { id, tier: 'park' },
        geometry: { type: 'Point', coordinates: [106.5, 29.6] },
      })),
    };
    const sites = scenarioSites(base, sample());
    expect(sites.features.map((f) => f.properties!.id)).toEqual(['hongensi', 'p1', 'p2']);
    expect(sites.features[1]!.properties).toMatchObject({ tier: 'leisure', proposed: true });
  });
});

describe('scenario store', () => {
  it('keeps scenarios across instances (a reload), newest first', () => {
    const storage = new MemoryStorage();
    const a = new ScenarioStore(storage).save(sample());
    const b = new ScenarioStore(storage).save({ ...newScenario('second'), updated: '' });
    const { scenarios, problems } = new ScenarioStore(storage).list();
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(scenarios[1]!.proposals).toEqual(a.proposals);
    expect(new ScenarioStore(storage).currentId()).toBe(b.id);
  });

  it('reports a corrupt entry, keeps the rest, and can set it aside without destroying it', () => {
    const storage = new MemoryStorage();
    const store = new ScenarioStore(storage);
    const good = store.save(sample());
    storage.setItem('jb.scenario.broken', '{"id": "broken", "proposals": [oops');
    const { scenarios, problems } = store.list();
    expect(scenarios.map((s) => s.id)).toEqual([good.id]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe('jb.scenario.broken');
    store.quarantine('jb.scenario.broken');
    expect(store.list().problems).toEqual([]);
    expect(storage.getItem('jb.corrupt.broken')).toContain('oops');
  });

  it('reports a full quota as a QuotaError instead of losing the save silently', () => {
    const store = new ScenarioStore(new MemoryStorage(200));
    expect(() => store.save(sample())).toThrow(QuotaError);
  });
});
