import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYER_GROUPS } from '../../src/content/layer-groups';
import { TOUR } from '../../src/content/tour';

const layer = (id: string) => JSON.parse(readFileSync(`geodata/${id}.geojson`, 'utf8')) as FeatureCollection;
const groups = new Set(LAYER_GROUPS.map((g) => g.id));

describe('tour chapters (content)', () => {
  it('covers what the brief asks: overview, belt, both cores, all five zones, standard, gaps, closing, summary', () => {
    const ids = TOUR.map((c) => c.id);
    for (const id of [
      'overview',
      'belt',
      'core-guanyinqiao',
      'core-jiangbeizui',
      'zone-nanqiaosi',
      'zone-changan-no3',
      'zone-gangcheng-tanggui',
      'zone-wangjiang',
      'zone-wubao',
      'green-standard',
      'gaps',
      'closing-gaps',
      'summary',
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only layer groups that exist (or the suggested sites, in a chapter that draws them), and captions in both languages', () => {
    for (const c of TOUR) {
      for (const g of c.layers) expect(groups.has(g), `${c.id}: ${g}`).toBe(true);
      for (const g of c.legend) expect(g === 'suggestions' ? Boolean(c.suggest) : groups.has(g), `${c.id}: legend ${g}`).toBe(true);
      expect(c.caption.zh.length).toBeGreaterThan(10);
      expect(c.caption.en.length).toBeGreaterThan(20);
      expect(c.title.zh && c.title.en).toBeTruthy();
    }
  });

  it('points each highlighted chapter’s camera at its feature in the shipped data', () => {
    for (const c of TOUR.filter((x) => x.highlight)) {
      const f = layer(c.highlight!.source).features.find((x) => x.properties?.id === c.highlight!.id);
      expect(f, `${c.id}: ${c.highlight!.source}/${c.highlight!.id} exists`).toBeDefined();
      // The camera centre lies within 1.5 km of the feature (inside it, or at its edge).
      const d = turf.pointToPolygonDistance(turf.point(c.camera.center), f as never, { units: 'meters' });
      expect(d, `${c.id} camera off its feature`).toBeLessThan(1500);
    }
  });

  it('keeps every camera over Jiangbei', () => {
    const boundary = layer('boundary');
    for (const c of TOUR) {
      const d = turf.pointToPolygonDistance(turf.point(c.camera.center), boundary.features[0] as never, { units: 'meters' });
      expect(d, c.id).toBeLessThan(2000);
    }
  });
});
