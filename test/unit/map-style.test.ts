import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYER_GROUPS, PLAN_LABELS } from '../../src/content/layer-groups';
import { initialStyle, SHIPPED } from '../../src/map/style';

const data = { [SHIPPED]: '/api/layers/all.geojson', rings: '/api/coverage/rings?mode=radius', gaps: '/api/gaps?tier=leisure&mode=radius' };

describe('the style the map starts with', () => {
  it('is valid by the MapLibre style spec, every plan layer included, in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const style = initialStyle(data, (id) => (id === 'rings' || id === 'gaps' ? id : SHIPPED), new Set(['zones', 'greenspaces']), lang);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
      const ids = style.layers.map((l) => l.id);
      for (const l of [...LAYER_GROUPS.flatMap((g) => g.layers), ...PLAN_LABELS.map((p) => p.layer)]) expect(ids).toContain(l.id);
    }
  });

  it('holds each layer shown or hidden as its group, labels in the language asked for, in stacking order', () => {
    const style = initialStyle(data, (id) => (id === 'rings' || id === 'gaps' ? id : SHIPPED), new Set(['zones']), 'en');
    const byId = new Map(style.layers.map((l) => [l.id, l]));
    for (const g of LAYER_GROUPS)
      for (const l of g.layers) expect((byId.get(l.id)!.layout as { visibility?: string }).visibility, l.id).toBe(g.id === 'zones' ? 'visible' : 'none');
    expect((byId.get('zones-label')!.layout as Record<string, unknown>)['text-field']).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name_zh'], '']);
    const ids = style.layers.map((l) => l.id);
    expect(ids[0]).toBe('background');
    expect(ids.indexOf('boundary-line')).toBeLessThan(ids.indexOf('zones-label'));
    expect(ids.indexOf('gaps-fill')).toBeLessThan(ids.indexOf('greenspaces-fill-park'));
  });

  it('leaves out the layers whose data the page does not have', () => {
    const style = initialStyle(data, (id) => (id === 'railways' ? undefined : id === 'rings' || id === 'gaps' ? id : SHIPPED), new Set(), 'zh');
    expect(style.layers.filter((l) => l.id.startsWith('railways-'))).toEqual([]);
    expect(style.layers.some((l) => l.id.startsWith('stations-'))).toBe(true);
  });
});
