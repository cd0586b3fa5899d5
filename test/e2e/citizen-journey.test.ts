/**
 * The citizen's journey on a phone (issue 16), in Chromium on the shipped data: where I am and
 * where I want to go kept apart, an honest answer just outside the district, hand-offs to map
 * apps in their own coordinate systems, a sheet that makes room for search, rows that name
 * each site's own tier, and tap targets a thumb can hit.
 */
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, permissions: ['geolocation'] };
const GUANYINQIAO = { longitude: 106.5315, latitude: 29.5755 };
const nearby = (page: Page) => page.locator('jb-app jb-nearby');
const answer = (page: Page) => nearby(page).locator('p.answer');

async function located(where: { longitude: number; latitude: number }, lang = 'zh') {
  const opened = await openPage(`/?lang=${lang}&panel=nearby`, { ...PHONE, geolocation: where });
  await waitForMapReady(opened.page);
  await nearby(opened.page).locator('button.big').click();
  await expect.poll(() => answer(opened.page).count(), { timeout: 15_000 }).toBe(1);
  return opened;
}

describe('citizen journey (phone)', () => {
  it('a searched park is where I want to go: the answer for where I am stays, the way there is estimated, and map apps get it in their own coordinates', {
    timeout: 90_000,
  }, async () => {
    const greens = (await api<FeatureCollection>('/api/layers/greenspaces')).features;
    const park = greens.find((f) => String(f.properties?.name_zh).startsWith('鸿恩寺'))! as Feature<Polygon | MultiPolygon>;
    const { page, guard } = await located(GUANYINQIAO);
    const before = await answer(page).textContent();
    await nearby(page).locator('input[type=search]').fill('鸿恩寺');
    // The sheet opens up while searching, so the hits sit above where the keyboard comes up (the lower ~40 %).
    await expect.poll(() => page.locator('jb-app jb-panel').getAttribute('expanded')).not.toBeNull();
    const hit = nearby(page).locator('ul.hits button[data-layer=greenspaces]').first();
    await expect.poll(() => hit.count()).toBe(1);
    expect((await hit.boundingBox())!.y + 48).toBeLessThan(844 * 0.6);
    await screenshot(page, 'citizen-search-open');
    await hit.click();
    const dest = nearby(page).locator('section.destination');
    await expect.poll(() => dest.getAttribute('data-id')).toBe(park.properties!.id);
    // Where I am is still where I am.
    expect(await answer(page).textContent()).toBe(before);
    // The way there: the straight-line distance to the park's edge (radius mode), called an estimate.
    const straight = turf.pointToPolygonDistance([GUANYINQIAO.longitude, GUANYINQIAO.latitude], park as never, { units: 'meters' });
    const way = (await dest.locator('p.way').textContent())!;
    const m = /([\d.]+) (公里|米)/.exec(way)!;
    const shown = Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
    expect(Math.abs(shown - straight) / straight).toBeLessThan(0.08);
    expect(way).toContain('估计步行约');
    expect(way).toContain(`${Math.max(1, Math.round(straight / 80))} 分钟`);
    // Hand-offs: Amap in GCJ-02 (lon,lat), Baidu in BD-09 (lat,lon), Apple in GCJ-02 (lat,lon).
    const links = Object.fromEntries(
      await dest.locator('.nav a').evaluateAll((as) => as.map((a) => [a.className.replace('nav-', ''), (a as HTMLAnchorElement).href])),
    );
    expect(Object.keys(links).sort()).toEqual(['amap', 'apple', 'baidu']);
    const [tx, ty] = new URL(links.amap!).searchParams.get('to')!.split(',').map(Number);
    const [wx, wy] = gcoord.transform([tx!, ty!], gcoord.GCJ02, gcoord.WGS84);
    expect(turf.pointToPolygonDistance([wx!, wy!], park as never, { units: 'meters' })).toBeLessThan(15);
    const [blat, blon] = /latlng:([\d.]+),([\d.]+)/.exec(new URL(links.baidu!).searchParams.get('destination')!)!.slice(1).map(Number);
    const [bx, by] = gcoord.transform([blon!, blat!], gcoord.BD09, gcoord.WGS84);
    expect(turf.distance([bx!, by!], [wx!, wy!], { units: 'meters' })).toBeLessThan(5);
    const [alat, alon] = new URL(links.apple!).searchParams.get('daddr')!.split(',').map(Number);
    expect(Math.abs(alat! - ty!) + Math.abs(alon! - tx!)).toBeLessThan(1e-5);
    // On the map: where I am and where I am going, both drawn.
    await page.waitForFunction(() => !window.jbMap!.isMoving());
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            window
              .jbMap!.queryRenderedFeatures({ layers: ['nearby-spot'] })
              .map((f) => f.properties.kind)
              .sort()
              .join(),
          ),
        { timeout: 10_000 },
      )
      .toBe('destination,spot');
    await screenshot(page, 'citizen-destination');
    guard.assertClean();
  });

  it('located just outside Jiangbei (Yuzhong), answers with the nearest green space in the data and says what the data does not cover', {
    timeout: 60_000,
  }, async () => {
    const { page, guard } = await located({ longitude: 106.577, latitude: 29.557 });
    expect(await nearby(page).locator('.outside-note').textContent()).toContain('更远处的公园不在数据中');
    expect(await answer(page).textContent()).toMatch(/^数据中最近的绿地：.+，距此 [\d.]+ (公里|米)/);
    // No "✗ no leisure space within 500 m": that would be a claim about Yuzhong the data cannot make.
    expect(await nearby(page).locator('ul.checks').count()).toBe(0);
    await screenshot(page, 'citizen-yuzhong');
    guard.assertClean();
  });

  it('each row shows its site’s own tier, the spot a place name; the sheet is opaque and the buttons are thumb-sized', { timeout: 60_000 }, async () => {
    const tiers = new Map((await api<FeatureCollection>('/api/layers/greenspaces')).features.map((f) => [f.properties!.id, f.properties!.tier]));
    const { page, guard } = await located(GUANYINQIAO);
    const rows = await nearby(page)
      .locator('ol.results li button')
      .evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-id'), b.querySelector('.tier')?.getAttribute('data-tier')]));
    expect(rows.length).toBeGreaterThan(3);
    for (const [id, tier] of rows) expect(tier, id!).toBe(tiers.get(id));
    expect(await nearby(page).locator('p.spot').textContent()).toMatch(/^所选位置：.+附近/);
    expect(await page.locator('jb-app jb-panel').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    const boxes = await page.evaluate(() => {
      const app = document.querySelector('jb-app')!.shadowRoot!;
      const map = app.querySelector('jb-map')!.shadowRoot!;
      return [...map.querySelectorAll('.maplibregl-ctrl-group button'), ...app.querySelectorAll('header button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.className, w: r.width, h: r.height };
      });
    });
    expect(boxes.length).toBeGreaterThan(3);
    for (const b of boxes) expect(Math.min(b.w, b.h), b.name).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'citizen-rows-opaque');
    guard.assertClean();
  });

  it('on a 375 px phone every zone name is on screen and clear of the map buttons; a card says its source in Chinese', { timeout: 60_000 }, async () => {
    const zones = (await api<FeatureCollection>('/api/layers/zones')).features as Feature<Polygon>[];
    const { page, guard } = await openPage('/?lang=zh', { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await waitForMapReady(page);
    await page.waitForFunction(() => !window.jbMap!.isMoving());
    const buttons = await page.evaluate(() =>
      [...document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-map')!.shadowRoot!.querySelectorAll('.maplibregl-ctrl-group')].map(
        (b) => b.getBoundingClientRect().toJSON() as DOMRect,
      ),
    );
    for (const z of zones) {
      // The label sits at the zone's centre (a schematic circle); a CJK glyph is as wide as the text size (14 px).
      const ring = z.geometry.coordinates[0]!;
      const c = [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
      const { x, y } = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), c);
      const half = (String(z.properties!.name_zh).length * 14) / 2;
      const name = String(z.properties!.name_zh);
      expect(x - half, name).toBeGreaterThanOrEqual(0);
      expect(x + half, name).toBeLessThanOrEqual(375);
      for (const b of buttons) expect(x + half < b.left || x - half > b.right || y + 9 < b.top || y - 9 > b.bottom, `${name} under the map buttons`).toBe(true);
    }
    await screenshot(page, 'citizen-375-zones');
    // A zone's card: its hand-placed source said in Chinese, the English original folded away.
    const zone = zones[0]!;
    await page.evaluate((f) => {
      const app = document.querySelector('jb-app') as unknown as { card: unknown };
      app.card = { group: 'zones', properties: f.properties, id: f.properties!.id };
    }, zone);
    const source = page.locator('jb-app jb-card dd.source');
    await expect.poll(() => source.locator('.said').textContent()).toContain('人工标绘的示意位置');
    expect(await source.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(
      await source.evaluate((dd) =>
        [...dd.childNodes]
          .filter((n) => n.nodeName !== 'DETAILS')
          .map((n) => n.textContent)
          .join(''),
      ),
    ).not.toMatch(/hand-placed|[A-Za-z]{6,}/);
    await screenshot(page, 'citizen-375-zone-card');
    guard.assertClean();
  });
});
