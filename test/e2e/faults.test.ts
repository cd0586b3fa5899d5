/**
 * Faults, injected: the API down or slow (a message with a retry, the last good data still
 * shown, never a blank map), a corrupt saved scenario (reported, the rest kept, never a
 * blank page), and a full storage when saving (the user is told; nothing is lost).
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, type Guard, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

const app = (page: Page) => page.locator('jb-app');
const coverage = (page: Page) => page.locator('jb-app jb-coverage');
const wb = (page: Page) => page.locator('jb-app jb-workbench');

/** The browser logs each deliberately failed request; drop exactly those lines. */
const dropFailedLoads = (guard: Guard) => {
  guard.problems = guard.problems.filter((p) => !/Failed to load resource: the server responded with a status of 503/.test(p));
};

/** The map is drawn: the district's fill is on screen. */
const mapDrawn = (page: Page) => page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['boundary-fill'] }).length);
/** Coverage rings drawn on the map (the service areas), as rendered features. */
const ringsDrawn = (page: Page) =>
  page.evaluate(() => {
    const map = window.jbMap!;
    return map.queryRenderedFeatures({ layers: ['rings-park-fill', 'rings-garden-fill', 'rings-leisure-fill'].filter((id) => map.getLayer(id)) }).length;
  });

async function clickMapAt(page: Page, lon: number, lat: number) {
  await page.evaluate(([x, y]) => window.jbMap!.jumpTo({ center: [x!, y!], zoom: 14 }), [lon, lat]);
  const p = await page.evaluate(([x, y]) => window.jbMap!.project([x!, y!]), [lon, lat]);
  await page.mouse.click(p.x, p.y);
}

describe('faults', () => {
  it('the API going down: a message with a retry, the last good figures and the map still shown; retry recovers', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=coverage');
    await waitForMapReady(page);
    const table = coverage(page).locator('table.tiers');
    await expect.poll(() => table.count()).toBe(1);
    const good = await table.textContent();
    const rings = await ringsDrawn(page);
    expect(rings).toBeGreaterThan(0);

    await page
      .context()
      .route('**/api/**', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"down","message":"service down"}}' }),
      );
    await coverage(page).locator('input[value=walk]').check();
    const alert = coverage(page).locator('[role=alert]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('service down');
    expect(await alert.locator('button').textContent()).toMatch(/Retry/i);
    // The last good figures stay, and the map is not blank.
    expect(await table.textContent()).toBe(good);
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    await page.evaluate(() => new Promise((r) => (window.jbMap!.loaded() ? r(null) : window.jbMap!.once('idle', r))));
    expect(await ringsDrawn(page)).toBeGreaterThan(0);
    await screenshot(page, 'faults-api-down');

    await page.context().unroute('**/api/**');
    await alert.locator('button').click();
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => table.count()).toBe(1);
    expect(await coverage(page).locator('input[value=walk]').isChecked()).toBe(true);
    await waitForMapReady(page);
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    dropFailedLoads(guard);
    guard.assertClean();
  });

  it("the map's own layers failing to load: says so, with a retry that draws them", { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en');
    await waitForMapReady(page);
    await page
      .context()
      .route('**/api/layers/all.geojson', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"down","message":"service down"}}' }),
      );
    await page.reload();
    // Not "ready": the map is idle but nothing of the plan is drawn, and the page says so.
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'error', null, { timeout: 30_000 });
    const alert = app(page).locator('.status[role=alert]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/layers could not be loaded.*503/is);
    expect(await mapDrawn(page)).toBe(0);
    expect(await app(page).locator('.progress').count()).toBe(0);
    await screenshot(page, 'faults-map-data-down');

    await page.context().unroute('**/api/layers/all.geojson');
    await alert.locator('button').click();
    await waitForMapReady(page);
    expect(await alert.count()).toBe(0);
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['zones-fill-wangjiang'] }).length)).toBeGreaterThan(0);
    dropFailedLoads(guard);
    guard.assertClean();
  });

  it('the map’s data slow to come: the side panel does not wait for it (its figures show), the map follows', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=coverage');
    await waitForMapReady(page);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.context().route('**/api/layers/all.geojson', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    // The panel waits for the map to start, but no longer than its cap (1.5 s).
    await expect.poll(() => coverage(page).locator('table.tiers td.rate').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.mapReady)).not.toBe('true');
    release();
    await waitForMapReady(page);
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    await page.context().unroute('**/api/layers/all.geojson');
    guard.assertClean();
  });

  it('the API slow: says it is working, keeps the last figures meanwhile, then shows the new ones', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=coverage');
    await waitForMapReady(page);
    const table = coverage(page).locator('table.tiers');
    await expect.poll(() => table.count()).toBe(1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.context().route('**/api/coverage?*', async (route) => {
      await held;
      await route.continue();
    });
    await coverage(page).locator('input[value=walk]').check();
    const status = coverage(page).locator('[role=status]');
    await expect.poll(() => status.count()).toBe(1);
    expect(await table.count()).toBe(1);
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    release();
    await expect.poll(() => status.count(), { timeout: 30_000 }).toBe(0);
    expect(await coverage(page).locator('[role=alert]').count()).toBe(0);
    expect(await table.count()).toBe(1);
    await page.context().unroute('**/api/coverage?*');
    guard.assertClean();
  });

  it('a corrupt saved scenario: reported and set aside, the other scenarios kept, the page drawn', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=plan');
    await waitForMapReady(page);
    const good = {
      id: 'sc-kept',
      name: 'Kept scenario',
      updated: '2026-01-01T00:00:00.000Z',
      proposals: [{ id: 'p1', tier: 'leisure', name: 'kept proposal', geometry: { type: 'Point', coordinates: [106.6, 29.6] } }],
      closures: [],
      radii: { leisure: 500, garden: 1000, park: 2000 },
      mode: 'radius',
    };
    await page.evaluate((g) => {
      localStorage.clear();
      localStorage.setItem('jb.scenario.sc-kept', JSON.stringify(g));
      localStorage.setItem('jb.scenario.sc-broken', '{"id":"sc-broken","name":"half a scen');
      localStorage.setItem('jb.scenario.sc-wrong', '[1,2,3]');
    }, good);
    await page.reload();
    await waitForMapReady(page);
    const alert = wb(page).locator('p.warn[role=alert]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/2 saved scenario\(s\) could not be read/);
    expect(await wb(page).locator('select#sc option').allTextContents()).toContain('Kept scenario');
    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    // Nothing destroyed: the unreadable text is kept under another key.
    expect(stored['jb.corrupt.sc-broken']).toBe('{"id":"sc-broken","name":"half a scen');
    expect(stored['jb.corrupt.sc-wrong']).toBe('[1,2,3]');
    expect(JSON.parse(stored['jb.scenario.sc-kept']!).name).toBe('Kept scenario');
    expect(await mapDrawn(page)).toBeGreaterThan(0);
    expect(await app(page).locator('h1').count()).toBe(1);
    await screenshot(page, 'faults-corrupt-scenario');
    guard.assertClean();
  });

  it('storage full when saving: the user is told, the change stays on the page and can be exported', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=plan');
    await page.context().addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await waitForMapReady(page);
    await wb(page).locator('input[name=tool][value=add]').check();
    await clickMapAt(page, 106.6, 29.6);
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(1);
    const alert = wb(page).locator('p.err[role=alert]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/storage is full.*export it as GeoJSON/);
    // Nothing lost: the proposal is still there and goes out in the export.
    const [download] = await Promise.all([page.waitForEvent('download'), wb(page).getByRole('button', { name: 'Export GeoJSON' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeatureCollection;
    expect(exported.features).toHaveLength(1);
    expect(exported.features[0]!.geometry.type).toBe('Point');
    await screenshot(page, 'faults-quota');
    guard.assertClean();
  });
});
