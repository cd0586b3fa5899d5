/**
 * The legend is the map: every swatch in the Layers tab is drawn from a style layer the map
 * has, in the colour, opacity and dash the map draws it with; the district boundary has its
 * own entry; zone swatches carry the zones' names from the data.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { layer } from './data';

afterAll(closeBrowser);

interface Drawn {
  layer: string;
  tag: string;
  fill: string | null;
  stroke: string | null;
  fillOpacity: string | null;
  strokeOpacity: string | null;
  dashed: boolean;
}
interface OnMap {
  type: string;
  color: unknown;
  opacity: unknown;
  dash: unknown;
}

/** Every swatch mark in the Layers tab, and the same layer's paint on the live map. */
const marksAndMap = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-layers')!.shadowRoot!;
    const drawn = [...root.querySelectorAll<SVGElement>('svg.swatch [data-layer]')].map((el) => ({
      layer: el.dataset.layer!,
      tag: el.tagName,
      fill: el.getAttribute('fill'),
      stroke: el.getAttribute('stroke'),
      fillOpacity: el.getAttribute('fill-opacity'),
      strokeOpacity: el.getAttribute('stroke-opacity'),
      dashed: (el.getAttribute('stroke-dasharray') ?? '') !== '',
    }));
    const m = window.jbMap!;
    const onMap: Record<string, { type: string; color: unknown; opacity: unknown; dash: unknown }> = {};
    for (const d of drawn) {
      const l = m.getLayer(d.layer);
      if (!l) continue;
      const t = l.type === 'background' ? 'background' : l.type;
      onMap[d.layer] = {
        type: t,
        color: m.getPaintProperty(d.layer, `${t}-color` as never),
        opacity: t === 'circle' ? 1 : m.getPaintProperty(d.layer, `${t}-opacity` as never),
        dash: t === 'line' ? m.getPaintProperty(d.layer, 'line-dasharray') : undefined,
      };
    }
    return { drawn, onMap };
  }) as Promise<{ drawn: Drawn[]; onMap: Record<string, OnMap> }>;

describe('the legend is the map, and says what it cannot show', () => {
  it('draws each swatch from a layer on the map, in its colour, opacity and dash', async () => {
    const { page, guard } = await openPage('/?panel=layers&lang=zh', { viewport: { width: 1440, height: 900 } });
    await waitForMapReady(page);
    const { drawn, onMap } = await marksAndMap(page);
    expect(drawn.length).toBeGreaterThan(20);
    for (const d of drawn) {
      const m = onMap[d.layer];
      expect(m, `${d.layer} is on the map`).toBeDefined();
      if (d.tag === 'rect' && d.fill !== 'none') {
        expect(d.fill, d.layer).toBe(m!.color);
        expect(Number(d.fillOpacity), d.layer).toBeCloseTo(Number(m!.opacity ?? 1), 5);
      } else if (d.tag === 'circle') {
        expect(d.fill, d.layer).toBe(m!.color);
      } else {
        expect(d.stroke, d.layer).toBe(m!.color);
        expect(Number(d.strokeOpacity), d.layer).toBeCloseTo(Number(m!.opacity ?? 1), 5);
        expect(d.dashed, `${d.layer} dashed as on the map`).toBe(Array.isArray(m!.dash));
      }
    }
    // Solid bridges are solid, the dashed boundary has its entry, and the rail-only decks are dashed.
    expect(drawn.find((d) => d.layer === 'bridges-line')!.dashed).toBe(false);
    expect(drawn.find((d) => d.layer === 'bridges-nowalk')!.dashed).toBe(true);
    expect(drawn.find((d) => d.layer === 'boundary-line')!.dashed).toBe(true);
    // Zone swatches are named by the zone features, one each.
    const zones = await layer('zones');
    const text = await page.evaluate(() => document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-layers')!.shadowRoot!.textContent);
    for (const z of zones.features) expect(text).toContain(z.properties!.name_zh as string);
    await screenshot(page, 'legend-is-the-map');
    guard.assertClean();
  });

  it('says when the online basemap cannot load (offline), turns it off and keeps the district drawn', async () => {
    const { page, guard } = await openPage('/?panel=layers&lang=zh', { viewport: { width: 1440, height: 900 } });
    await waitForMapReady(page);
    const layers = page.locator('jb-app').locator('jb-layers');
    // A click, not check(): the box unticks itself as soon as the tiles fail, which check() would take for a failed click.
    await layers.locator('input[data-basemap]').click();
    // The guard aborts every request that leaves the origin, as a machine offline would fail them.
    await expect.poll(() => layers.locator('p[role=alert]').textContent(), { timeout: 15_000 }).toContain('在线底图无法加载');
    expect(guard.outside.length).toBeGreaterThan(0);
    expect(await layers.locator('input[data-basemap]').isChecked()).toBe(false);
    expect(await page.evaluate(() => window.jbMap!.getPaintProperty('boundary-fill', 'fill-opacity'))).toBe(0.85);
    await screenshot(page, 'basemap-offline');
  });
});
