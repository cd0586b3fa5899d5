/**
 * The map viewer as a planner meets it, in Chromium on the shipped data: every layer is
 * drawn (asked of the rendered map), toggles work, the language switches, a zone click
 * opens its card, a gap click moves the camera, a URL restores the view, and nothing is
 * requested from outside the page's origin.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LAYER_GROUPS, PLAN_LABELS } from '../../src/content/layer-groups';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

const app = (page: Page) => page.locator('jb-app');
const renderedCount = (page: Page, layers: string[]) =>
  page.evaluate((ids) => window.jbMap!.queryRenderedFeatures({ layers: ids.filter((id) => window.jbMap!.getLayer(id)) }).length, layers);
const groupLayers = (id: string) => LAYER_GROUPS.find((g) => g.id === id)!.layers.map((l) => l.id);
const layer = async (id: string) => (await fetch(`${inject('baseURL')}/api/layers/${id}`)).json() as Promise<FeatureCollection>;

async function openLayersTab(page: Page) {
  await app(page).locator('jb-panel').locator('#tab-layers').click();
}

/** Clicks a layer toggle from inside the page and waits for the map to redraw. */
async function toggle(page: Page, group: string) {
  await page.evaluate((g) => {
    const layers = document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-layers')!;
    const input = layers.shadowRoot!.querySelector<HTMLInputElement>(`input[data-group="${g}"]`)!;
    const redrawn = new Promise((r) => window.jbMap!.once('idle', r));
    input.click();
    return redrawn;
  }, group);
}

describe('the map viewer', () => {
  it('draws every layer group the data has (from the rendered map) and toggles each off and on', { timeout: 300_000 }, async () => {
    // A smaller window: each redraw is software-rendered, and there are ~45 of them.
    const { page, guard } = await openPage('/?lang=zh', { viewport: { width: 960, height: 640 } });
    await waitForMapReady(page);
    await openLayersTab(page);
    const shipped = new Set(((await (await fetch(`${inject('baseURL')}/api/layers`)).json()) as { layers: { id: string }[] }).layers.map((l) => l.id));
    const start = await page.evaluate(() => ({ center: window.jbMap!.getCenter().toArray() as [number, number], zoom: window.jbMap!.getZoom() }));
    let here = start;
    for (const group of LAYER_GROUPS.filter((g) => g.source === 'rings' || g.source === 'gaps' || shipped.has(g.source))) {
      const ids = groupLayers(group.id);
      // Groups drawn from a city zoom only (stations) are checked there, over the city's west.
      const minzoom = Math.min(...group.layers.map((l) => l.minzoom ?? 0));
      const camera = start.zoom >= minzoom ? start : { center: [106.56, 29.585] as [number, number], zoom: minzoom + 1 };
      if (camera !== here) {
        await page.evaluate(
          (c) =>
            new Promise((r) => {
              window.jbMap!.once('idle', r);
              window.jbMap!.jumpTo(c);
            }),
          camera,
        );
        here = camera;
      }
      const shownAtStart = await page.evaluate((id) => window.jbMap!.getLayoutProperty(`${id}`, 'visibility') !== 'none', ids[0]!);
      if (!shownAtStart) await toggle(page, group.id);
      expect(await renderedCount(page, ids), `${group.id} rendered`).toBeGreaterThan(0);
      await toggle(page, group.id);
      expect(await renderedCount(page, ids), `${group.id} hidden`).toBe(0);
      await toggle(page, group.id);
      expect(await renderedCount(page, ids), `${group.id} shown again`).toBeGreaterThan(0);
    }
    expect(
      await renderedCount(
        page,
        PLAN_LABELS.map((p) => p.layer.id),
      ),
    ).toBeGreaterThan(0);
    await screenshot(page, 'viewer-all-layers');
    guard.assertClean();
  });

  it('stacks the layers as a planning map reads: district fill below the plan, gaps and rings, labels on top', async () => {
    const { page, guard } = await openPage('/?lang=zh');
    await waitForMapReady(page);
    const order = await page.evaluate(() => window.jbMap!.getStyle().layers.map((l) => l.id));
    const at = (id: string) => order.indexOf(id);
    const planAndData = [
      'zones-fill-wangjiang',
      'rings-leisure-fill',
      'gaps-fill',
      'rivers-fill',
      'railways-metro',
      'bridges-line',
      'sports-fill',
      'greenspaces-fill-park',
      'greenspaces-outside-fill-park',
      'greenspaces-point-leisure',
      'stations-point',
    ];
    for (const id of planAndData) {
      expect(at(id), id).toBeGreaterThan(at('boundary-fill'));
      expect(at(id), id).toBeLessThan(at('boundary-line'));
    }
    // The analysis tints the land; water, lines, sites and stations are drawn over it.
    for (const id of [
      'rivers-fill',
      'railways-metro',
      'bridges-line',
      'sports-fill',
      'greenspaces-fill-park',
      'greenspaces-outside-fill-park',
      'stations-point',
    ]) {
      expect(at(id), id).toBeGreaterThan(at('gaps-fill'));
      expect(at(id), id).toBeGreaterThan(at('rings-leisure-fill'));
    }
    // Sports grounds under the green spaces; stations over both.
    expect(at('sports-fill')).toBeLessThan(at('greenspaces-fill-park'));
    expect(at('stations-point')).toBeGreaterThan(at('greenspaces-point-park'));
    expect(at('zones-label')).toBeGreaterThan(at('boundary-line'));

    // What the user sees at a gap is the gap's orange, not the district's white on top of it.
    const gapFc = (await (await fetch(`${inject('baseURL')}/api/gaps?tier=leisure`)).json()) as FeatureCollection;
    const big = gapFc.features[0]! as Feature<Polygon | MultiPolygon>;
    // The point deepest inside the gap (so no outline or edge is under the sampled pixel).
    const lines = turf.flatten(turf.polygonToLine(big) as never).features as unknown as Feature<LineString>[];
    const [w, s, e, n] = turf.bbox(big);
    let best: [number, number] = [0, 0];
    let depth = -1;
    for (let i = 1; i < 40; i++)
      for (let j = 1; j < 40; j++) {
        const p: [number, number] = [w + ((e - w) * i) / 40, s + ((n - s) * j) / 40];
        if (!turf.booleanPointInPolygon(p, big)) continue;
        const d = Math.min(...lines.map((l) => turf.pointToLineDistance(p, l, { units: 'meters' })));
        if (d > depth) {
          depth = d;
          best = p;
        }
      }
    const [lon, lat] = best;
    await page.evaluate(
      ([a, b]) =>
        new Promise((r) => {
          window.jbMap!.once('idle', r);
          window.jbMap!.jumpTo({ center: [a!, b!], zoom: 14 });
        }),
      [lon, lat],
    );
    const rgb = await page.evaluate(
      ([a, b]) =>
        new Promise<number[]>((resolve) => {
          const map = window.jbMap!;
          const { x, y } = map.project([a!, b!]);
          map.once('render', () => {
            const gl = map.getCanvas().getContext('webgl2')!;
            const px = new Uint8Array(4);
            const ratio = gl.drawingBufferWidth / map.getCanvas().clientWidth;
            gl.readPixels(Math.round(x * ratio), Math.round(gl.drawingBufferHeight - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
            resolve([...px]);
          });
          map.triggerRepaint();
        }),
      [lon, lat],
    );
    expect(rgb[0]! - rgb[2]!, `pixel ${rgb}`).toBeGreaterThan(50);
    guard.assertClean();
  });

  it('switches the language of the title, the panel and the map labels', async () => {
    const { page, guard } = await openPage('/?lang=zh');
    await waitForMapReady(page);
    await expect(app(page).locator('h1 .title').textContent()).resolves.toBe('江北绿地地图');
    await expect(app(page).locator('#tab-coverage').textContent()).resolves.toBe('覆盖');
    const zhField = await page.evaluate(() => JSON.stringify(window.jbMap!.getLayoutProperty('zones-label', 'text-field')));
    expect(zhField).toContain('name_zh');

    await app(page).locator('button.lang').click();
    // The English strings are a chunk of their own, fetched on the first switch.
    await expect.poll(() => app(page).locator('h1 .title').textContent()).toBe('Jiangbei Green Map');
    await waitForMapReady(page);
    await expect(app(page).locator('#tab-coverage').textContent()).resolves.toBe('Coverage');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    const enField = await page.evaluate(() => JSON.stringify(window.jbMap!.getLayoutProperty('zones-label', 'text-field')));
    expect(enField).toContain('name_en');
    // The labels are really drawn (symbols placed), in the English build of the style.
    expect(await renderedCount(page, ['zones-label'])).toBeGreaterThan(0);
    expect(page.url()).toContain('lang=en');
    await screenshot(page, 'viewer-english');
    guard.assertClean();
  });

  it('opens a zone’s card on click, with what the plan wants, its area, coverage and source', async () => {
    const zones = await layer('zones');
    const zone = zones.features.find((f) => f.properties?.id === 'gangcheng-tanggui') ?? zones.features[0]!;
    const [lon, lat] = turf.pointOnFeature(zone).geometry.coordinates as [number, number];
    const { page, guard } = await openPage(`/?lang=zh&c=${lon},${lat}&z=13.5&layers=zones`);
    await waitForMapReady(page);
    const { x, y } = await page.evaluate(([a, b]) => window.jbMap!.project([a!, b!]), [lon, lat]);
    await page.mouse.click(x, y);
    const card = app(page).locator('jb-card');
    await expect(card.locator('h2').textContent()).resolves.toBe(zone.properties!.name_zh);
    const cardText = () => card.evaluate((el) => el.shadowRoot!.textContent ?? '');
    // The area follows once the zone's full geometry has been read (rendered tiles are clipped).
    await expect.poll(cardText).toContain('平方公里');
    const text = await cardText();
    expect(text).toContain(zone.properties!.summary_zh);
    expect(text).toMatch(/覆盖率（500 m）\s*[\d.]+%/);
    expect(text).toContain('示意范围');
    await screenshot(page, 'viewer-zone-card');
    await card.locator('button.close').click();
    await expect(app(page).locator('jb-card').count()).resolves.toBe(0);
    guard.assertClean();
  });

  it('moves the camera to a gap when it is clicked in the list', async () => {
    const { page, guard } = await openPage('/?lang=en');
    await waitForMapReady(page);
    const before = await page.evaluate(() => window.jbMap!.getCenter().toArray());
    const gaps = app(page).locator('jb-coverage ol.gaps button');
    expect(await gaps.count()).toBeGreaterThan(0);
    // The last gap listed is a small one: the camera must move to it and zoom in.
    const zoomBefore = await page.evaluate(() => window.jbMap!.getZoom());
    await gaps.last().click();
    await page.evaluate(() => new Promise((r) => window.jbMap!.once('moveend', r)));
    const after = await page.evaluate(() => ({ c: window.jbMap!.getCenter().toArray(), z: window.jbMap!.getZoom() }));
    const moved = turf.distance(before, after.c, { units: 'meters' });
    expect(moved + (after.z - zoomBefore) * 1000).toBeGreaterThan(200);
    expect(page.url()).toMatch(/[?&]c=/);
    guard.assertClean();
  });

  it('restores camera, mode, tier, language and layers from the URL, without flooding history', async () => {
    const { page, guard } = await openPage('/?c=106.58000,29.58000&z=13.00&mode=walk&tier=park&lang=en&layers=zones,greenspaces,rings-park');
    await waitForMapReady(page);
    const view = await page.evaluate(() => ({ c: window.jbMap!.getCenter().toArray(), z: window.jbMap!.getZoom(), h: history.length }));
    expect(view.c[0]).toBeCloseTo(106.58, 3);
    expect(view.c[1]).toBeCloseTo(29.58, 3);
    expect(view.z).toBeCloseTo(13, 1);
    await expect(app(page).locator('jb-coverage input[value=walk]').isChecked()).resolves.toBe(true);
    await expect(app(page).locator('jb-coverage input[value=park]').isChecked()).resolves.toBe(true);
    await expect(app(page).locator('h1 .title').textContent()).resolves.toBe('Jiangbei Green Map');
    const vis = await page.evaluate(() =>
      ['zones-fill-wangjiang', 'greenspaces-point-park', 'rings-park-fill', 'rivers-fill', 'landmarks-point'].map((id) =>
        window.jbMap!.getLayoutProperty(id, 'visibility'),
      ),
    );
    expect(vis).toEqual(['visible', 'visible', 'visible', 'none', 'none']);

    // Pan and toggle a few times: the URL follows, history does not grow.
    for (const dx of [200, -150, 100]) {
      await page.evaluate(
        (d) =>
          new Promise((r) => {
            window.jbMap!.once('moveend', r);
            window.jbMap!.panBy([d, 0], { duration: 0 });
          }),
        dx,
      );
    }
    await openLayersTab(page);
    await toggle(page, 'landmarks');
    expect(await page.evaluate(() => history.length)).toBe(view.h);
    expect(page.url()).toContain('landmarks');
    guard.assertClean();
  });

  it('loads nothing from outside the origin until the online basemap is turned on', async () => {
    const { page, guard } = await openPage('/?lang=zh&panel=layers');
    await waitForMapReady(page);
    await page.waitForTimeout(500);
    expect(guard.outside).toEqual([]);
    await app(page).locator('jb-layers input[data-basemap]').click();
    await page.waitForTimeout(1000);
    expect(guard.outside.length).toBeGreaterThan(0);
    expect(guard.outside.every((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    const attribution = await page.evaluate(
      () => document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-map')!.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '',
    );
    expect(attribution).toContain('OpenStreetMap');
  });

  it('downloads the map’s data once, from the moment the page starts (the preload is what the page reads)', async () => {
    const { page, guard } = await openPage('/?lang=en');
    const bundle: string[] = [];
    const warnings: string[] = [];
    page.on('request', (r) => r.url().includes('/api/layers/all.geojson') && bundle.push(r.url()));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.reload();
    await waitForMapReady(page);
    expect(bundle).toHaveLength(1);
    // Asked before the page's scripts: its download does not wait for them to run.
    const order = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.replace(/-[\w-]+\.js$/, '.js')));
    expect(order.indexOf('/api/layers/all.geojson')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('/assets/main.js')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('/api/layers/all.geojson')).toBeLessThan(order.indexOf('/assets/main.js'));
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
    guard.assertClean();
  });

  it('lays out as a bottom sheet on a 375 px phone', async () => {
    const { page, guard } = await openPage('/?lang=zh', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await waitForMapReady(page);
    const box = await app(page).locator('jb-panel').boundingBox();
    expect(box!.width).toBeCloseTo(375, 0);
    expect(box!.y + box!.height).toBeCloseTo(740, 0);
    expect(await renderedCount(page, ['boundary-line'])).toBeGreaterThan(0);
    await screenshot(page, 'viewer-phone');
    guard.assertClean();
  });

  it('is operable from the keyboard: tabs move with arrow keys and show focus', async () => {
    const { page, guard } = await openPage('/?lang=en');
    await waitForMapReady(page);
    await app(page).locator('#tab-coverage').focus();
    await page.keyboard.press('ArrowRight');
    await expect(app(page).locator('#tab-nearby').getAttribute('aria-selected')).resolves.toBe('true');
    expect(page.url()).toContain('panel=nearby');
    await page.keyboard.press('End');
    await expect(app(page).locator('#tab-about').getAttribute('aria-selected')).resolves.toBe('true');
    const outline = await app(page)
      .locator('jb-panel')
      .evaluate((el) => getComputedStyle(el.shadowRoot!.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    guard.assertClean();
  });
});
