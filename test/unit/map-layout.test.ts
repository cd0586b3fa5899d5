import { describe, expect, it } from 'vitest';
import { CLOSED_LAYERS, EDIT_LAYERS, NEARBY_LAYERS, SUGGEST_LAYERS, UPLOAD_LAYERS } from '../../src/content/overlay-layers';
import { PALETTE } from '../../src/content/palette';
import { cameraPadding, NARROW, NARROW_MAX_PX } from '../../src/layout';

describe('panel geometry', () => {
  it('leaves room for the side panel on a wide map and for the bottom sheet on a phone', () => {
    expect(cameraPadding(1280, 800)).toEqual({ left: 390, right: 60, top: 30, bottom: 30 });
    expect(cameraPadding(NARROW_MAX_PX, 800)).toEqual({ left: 40, right: 60, top: 70, bottom: 336 });
    expect(cameraPadding(375, 667).bottom).toBe(280);
    expect(NARROW.cssText).toBe('(max-width: 700px)');
  });
});

describe('overlay layer styles', () => {
  it("draw in the palette's colours only, with unique ids", () => {
    const layers = [...CLOSED_LAYERS, ...UPLOAD_LAYERS, ...EDIT_LAYERS, ...SUGGEST_LAYERS, ...NEARBY_LAYERS];
    // Every colour the palette holds, its nested groups (tiers, zones) included.
    const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : []);
    const colours = new Set(leaves(PALETTE));
    for (const l of layers) {
      for (const [key, value] of Object.entries(l.paint ?? {})) {
        if (!key.endsWith('-color')) continue;
        // A plain colour, or an expression choosing among colours: each colour in it from the palette.
        const used = typeof value === 'string' ? [value] : (JSON.stringify(value).match(/#[0-9a-f]{6}/gi) ?? []);
        expect(used.length, `${l.id} ${key}`).toBeGreaterThan(0);
        for (const c of used) expect(colours, `${l.id} ${key}`).toContain(c);
      }
    }
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });
});
