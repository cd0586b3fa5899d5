import { describe, expect, it } from 'vitest';
import { NARROW, NARROW_MAX_PX, cameraPadding } from '../../src/layout';
import { CLOSED_LAYERS, EDIT_LAYERS, NEARBY_LAYERS } from '../../src/content/overlay-layers';
import { PALETTE } from '../../src/content/palette';

describe('panel geometry', () => {
  it('leaves room for the side panel on a wide map and for the bottom sheet on a phone', () => {
    expect(cameraPadding(1280, 800)).toEqual({ left: 390, right: 60, top: 30, bottom: 30 });
    expect(cameraPadding(NARROW_MAX_PX, 800)).toEqual({ left: 12, right: 12, top: 70, bottom: 336 });
    expect(cameraPadding(375, 667).bottom).toBe(280);
    expect(NARROW.cssText).toBe('(max-width: 700px)');
  });
});

describe('overlay layer styles', () => {
  it('draw in the palette\'s colours only, with unique ids', () => {
    const layers = [...CLOSED_LAYERS, ...EDIT_LAYERS, ...NEARBY_LAYERS];
    const colours = new Set(Object.values(PALETTE as Record<string, unknown>).filter((v) => typeof v === 'string'));
    for (const l of layers) {
      for (const [key, value] of Object.entries(l.paint ?? {})) {
        if (key.endsWith('-color')) expect(colours, `${l.id} ${key}`).toContain(value);
      }
    }
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });
});
