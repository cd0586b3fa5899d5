/**
 * The OpenStreetMap data in the page, in Chromium on the shipped layers: the map always
 * credits OpenStreetMap; the Data tab and the exports name the extract, its date and its
 * licence; a named OSM park is found by pinyin and drawn as its own outline; the sports
 * toggle changes the 500 m rate to what the API answers; the Nearby search starts from a
 * metro station; an unnamed or outside site says so; the page works without the new layers.
 */

import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { OSM_SOURCE } from '../../src/content/data-source';
import { LAYER_GROUPS } from '../../src/content/layer-groups';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api, guanyinqiaoStation, layer, namedOsmParks, pinyinOf, pointOnlyIn } from './data';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const app = (page: Page) => page.locator('jb-app');
const fillLayers = (group: string) =>
  LAYER_GROUPS.find((g) => g.id === group)!
    .layers.filter((l) => l.type === 'fill')
    .map((l) => l.id);
const oneDecimal = (v: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
interface Rates {
  sports?: boolean;
  tiers: { tier: string; coverage_pct: number }[];
}
const leisurePct = (c: Rates) => c.tiers.find((r) => r.tier === 'leisure')!.coverage_pct;

/** The map's attribution control as the user sees it. */
const attribution = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('jb-app')!.shadowRoot!.querySelector('jb-map')!.shadowRoot!.querySelector<HTMLElement>('.maplibregl-ctrl-attrib');
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return {
      text: el.textContent ?? '',
      href: el.querySelector('a')?.getAttribute('href') ?? '',
      compact: el.classList.contains('maplibregl-compact'),
      shown: box.width > 0 && box.height > 0 && box.bottom <= innerHeight && box.right <= innerWidth,
    };
  });

describe('OpenStreetMap data in the page', () => {
  it('credits OpenStreetMap in the map’s attribution, basemap off: in full on a desktop, compact on a phone, in both languages', async () => {
    const { page, guard } = await openPage('/?lang=zh');
    await waitForMapReady(page);
    const zh = await attribution(page);
    expect(zh).toMatchObject({ href: OSM_SOURCE.copyrightUrl, compact: false, shown: true });
    expect(zh!.text).toContain('© OpenStreetMap contributors'); // ODbL's words, untranslated in both languages
    await app(page).locator('button.lang').click();
    await expect.poll(async () => (await attribution(page))?.text).toContain('© OpenStreetMap contributors');
    expect(guard.outside).toEqual([]);
    await screenshot(page, 'osm-attribution-desktop');
    guard.assertClean();

    const phone = await openPage('/?lang=en', PHONE);
    await waitForMapReady(phone.page);
    const small = await attribution(phone.page);
    expect(small).toMatchObject({ compact: true, shown: true });
    expect(small!.text).toContain('OpenStreetMap contributors');
    await screenshot(phone.page, 'osm-attribution-phone');
    phone.guard.assertClean();
  });

  it('names the extract, its date and its licence in the Data tab, the CSV, the map PNG and the report', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=about', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    const about = app(page).locator('jb-about');
    const text = await about.evaluate((el) => el.shadowRoot!.textContent ?? '');
    for (const s of ['OpenStreetMap', 'Geofabrik', OSM_SOURCE.date, OSM_SOURCE.licence]) expect(text).toContain(s);
    expect(await about.locator(`a[href="${OSM_SOURCE.licenceUrl}"]`).count()).toBe(1);
    await screenshot(page, 'osm-data-tab');

    await app(page).locator('#tab-plan').click();
    const wb = app(page).locator('jb-workbench');
    const [csv] = await Promise.all([page.waitForEvent('download'), wb.locator('button[data-export=csv]').click()]);
    const rows = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(rows[0]).toContain('data_source');
    for (const row of rows.slice(1)) for (const s of ['OpenStreetMap', OSM_SOURCE.date, OSM_SOURCE.licence]) expect(row).toContain(s);

    // The PNG carries the credit in its bottom-right corner: a near-white strip with dark text.
    const [png] = await Promise.all([page.waitForEvent('download'), wb.locator('button[data-export=png]').click()]);
    const url = `data:image/png;base64,${readFileSync((await png.path())!).toString('base64')}`;
    const strip = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(c.width - 300, c.height - 16, 300, 14);
      let dark = 0,
        light = 0;
      for (let i = 0; i < data.length; i += 4) {
        const sum = data[i]! + data[i + 1]! + data[i + 2]!;
        if (sum < 300) dark++;
        else if (sum > 735) light++;
      }
      return { dark, light, total: data.length / 4 };
    }, url);
    expect(strip.dark, 'text pixels in the credit').toBeGreaterThan(100);
    expect(strip.light / strip.total, 'the credit’s white strip').toBeGreaterThan(0.5);

    await wb.locator('button[data-export=report]').click();
    const report = app(page).locator('jb-report');
    await expect.poll(() => report.locator('.sources').textContent()).toContain(OSM_SOURCE.date);
    expect(await report.locator('.sources').textContent()).toContain(OSM_SOURCE.licence);
    guard.assertClean();
  });

  it('finds a named OSM park by pinyin and draws it as its own outline, not a drawn circle', { timeout: 60_000 }, async () => {
    const park = (await namedOsmParks())[0]!;
    const { id, name_zh } = park.properties as { id: string; name_zh: string };
    // Its geometry is a surveyed outline: many vertices, at very different distances from its centre.
    const ring = park.geometry.type === 'Polygon' ? park.geometry.coordinates[0]! : park.geometry.coordinates[0]![0]!;
    expect(ring.length).toBeGreaterThan(20);
    const centre = turf.centroid(park).geometry.coordinates;
    const radii = ring.map((p) => turf.distance(centre, p, { units: 'meters' }));
    const mean = radii.reduce((a, b) => a + b, 0) / radii.length;
    const sd = Math.sqrt(radii.reduce((a, b) => a + (b - mean) ** 2, 0) / radii.length);
    expect(sd / mean, 'spread of the outline around its centre').toBeGreaterThan(0.1);

    const { page, guard } = await openPage('/?lang=zh&panel=nearby', { viewport: { width: 1280, height: 800 } });
    await waitForMapReady(page);
    const nearby = app(page).locator('jb-nearby');
    await nearby.locator('input[type=search]').fill(pinyinOf(name_zh));
    const hit = nearby.locator('ul.hits button[data-layer=greenspaces]', { hasText: name_zh });
    await expect.poll(() => hit.count()).toBeGreaterThan(0);
    await hit.first().click();
    // A park picked in the search is where to go (issue 16), not where the citizen is.
    await expect.poll(() => nearby.locator('section.destination').count()).toBe(1);

    // Show the whole park, then ask the map what it drew there.
    await page.evaluate(
      (b) =>
        new Promise((r) => {
          window.jbMap!.once('idle', r);
          window.jbMap!.fitBounds(b as [number, number, number, number], { padding: { top: 60, bottom: 60, left: 420, right: 80 }, duration: 0 });
        }),
      turf.bbox(park),
    );
    const drawn = await page.evaluate(
      ([layers, fid]) =>
        window
          .jbMap!.queryRenderedFeatures({ layers: (layers as string[]).filter((l) => window.jbMap!.getLayer(l)) })
          .filter((f) => f.properties.id === fid)
          .map((f) => f.geometry),
      [fillLayers('greenspaces'), id] as const,
    );
    expect(drawn.length).toBeGreaterThan(0);
    expect(new Set(drawn.map((g) => g.type.replace('Multi', '')))).toEqual(new Set(['Polygon']));
    // The pieces drawn (cut at tile edges) span the park's own outline, to within ~30 m.
    const [w, s, e, n] = turf.bbox({
      type: 'FeatureCollection',
      features: drawn.map((g) => ({ type: 'Feature', properties: {}, geometry: g })),
    } as FeatureCollection);
    const [W, S, E, N] = turf.bbox(park);
    const m = (a: number[], b: number[]) => turf.distance(a, b, { units: 'meters' });
    expect(m([w, s], [W, S])).toBeLessThan(30);
    expect(m([e, n], [E, N])).toBeLessThan(30);
    await screenshot(page, 'osm-park-outline');
    guard.assertClean();
  });

  it('counts sports grounds as leisure spaces when asked: the 500 m rate rises to what the API answers, and the link keeps it', {
    timeout: 60_000,
  }, async () => {
    const without = await api<Rates>('/api/coverage?mode=radius');
    const withSports = await api<Rates>('/api/coverage?mode=radius&sports=true');
    expect(withSports.sports).toBe(true);

    const { page, guard } = await openPage('/?lang=en', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    const coverage = app(page).locator('jb-coverage');
    const rate = coverage.locator('table.tiers tr[data-tier=leisure] td.rate');
    const before = await rate.textContent();
    expect(before).toBe(`${oneDecimal(leisurePct(without))}%`);

    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await coverage.locator('input[name=sports]').check();
    await expect.poll(() => rate.textContent(), { timeout: 15_000 }).not.toBe(before);
    const after = await rate.textContent();
    expect(after).toBe(`${oneDecimal(leisurePct(withSports))}%`);
    expect(parseFloat(after!)).toBeGreaterThan(parseFloat(before!));
    expect(page.url()).toContain('sports=true');
    // The rings and gaps drawn are counted the same way.
    await waitForMapReady(page);
    expect(asked.some((u) => /\/api\/coverage\/rings\?/.test(u) && u.includes('sports=true'))).toBe(true);
    const [drawn, answered] = await page.evaluate(async () => {
      const m = window.jbMap!;
      const data = (id: string) => (m.getSource(id) as unknown as { getData(): Promise<unknown> }).getData();
      const api = async (path: string) => (await fetch(path)).json();
      return [
        JSON.stringify([await data('rings'), await data('gaps')]),
        JSON.stringify([await api('/api/coverage/rings?mode=radius&sports=true'), await api('/api/gaps?tier=leisure&mode=radius&sports=true')]),
      ];
    });
    expect(drawn).toBe(answered);
    await screenshot(page, 'osm-sports-counted');

    // A shared link opens with sports counted.
    await page.reload();
    await waitForMapReady(page);
    await expect(coverage.locator('input[name=sports]').isChecked()).resolves.toBe(true);
    await expect.poll(() => rate.textContent()).toBe(after);
    guard.assertClean();
  });

  it('starts the Nearby answer from a metro station found as 观音桥站 or by pinyin', async () => {
    const station = await guanyinqiaoStation();
    const [lon, lat] = turf.getCoord(station as never);
    const expected = await api<{ tiers: { tier: string; id: string | null }[] }>(`/api/nearest?lon=${lon}&lat=${lat}&mode=radius`);

    const { page, guard } = await openPage('/?lang=zh&panel=nearby', PHONE);
    await waitForMapReady(page);
    const nearby = app(page).locator('jb-nearby');
    const search = nearby.locator('input[type=search]');
    await search.fill('guanyinqiao');
    await expect.poll(() => nearby.locator(`ul.hits button[data-id="${station.properties!.id}"]`).count()).toBe(1);
    await search.fill('观音桥站');
    const first = nearby.locator('ul.hits button').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe(String(station.properties!.id));
    await first.click();
    await expect.poll(() => nearby.locator('p.answer').count()).toBe(1);
    const near = new URL(page.url()).searchParams.get('near')!.split(',').map(Number);
    expect(turf.distance(near as [number, number], [lon!, lat!], { units: 'meters' })).toBeLessThan(2);
    // The page's nearest site of each tier is the API's, from the station.
    for (const x of expected.tiers.filter((t) => t.id)) {
      await expect(nearby.locator(`ol.by-tier button[data-id="${x.id}"]`).count(), x.tier).resolves.toBeGreaterThan(0);
    }
    await waitForMapReady(page);
    await screenshot(page, 'nearby-phone-guanyinqiao-station');
    guard.assertClean();
  });

  it('says when a site is unnamed (its title a description) or outside the district', async () => {
    const greens = (await layer('greenspaces')).features;
    const pick = async (test: (p: Record<string, unknown>) => boolean, hint: string) => {
      const site = greens.find((f) => test(f.properties ?? {}) && f.geometry.type === 'Polygon' && turf.area(f) > 20_000)!;
      expect(site, hint).toBeDefined();
      const [x, y] = await pointOnlyIn(site as never);
      const { page, guard } = await openPage(`/?lang=en&c=${x},${y}&z=16&layers=greenspaces`);
      await waitForMapReady(page);
      const p = await page.evaluate(([a, b]) => window.jbMap!.project([a!, b!]), [x, y]);
      await page.mouse.click(p.x, p.y);
      const card = app(page).locator('jb-card');
      await expect.poll(() => card.locator('h2').textContent()).toBe(site.properties!.name_en);
      await expect(card.locator(`p.hint.${hint}`).count()).resolves.toBe(1);
      await screenshot(page, `osm-card-${hint}`);
      guard.assertClean();
    };
    await pick((p) => p.unnamed === true && p.outside !== true, 'unnamed');
    await pick((p) => p.outside === true && p.unnamed !== true, 'outside');
  });

  it('still works, without errors, when the new layers are missing', async () => {
    const gone = new Set(['railways', 'stations', 'sports']);
    const b = await (await import('./browser')).launch();
    const context = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const problems: string[] = [];
    await context.route('**/api/layers', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { layers: { id: string }[] };
      await route.fulfill({ response: res, json: { layers: body.layers.filter((l) => !gone.has(l.id)) } });
    });
    await context.route('**/api/layers/all.geojson', async (route) => {
      const res = await route.fetch();
      const fc = (await res.json()) as FeatureCollection;
      await route.fulfill({ response: res, json: { ...fc, features: fc.features.filter((f) => !gone.has(String(f.properties?.layer))) } });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(new URL('/?lang=en&panel=layers', inject('baseURL')).href);
    await waitForMapReady(page);
    const groups = await app(page)
      .locator('jb-layers input[data-group]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups.filter((g) => gone.has(g!))).toEqual([]);
    expect(groups).toContain('greenspaces');
    expect(await page.evaluate(() => window.jbMap!.getStyle().layers.filter((l) => /^(railways|stations|sports)-/.test(l.id)).length)).toBe(0);
    expect(await app(page).locator('jb-coverage input[name=sports]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
