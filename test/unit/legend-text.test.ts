import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYER_GROUPS } from '../../src/content/layer-groups';
import { swatchMarks } from '../../src/state/legend-look';
import { groupTitle, legendNames, swatchText } from '../../src/state/legend-text';

const geodata = (f: string) => JSON.parse(readFileSync(new URL(`../../geodata/${f}`, import.meta.url), 'utf8'));
const manifest = geodata('layers.json').layers as { id: string; title_zh: string; title_en: string; about_zh: string; about_en: string }[];
const layers = manifest.map((l) => ({ ...l, geometry: 'mixed' as const, count: 0, sources: [], confidence: { high: 0, medium: 0, low: 0 } }));
const zones = geodata('zones.geojson') as FeatureCollection;
const bundle: FeatureCollection = {
  type: 'FeatureCollection',
  features: zones.features.map((f) => ({ ...f, properties: { ...f.properties, layer: 'zones' } })),
};

describe('legend words come from the geodata', () => {
  const names = legendNames(layers, bundle);

  it('titles every shipped group by its layer’s manifest entry, in both languages', () => {
    for (const g of LAYER_GROUPS.filter((x) => x.source !== 'rings' && x.source !== 'gaps')) {
      const entry = manifest.find((l) => l.id === g.source)!;
      expect(g.label, `${g.id} carries no title of its own`).toBeUndefined();
      expect(groupTitle(g, 'zh', names)).toBe(entry.title_zh);
      expect(groupTitle(g, 'en', names)).toBe(entry.title_en);
    }
  });

  it('names each zone swatch by its zone feature', () => {
    const g = LAYER_GROUPS.find((x) => x.id === 'zones')!;
    const shown = g.legend.map((s) => swatchText(s, g, 'zh', names));
    const fromData = zones.features.map((f) => f.properties!.name_zh as string);
    expect(shown.length).toBe(fromData.length);
    expect(new Set(shown)).toEqual(new Set(fromData));
    expect(g.legend.map((s) => swatchText(s, g, 'en', names))).toEqual(
      g.legend.map((s) => zones.features.find((f) => f.properties!.id === s.feature)!.properties!.name_en),
    );
  });

  it('draws every swatch from its own group’s style layers', () => {
    for (const g of LAYER_GROUPS) {
      const own = new Set(g.layers.map((l) => l.id));
      for (const s of g.legend) {
        expect(
          s.layers.every((id) => own.has(id) || id === 'background'),
          `${g.id}: ${s.layers}`,
        ).toBe(true);
        const marks = swatchMarks(s);
        expect(marks.map((m) => m.layer)).toEqual(s.layers);
        for (const m of marks) {
          const paint = g.layers.find((l) => l.id === m.layer)?.paint ?? {};
          if (m.kind !== 'circle' && m.layer !== 'background') expect(m.color).toBe(paint[`${m.kind}-color`]);
        }
      }
    }
  });

  it('titles analysis groups from the catalogue', () => {
    expect(groupTitle(LAYER_GROUPS.find((x) => x.id === 'gaps')!, 'en', names)).toMatch(/gap/i);
  });
});
