import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBLE } from '../../src/content/layer-groups';
import { defaultState, parseState, serializeState } from '../../src/state/view-state';

describe('view state in the URL', () => {
  it('round-trips camera, mode, tier, language, panel and visible layers', () => {
    const state = {
      ...defaultState(),
      center: [106.6, 29.6] as [number, number],
      zoom: 13.5,
      mode: 'walk' as const,
      tier: 'park' as const,
      lang: 'en' as const,
      panel: 'layers' as const,
      visible: new Set(['zones', 'rings-park'] as const),
    };
    const q = serializeState(state);
    expect(q).toBe('?c=106.60000,29.60000&z=13.50&mode=walk&tier=park&lang=en&panel=layers&layers=zones,rings-park');
    const back = parseState(q);
    expect(back).toEqual({ ...state, visible: new Set(['zones', 'rings-park']) });
  });

  it('leaves defaults out so a plain link stays plain', () => {
    expect(serializeState(defaultState())).toBe('');
    expect([...parseState('').visible]).toEqual(DEFAULT_VISIBLE);
  });

  it('ignores malformed or out-of-range values instead of failing', () => {
    const s = parseState('?c=abc,1&z=99&mode=fly&tier=forest&lang=fr&panel=x&layers=zones,<script>');
    expect(s.center).toBeUndefined();
    expect(s.zoom).toBeUndefined();
    expect(s.mode).toBe('radius');
    expect(s.tier).toBe('leisure');
    expect(s.lang).toBeUndefined();
    expect(s.panel).toBe('coverage');
    expect([...s.visible]).toEqual(['zones']);
  });

  it('opens the Nearby panel at a shared ?near= spot', () => {
    const s = parseState('?near=106.53,29.575&mode=walk');
    expect(s.near).toEqual([106.53, 29.575]);
    expect(s.panel).toBe('nearby');
    expect(serializeState(s)).toBe('?mode=walk&panel=nearby&near=106.53000,29.57500');
    expect(parseState('?near=1,2').near).toBeUndefined();
  });

  it('carries whether sports grounds count as leisure spaces, as the API spells it', () => {
    expect(parseState('').sports).toBe(false);
    expect(parseState('?sports=true').sports).toBe(true);
    expect(parseState('?sports=1').sports).toBe(true);
    expect(parseState('?sports=yes').sports).toBe(false);
    expect(serializeState({ ...defaultState(), sports: true })).toBe('?sports=true');
    expect(serializeState({ ...defaultState(), sports: false })).toBe('');
  });

  it('carries the tour chapter (from 1) and drops nonsense', () => {
    expect(parseState('?tour=3').tour).toBe(3);
    expect(serializeState({ ...defaultState(), tour: 3 })).toBe('?tour=3');
    expect(parseState('?tour=0').tour).toBeUndefined();
    expect(parseState('?tour=abc').tour).toBeUndefined();
  });

  it('opens the Plan panel on a shared ?scenario= id, and round-trips it; a malformed id is dropped', () => {
    const id = 'caraD7wGr-JpM6MsGoEclw';
    const s = parseState(`?scenario=${id}`);
    expect(s.scenario).toBe(id);
    expect(s.panel).toBe('plan');
    expect(serializeState(s)).toBe(`?panel=plan&scenario=${id}`);
    expect(parseState(`?scenario=${id}&panel=coverage`).panel).toBe('coverage');
    for (const bad of ['short', `${id}x`, "caraD7wGr-JpM6MsGoE'l", '']) {
      expect(parseState(`?scenario=${encodeURIComponent(bad)}`).scenario).toBeUndefined();
      expect(parseState(`?scenario=${encodeURIComponent(bad)}`).panel).toBe('coverage');
    }
  });

  it('keeps an explicitly empty layer list (everything hidden)', () => {
    expect(parseState('?layers=').visible.size).toBe(0);
  });
});
