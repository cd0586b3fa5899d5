/**
 * The planner's journey (issue 16), in Chromium on the shipped data: what went wrong when the
 * app was tried end to end, each step as a planner takes it.
 */

import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const wb = (page: Page) => page.locator('jb-app jb-workbench');
/** The change in a tier's rate shown in the diff table (pp), or null when there is no table. */
const shownChange = async (page: Page, tier = 'leisure') => {
  const cell = wb(page).locator(`table.diff tr[data-tier=${tier}] td[data-pp]`);
  return (await cell.count()) ? Number(await cell.getAttribute('data-pp')) : null;
};

async function openWorkbench(search = '') {
  const opened = await openPage(`/?lang=en&panel=plan${search}`, { viewport: { width: 1280, height: 900 } });
  await waitForMapReady(opened.page);
  return opened;
}

async function clickMapAt(page: Page, lonLat: Position, zoom = 14) {
  await page.evaluate(([lon, lat, z]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: z! }), [...lonLat, zoom]);
  const p = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), lonLat);
  await page.mouse.click(p.x, p.y);
}

describe('planner journey', () => {
  it('opened in walk mode in a fresh browser, an added site is compared with today walked the same way', { timeout: 90_000 }, async () => {
    const gaps = await api<FeatureCollection>('/api/gaps?tier=leisure&mode=walk');
    const today = await api<{ tiers: { tier: string; coverage_pct: number }[] }>('/api/coverage?mode=walk');
    const inGap = turf.pointOnFeature(gaps.features[0]!).geometry.coordinates;
    const { page, guard } = await openWorkbench('&mode=walk');
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, inGap);
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).toBeGreaterThan(0.05);
    const baseline = await wb(page).locator('table.diff tr[data-tier=leisure] td').nth(1).textContent();
    expect(Number(baseline!.replace('%', ''))).toBeCloseTo(today.tiers.find((t) => t.tier === 'leisure')!.coverage_pct, 1);
    await screenshot(page, 'planner-walk-baseline');
    guard.assertClean();
  });

  it('draws each suggestion on the map with its catchment, lettered apart from proposals, and accepts them all at once', { timeout: 90_000 }, async () => {
    const { page, guard } = await openWorkbench();
    await wb(page).locator('input#n').fill('4');
    await wb(page).locator('button.suggest').click();
    await expect.poll(() => wb(page).locator('ol.suggestions li').count(), { timeout: 20_000 }).toBe(4);
    // On the map: four points and four catchments, once the camera has framed them.
    const drawn = () =>
      page.evaluate(() => {
        const map = window.jbMap!;
        const labels = map.queryRenderedFeatures(undefined, { layers: ['suggestions-point'] }).map((f) => String(f.properties.label));
        const rings = new Set(map.queryRenderedFeatures(undefined, { layers: ['suggestions-line'] }).map((f) => f.properties.rank)).size;
        return { labels: [...new Set(labels)].sort(), rings };
      });
    await expect.poll(drawn, { timeout: 15_000 }).toEqual({ labels: ['A', 'B', 'C', 'D'], rings: 4 });
    const letters = await wb(page).locator('ol.suggestions li .letter').allTextContents();
    expect(letters).toEqual(['A', 'B', 'C', 'D']);
    await screenshot(page, 'planner-suggestions-drawn');
    const total = (
      await wb(page)
        .locator('ol.suggestions li')
        .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.gainPp)))
    ).reduce((a, b) => a + b, 0);
    await wb(page).locator('button.accept-all').click();
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(4);
    expect(await wb(page).locator('ol.suggestions li').count()).toBe(0);
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).toBeGreaterThan(total - 0.6);
    expect(Math.abs((await shownChange(page))! - total)).toBeLessThanOrEqual(0.6);
    await expect.poll(drawn).toEqual({ labels: [], rings: 0 });
    await screenshot(page, 'planner-suggestions-accepted');
    guard.assertClean();
  });

  it('says when a site is outside the district or far from built-up land, and shows no "-0.00"', { timeout: 90_000 }, async () => {
    const boundary = (await api<FeatureCollection>('/api/layers/boundary')).features[0]!;
    const builtup = (await api<FeatureCollection>('/api/layers/builtup')).features[0]!;
    const edges = turf.flatten(turf.polygonToLine(builtup as never) as never).features;
    const fromBuiltup = (p: Position) =>
      turf.booleanPointInPolygon(p, builtup as never) ? 0 : Math.min(...edges.map((l) => turf.pointToLineDistance(p, l as never, { units: 'meters' })));
    // The point of the district farthest from built-up land on a 0.01° grid (a forested hill).
    let far: Position = [0, 0];
    let farM = -1;
    for (let x = 106.45; x < 106.89; x += 0.01)
      for (let y = 29.556; y < 29.68; y += 0.01) {
        const d = turf.booleanPointInPolygon([x, y], boundary as never) ? fromBuiltup([x, y]) : -1;
        if (d > farM) [far, farM] = [[x, y], d];
      }
    expect(farM).toBeGreaterThan(1000);
    const yubei: Position = [106.55, 29.7];
    expect(turf.booleanPointInPolygon(yubei, boundary as never)).toBe(false);

    const { page, guard } = await openWorkbench();
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, yubei, 13);
    await expect.poll(() => wb(page).locator('ul.proposals li .note').getAttribute('data-note'), { timeout: 15_000 }).toBe('outside');
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).not.toBeNull();
    const cells = await wb(page).locator('table.diff td.km2').allTextContents();
    expect(cells).toHaveLength(3);
    for (const c of cells) expect(c).toBe('0.00 km²');
    await screenshot(page, 'planner-site-outside');
    await clickMapAt(page, far, 13);
    await expect
      .poll(() =>
        wb(page)
          .locator('ul.proposals li .note')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.note)),
      )
      .toEqual(['outside', 'no-builtup']);
    expect(await wb(page).locator('ul.proposals li').count()).toBe(2);
    expect(await wb(page).locator('ul.proposals li .note').nth(1).textContent()).toContain('no built-up land within 500 m');
    await screenshot(page, 'planner-site-no-builtup');
    guard.assertClean();
  });

  it('adds an upload to the shipped data or replaces it, draws what is used, and words problems in Chinese from feature 1', { timeout: 120_000 }, async () => {
    const gaps = await api<FeatureCollection>('/api/gaps?tier=leisure');
    const inGap = (i: number) => turf.pointOnFeature(gaps.features[i]!).geometry.coordinates;
    const site = (i: number, name: string, tier: string, coordinates: Position) => ({
      type: 'Feature',
      properties: { id: `u${i}`, name_zh: name, tier },
      geometry: { type: 'Point', coordinates },
    });
    const file = {
      type: 'FeatureCollection',
      features: [site(0, '甲', '休闲空间', inGap(0)), site(1, '倒置的公园', 'park', [29.6, 106.6]), site(2, '乙', 'leisure', inGap(1))],
    };
    const { page, guard } = await openPage('/?lang=zh&panel=plan', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    const upload = async () => {
      await wb(page)
        .locator('input.upload')
        .setInputFiles({ name: 'mine.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect.poll(() => wb(page).locator('p.report').textContent()).toContain('mine.geojson：2 个要素可用，1 个有问题');
    };
    await upload();
    // Counted from 1, named, in Chinese, with the likely cause.
    expect(await wb(page).locator('ul.problems li').allTextContents()).toEqual([expect.stringMatching(/^第 2 个要素（倒置的公园）：经纬度顺序似乎颠倒了/)]);
    const uploadedDrawn = () =>
      page.evaluate(() =>
        window.jbMap!.getSource('uploaded')
          ? (window.jbMap!.getSource('uploaded') as unknown as { serialize(): { data: FeatureCollection } }).serialize().data.features.length
          : 0,
      );
    const shippedGreenShown = () => page.evaluate(() => window.jbMap!.getLayoutProperty('greenspaces-fill-park', 'visibility') !== 'none');

    // Added: the rate rises (two sites in gaps), both drawn, the shipped parks still shown.
    await wb(page).locator('button.add-upload').click();
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).toBeGreaterThan(0.1);
    expect(await uploadedDrawn()).toBe(2);
    expect(await shippedGreenShown()).toBe(true);
    expect(await wb(page).locator('p.in-use').getAttribute('data-from')).toBe('add');
    await screenshot(page, 'planner-upload-added');

    // Replaced: two pocket parks alone cover almost nothing; the shipped parks leave the map.
    await wb(page).getByRole('button', { name: '改回内置数据' }).click();
    await upload();
    await wb(page).locator('button.use-upload').click();
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).toBeLessThan(-20);
    await expect.poll(shippedGreenShown).toBe(false);
    expect(await uploadedDrawn()).toBe(2);
    await screenshot(page, 'planner-upload-replaced');
    guard.assertClean();
  });

  it('says "1 feature", not "1 features"', async () => {
    const { page, guard } = await openWorkbench();
    const one = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { tier: 'garden' }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } }],
    };
    await wb(page)
      .locator('input.upload')
      .setInputFiles({ name: 'one.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(one)) });
    await expect.poll(() => wb(page).locator('p.report').textContent()).toContain('one.geojson: 1 feature usable, 0 with problems');
    guard.assertClean();
  });

  it('the Coverage tab says what its numbers are for and rest on, and names "walking" for what it is', { timeout: 90_000 }, async () => {
    const greens = (await api<FeatureCollection>('/api/layers/greenspaces')).features.map((f) => f.properties!);
    const inside = greens.filter((p) => p.outside !== true);
    const count = (c: string) => inside.filter((p) => p.confidence === c).length;
    const builtup = (await api<FeatureCollection>('/api/layers/builtup')).features[0]!.properties!;
    const { page, guard } = await openPage('/?lang=zh', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    const cov = page.locator('jb-app jb-coverage');
    const basis = await cov.locator('p.basis').textContent();
    expect(basis).toContain(`江北区内 ${inside.length} 处绿地（可信度：高 ${count('high')}、中 ${count('medium')}、低 ${count('low')}）`);
    expect(basis).toContain(`区外 2 公里内 ${greens.length - inside.length} 处`);
    expect(basis).toContain(`${Number(builtup.area_km2).toFixed(1)} 平方公里建成区`);
    expect(await cov.locator('p.data-for').textContent()).toContain('内置数据');
    expect(await cov.locator('p.scenario-note').count()).toBe(0);
    // The "walking" mode is named for what it is, with its assumptions where the numbers are.
    const walkLabel = await cov.locator('label:has(input[name=mode][value=walk])').textContent();
    expect(walkLabel).toContain('直线');
    expect(walkLabel).not.toMatch(/^\s*步行/);
    await cov.locator('input[name=mode][value=walk]').check();
    await expect.poll(() => cov.locator('p.mode-note').textContent()).toContain('没有街道路网');
    expect(await cov.locator('p.mode-note').textContent()).toContain('80 米');
    await screenshot(page, 'planner-coverage-basis');

    // A scenario with a change: the tab says it is not what these numbers are for.
    await page.locator('jb-app jb-panel').getByRole('tab', { name: '方案' }).click();
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, [106.6, 29.6]);
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(1);
    await page.locator('jb-app jb-panel').getByRole('tab', { name: '覆盖' }).click();
    await expect.poll(() => cov.locator('p.scenario-note').textContent()).toContain('方案 1 / Scenario 1');
    await screenshot(page, 'planner-coverage-scenario-note');
    guard.assertClean();
  });

  it('the report prints on one A4 page with today beside the scenario; the map PNG carries title, legend, scale and credit', { timeout: 120_000 }, async () => {
    const today = await api<{ tiers: { tier: string; coverage_pct: number }[] }>('/api/coverage');
    const { page, guard } = await openWorkbench();
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, [106.6, 29.6], 13);
    await expect.poll(() => shownChange(page), { timeout: 20_000 }).not.toBeNull();

    // The map PNG: the canvas with a title band above and a legend, scale bar and credit below.
    const canvas = await page.evaluate(() => ({
      w: window.jbMap!.getCanvas().width,
      h: window.jbMap!.getCanvas().height,
      css: window.jbMap!.getCanvas().clientWidth,
    }));
    const [png] = await Promise.all([page.waitForEvent('download'), wb(page).locator('button[data-export=png]').click()]);
    const bytes = readFileSync((await png.path())!);
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(w).toBe(canvas.w);
    const k = canvas.w / canvas.css;
    expect(h).toBeGreaterThan(canvas.h + 90 * k);
    const found = await page.evaluate(
      async ({ b64, head: headH, top }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const seen = new Set<string>();
        const d = g.getImageData(0, top, c.width, c.height - top).data;
        for (let i = 0; i < d.length; i += 4) seen.add(`#${[d[i]!, d[i + 1]!, d[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
        const head = g.getImageData(0, 0, c.width, headH).data;
        let dark = 0;
        for (let i = 0; i < head.length; i += 4) if (head[i]! < 80 && head[i + 1]! < 80) dark++;
        return { seen: [...seen], dark };
      },
      { b64: bytes.toString('base64'), head: Math.round(48 * k), top: Math.round(48 * k) + canvas.h },
    );
    // Below the map: the legend swatches of what is shown (zone and green-tier colours), drawn exactly.
    for (const colour of ['#e69f00', '#56b4e9', '#1b7837', '#c2185b']) expect(found.seen).toContain(colour);
    expect(found.dark).toBeGreaterThan(200); // the title's letters
    await page.evaluate(async (b64) => {
      const a = document.createElement('img');
      a.src = `data:image/png;base64,${b64}`;
      a.id = 'png-preview';
      a.style.cssText = 'position:fixed;top:0;left:0;z-index:99;height:100vh;width:auto;background:#fff;border:1px solid #000';
      document.body.append(a);
      await a.decode();
    }, bytes.toString('base64'));
    await screenshot(page, 'planner-png-export');
    await page.evaluate(() => document.getElementById('png-preview')?.remove());

    // The report: today and the scenario side by side, on one page.
    await wb(page).locator('button[data-export=report]').click();
    const report = page.locator('jb-app jb-report');
    await expect.poll(() => report.locator('table.tiers td.baseline').count(), { timeout: 20_000 }).toBe(3);
    const shown = await report.locator('table.tiers tr[data-tier=leisure] td.baseline').textContent();
    expect(shown).toBe(`${today.tiers.find((t) => t.tier === 'leisure')!.coverage_pct.toFixed(1)}%`);
    expect(await report.locator('.legend span').count()).toBeGreaterThan(5);
    await expect.poll(() => report.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1440);
    await screenshot(page, 'planner-report');
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    guard.assertClean();
  });

  it('each tab opens at its top, not where the last one was scrolled to', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=plan', { viewport: { width: 1280, height: 720 } });
    await waitForMapReady(page);
    const body = page.locator('jb-app jb-panel').locator('.body');
    const top = () => body.evaluate((b) => b.scrollTop);
    await page.waitForTimeout(1500); // results and notes arriving after the map is drawn
    expect(await top()).toBe(0);
    await page.locator('jb-app jb-panel').getByRole('tab', { name: 'Coverage' }).click();
    await body.evaluate((b) => (b.scrollTop = 700));
    expect(await top()).toBeGreaterThan(300);
    await page.locator('jb-app jb-panel').getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(top).toBe(0);
    await screenshot(page, 'planner-plan-tab-top');
    guard.assertClean();
  });
});
