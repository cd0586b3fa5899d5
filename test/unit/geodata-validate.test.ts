/**
 * The shipped layers pass every check, and each deliberately broken fixture in
 * test/fixtures/geodata/ fails with a message naming the file, the feature and the problem.
 * A fixture says what it breaks in two foreign members: `layer` (which layer's rules apply)
 * and `expect` ({ check, feature }).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import manifest from '../../geodata/layers.json';
import osmRules from '../../geodata/src/osm-rules.json';
import { type Check, formatProblem, LAYER_RULES, TIERS, tierForArea, validateAll, validateLayer } from '../../geodata/validate';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const shipped: Record<string, FeatureCollection> = Object.fromEntries(
  manifest.layers.map((l) => [l.id, JSON.parse(read(`geodata/${l.id}.geojson`)) as FeatureCollection]),
);
const context = { district: shipped.boundary, rivers: shipped.rivers };

describe('shipped geodata', () => {
  it('has a file and validation rules for every layer in the manifest', () => {
    for (const l of manifest.layers) {
      expect(shipped[l.id]!.features.length, l.id).toBeGreaterThan(0);
      expect(LAYER_RULES[l.id], l.id).toBeDefined();
    }
  });

  // ~5 s on a quiet machine (real OSM outlines: built-up land, green spaces against the rivers), more beside other jobs
  it('passes every check', () => {
    const problems = validateAll(shipped);
    expect(problems.map(formatProblem)).toEqual([]);
  }, 30_000);

  it('is small: all layers together ≤ 300 KB gzipped', () => {
    const total = manifest.layers.reduce((s, l) => s + gzipSync(read(`geodata/${l.id}.geojson`)).length, 0);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('has the plan parts the page names', () => {
    const ids = (id: string) => shipped[id]!.features.map((f) => f.properties!.id).sort();
    expect(ids('cores')).toEqual(['guanyinqiao', 'jiangbeizui']);
    expect(ids('zones')).toEqual(['changan-no3', 'gangcheng-tanggui', 'nanqiaosi', 'wangjiang', 'wubao']);
    expect(shipped.belt!.features.length).toBeGreaterThan(0);
    for (const id of ['belt', 'cores', 'zones']) for (const f of shipped[id]!.features) expect(f.properties!.schematic).toBe(true);
  });

  it('has green spaces of every tier, with an area or a reason there is none', () => {
    const gs = shipped.greenspaces!.features;
    for (const tier of ['park', 'garden', 'leisure']) expect(gs.filter((f) => f.properties!.tier === tier).length, tier).toBeGreaterThan(0);
    for (const f of gs) {
      const p = f.properties!;
      if (f.geometry.type !== 'Point') expect(p.area_ha, String(p.id)).toBeGreaterThan(0);
      else if (p.area_ha === null) expect(p.area_note, String(p.id)).toMatch(/not known/);
    }
  });

  it('marks nothing placed by hand as high confidence', () => {
    for (const id of ['bridges', 'belt', 'cores', 'zones', 'greenspaces', 'builtup', 'landmarks'])
      for (const f of shipped[id]!.features)
        if (String(f.properties!.source).startsWith('hand-placed')) expect(f.properties!.confidence, `${id} ${String(f.properties!.id)}`).not.toBe('high');
  });

  it('green spaces and sports grounds carry the contract properties; outside ones within reach, the rest inside', () => {
    for (const id of ['greenspaces', 'sports']) {
      for (const f of shipped[id]!.features) {
        const p = f.properties!;
        const label = `${id} ${String(p.id)}`;
        expect(typeof p.unnamed, label).toBe('boolean');
        expect(typeof p.outside, label).toBe('boolean');
        expect(TIERS, label).toContain(p.tier);
        if (String(p.source).startsWith('osm:')) {
          expect(p.id, label).toMatch(/^osm-\d+$/);
          expect(p.osm_fclass, label).toEqual(expect.any(String));
          expect(p.source, label).toMatch(/^osm:(node|way|relation|way-or-relation)\/\d+/);
          expect(p.source, label).toContain('© OpenStreetMap contributors');
        }
        if (id === 'sports') expect(p.tier, label).toBe(osmRules.tiers.sports_tier);
        else if (!String(p.source).startsWith('hand-placed')) expect(p.tier, label).toBe(tierForArea(p.area_ha as number | null));
      }
      expect(
        shipped[id]!.features.some((f) => f.properties!.outside === true),
        id,
      ).toBe(true);
    }
  });
});

describe('tier rule (geodata/src/osm-rules.json)', () => {
  const rules = osmRules.tiers.rules;
  it('follows GB/T 51346-2019 classes: ≥ 10 ha park, ≥ 1 ha garden, else leisure; points leisure', () => {
    expect(rules.map((r) => [r.tier, r.min_ha, r.radius_m])).toEqual([
      ['park', 10, 2000],
      ['garden', 1, 1000],
      ['leisure', 0, 500],
    ]);
    expect([tierForArea(10), tierForArea(9.99), tierForArea(1), tierForArea(0.99), tierForArea(null)]).toEqual([
      'park',
      'garden',
      'garden',
      'leisure',
      'leisure',
    ]);
  });

  const base = (props: Record<string, unknown>) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'x',
          name_zh: '测试',
          name_en: 'Test',
          unnamed: false,
          tier: 'garden',
          area_ha: null,
          outside: false,
          area_note: 'not known',
          source: 'hand-placed: test',
          confidence: 'low',
          ...props,
        },
        geometry: { type: 'Point', coordinates: [106.6, 29.63] },
      },
    ],
  });
  it('lets a hand-placed feature differ from the size rule only with a tier_note', () => {
    expect(validateLayer('greenspaces', base({}), context).filter((p) => p.check === 'tier')).toHaveLength(1);
    expect(validateLayer('greenspaces', base({ tier_note: 'the source calls it a community park' }), context).filter((p) => p.check === 'tier')).toEqual([]);
    expect(
      validateLayer('greenspaces', base({ tier_note: 'x', source: 'osm:node/1 (test)', osm_fclass: 'park' }), context).filter((p) => p.check === 'tier'),
    ).toHaveLength(1);
  });
  it('asks OSM features for their fclass', () => {
    const p = validateLayer('greenspaces', base({ tier: 'leisure', source: 'osm:node/1 (test)' }), context);
    expect(p.map(formatProblem).join('\n')).toMatch(/osm_fclass/);
  });
});

const fixtureDir = new URL('test/fixtures/geodata/', root);
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.geojson'));

describe('broken fixtures', () => {
  it('cover every check', () => {
    const checks = new Set(fixtures.map((f) => (JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as { expect: { check: Check } }).expect.check));
    const all: Check[] = [
      'geojson',
      'geometry-type',
      'properties',
      'unique-id',
      'closed-ring',
      'winding',
      'self-intersection',
      'bounds',
      'precision',
      'on-land',
      'inside-district',
      'duplicate',
      'crossing',
      'tier',
      'outside',
    ];
    expect([...checks].sort()).toEqual(all.sort());
  });

  it.each(fixtures)('%s fails, naming file, feature and problem', (name) => {
    const fc = JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8')) as FeatureCollection & { layer: string; expect: { check: Check; feature: string } };
    const file = `test/fixtures/geodata/${name}`;
    const problems = validateLayer(fc.layer, fc, { ...context, file });
    const hit = problems.find((p) => p.check === fc.expect.check && p.feature === fc.expect.feature);
    expect(hit, `${name}: got ${problems.map(formatProblem).join(' | ') || 'no problems'}`).toBeDefined();
    const line = formatProblem(hit!);
    expect(line).toContain(file);
    expect(line).toContain(fc.expect.feature);
    expect(hit!.message.length).toBeGreaterThan(10);
  });

  it('rejects something that is not a FeatureCollection', () => {
    const p = validateLayer('landmarks', { type: 'Point', coordinates: [106.5, 29.6] });
    expect(p).toHaveLength(1);
    expect(formatProblem(p[0]!)).toMatch(/geodata\/landmarks\.geojson: feature -: \[geojson\] expected a FeatureCollection/);
  });
});
