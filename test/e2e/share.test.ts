/**
 * Sharing scenarios in Chromium, against the real worker and its D1 database (a fresh one
 * per run: scripts/serve-app.ts). Two browser contexts are two planners with their own
 * storage: A shares, B opens the read link read-only and copies it; with the edit link, B
 * edits a stale version while A saves a newer one, and B gets the conflict view with both
 * versions' rates side by side. The database made unavailable (requests to it answered 503)
 * keeps the local copy and says so, and a retry stores it once it is back.
 */
import * as turf from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, type Guard, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

const base = () => inject('baseURL');
const api = async <T>(path: string) => (await fetch(`${base()}${path}`)).json() as Promise<T>;
const share = (page: Page) => page.locator('jb-app jb-share');
const wb = (page: Page) => page.locator('jb-app jb-workbench');

/** Requests the tests make fail on purpose are logged by the browser; drop exactly those. */
const dropExpected = (guard: Guard, statuses: number[]) => {
  const re = new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})`);
  guard.problems = guard.problems.filter((p) => !re.test(p));
};

/** A scenario file as the workbench exports it: one leisure space in each of the given spots. */
function scenarioFile(name: string, spots: Position[]) {
  return {
    type: 'FeatureCollection',
    jiangbei_scenario: { version: 1, name, closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' },
    features: spots.map((c, i) => ({
      type: 'Feature',
      id: `p${i + 1}`,
      properties: { id: `p${i + 1}`, tier: 'leisure', name: `#${i + 1}` },
      geometry: { type: 'Point', coordinates: c },
    })),
  };
}

async function importScenario(page: Page, file: object) {
  await wb(page)
    .locator('input.import')
    .setInputFiles({ name: 'shared.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
}

/** The scenario's 500 m rate as the workbench's diff table shows it, once the analysis settled. */
async function shownRate(page: Page): Promise<string> {
  const cell = wb(page).locator('table.diff tr[data-tier=leisure] td.rate');
  await expect.poll(() => cell.count(), { timeout: 20_000 }).toBe(1);
  await expect
    .poll(
      () =>
        wb(page)
          .locator('[role=status]')
          .filter({ hasText: /Computing|正在计算/ })
          .count(),
      { timeout: 20_000 },
    )
    .toBe(0);
  return (await cell.textContent())!.trim();
}

async function planner(path = '/?lang=en&panel=plan') {
  const opened = await openPage(path, { viewport: { width: 1280, height: 900 } });
  await waitForMapReady(opened.page);
  return opened;
}

describe('sharing scenarios between two planners', () => {
  it('A shares; B opens the read link read-only and copies it; B’s stale edit gets the conflict view while A saves', { timeout: 180_000 }, async () => {
    const gaps = await api<FeatureCollection>('/api/gaps?tier=leisure');
    const spots = gaps.features.slice(0, 2).map((f) => turf.pointOnFeature(f).geometry.coordinates);
    const name = "North bank <script>alert(1)</script> 江北 '; DROP TABLE scenarios;--";

    // --- A shares -------------------------------------------------------------------------
    const a = await planner();
    await importScenario(a.page, scenarioFile(name, spots));
    await share(a.page).locator('button.share').click();
    const linked = share(a.page).locator('.linked');
    await expect.poll(() => linked.count(), { timeout: 15_000 }).toBe(1);
    expect(await linked.getAttribute('data-version')).toBe('1');
    const id = (await linked.getAttribute('data-id'))!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const readLink = await share(a.page).locator('input.read-link').inputValue();
    const editLink = await share(a.page).locator('input.edit-link').inputValue();
    expect(readLink).toBe(`${base()}/?scenario=${id}`);
    expect(editLink).toMatch(new RegExp(`^${readLink.replace(/[?]/g, '\\?')}#edit=[A-Za-z0-9_-]{43}$`));
    const stored = await api<{ version: number; name: string; features: number }>(`/api/scenarios/${id}`);
    expect(stored).toMatchObject({ version: 1, name, features: 2 });
    await screenshot(a.page, 'share-a-shared');

    // --- B opens the read link: read-only, then copies -------------------------------------
    const b = await planner(`${readLink}&lang=en`);
    const card = share(b.page).locator('.viewing');
    await expect.poll(() => card.locator('.name').count(), { timeout: 15_000 }).toBe(1);
    expect(await card.locator('.name').textContent()).toBe(name); // as text: no script ran, no markup
    expect(await card.locator('.meta').getAttribute('data-version')).toBe('1');
    expect(await card.locator('.meta').textContent()).toMatch(/Version 1 of 1, saved /);
    // Its rates against today, as the worker computes them for A's scenario.
    const aRate = await shownRate(a.page);
    await expect.poll(() => card.locator('table.view-rates tr[data-tier=leisure] td').nth(2).textContent(), { timeout: 20_000 }).toBe(aRate);
    // Its two sites are on B's map.
    await expect
      .poll(
        () =>
          b.page.evaluate(
            () => (window.jbMap!.getSource('proposals') as unknown as { serialize(): { data: FeatureCollection } }).serialize().data.features.length,
          ),
        { timeout: 10_000 },
      )
      .toBe(2);
    // Read-only: no way to save a version from here, the copy is B's own.
    expect(await share(b.page).locator('button.save-version').count()).toBe(0);
    expect(await card.locator('button.copy').textContent()).toBe('Make my own copy');
    await screenshot(b.page, 'share-b-read-only');
    await card.locator('button.copy').click();
    await expect.poll(() => wb(b.page).locator('#sc option:checked').textContent()).toBe(name);
    expect(await wb(b.page).locator('ul.proposals li').count()).toBe(2);
    expect(new URL(b.page.url()).searchParams.get('scenario')).toBeNull();
    // B's copy is not linked to A's: B may share it anew, not save over A's.
    expect(await share(b.page).locator('button.save-version').count()).toBe(0);
    expect(await share(b.page).locator('button.share').count()).toBe(1);
    expect(await b.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jb.scenario.')).length)).toBeGreaterThanOrEqual(1);

    // --- with the edit link, B edits version 1 while A saves version 2 ----------------------
    await b.page.goto(editLink.replace('#', '&lang=en#'));
    await waitForMapReady(b.page);
    expect(new URL(b.page.url()).hash).toBe(''); // the token left the address bar
    await expect.poll(() => share(b.page).locator('.viewing button.copy').textContent(), { timeout: 15_000 }).toMatch(/save new versions/);
    await share(b.page).locator('.viewing button.copy').click();
    await expect.poll(() => share(b.page).locator('.linked').getAttribute('data-version')).toBe('1');
    // B drops site #2; A drops site #1 and saves first.
    await wb(b.page).locator('ul.proposals li').nth(1).locator('button').click();
    await wb(a.page).locator('ul.proposals li').nth(0).locator('button').click();
    const aRate2 = await shownRate(a.page);
    const bRate = await shownRate(b.page);
    expect(aRate2).not.toBe(bRate);
    await share(a.page).locator('button.save-version').click();
    await expect.poll(() => share(a.page).locator('.notice').textContent(), { timeout: 15_000 }).toBe('Saved version 2.');
    await share(b.page).locator('button.save-version').click();
    const conflict = share(b.page).locator('.conflict');
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(1);
    expect(await conflict.textContent()).toContain('based on version 1, but version 2');
    // Both versions' rates side by side: theirs is what A's page shows for version 2, mine is B's.
    const row = conflict.locator('table.conflict-rates tr[data-tier=leisure] td');
    // Their rates are computed afresh for the conflict (a POST queued behind B's own analysis on a busy machine).
    await expect.poll(() => row.nth(1).textContent(), { timeout: 60_000 }).toBe(aRate2);
    expect(await row.nth(2).textContent()).toBe(bRate);
    // Nothing was overwritten.
    expect(await api<{ version: number; features: number }>(`/api/scenarios/${id}`)).toMatchObject({ version: 2, features: 1 });
    await screenshot(b.page, 'share-b-conflict');

    // B keeps mine as a new version: version 3 is B’s.
    await conflict.locator('button.keep-mine').click();
    await expect.poll(() => share(b.page).locator('.notice').textContent(), { timeout: 15_000 }).toBe('Saved version 3.');
    const v3 = await api<{ version: number; scenario: FeatureCollection }>(`/api/scenarios/${id}`);
    expect(v3.version).toBe(3);
    expect(v3.scenario.features.map((f) => f.properties!.name)).toEqual(['#1']);

    // A, still on version 2, saves again: conflict; A takes theirs (B's version 3).
    await share(a.page).locator('button.save-version').click();
    const aConflict = share(a.page).locator('.conflict');
    await expect.poll(() => aConflict.count(), { timeout: 15_000 }).toBe(1);
    await aConflict.locator('button.take-theirs').click();
    await expect.poll(() => wb(a.page).locator('ul.proposals li').textContent()).toMatch(/^#1/);
    expect(await share(a.page).locator('.linked').getAttribute('data-version')).toBe('3');
    expect(await shownRate(a.page)).toBe(bRate);
    expect((await api<{ version: number }>(`/api/scenarios/${id}`)).version).toBe(3);

    for (const p of [a, b]) {
      dropExpected(p.guard, [409]);
      p.guard.assertClean();
      await p.page.context().close();
    }
  });

  it('a scenario closing a green space that no longer ships says which; its report is the shared scenario', { timeout: 60_000 }, async () => {
    const file = {
      ...scenarioFile('Closes a park that is gone', [[106.56, 29.58]]),
      jiangbei_scenario: {
        version: 1,
        name: 'Closes a park that is gone',
        closures: ['osm-gone-42'],
        radii: { leisure: 500, garden: 1000, park: 2000 },
        mode: 'radius',
      },
    };
    const res = await fetch(`${base()}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) });
    const { id } = (await res.json()) as { id: string };
    const { page, guard } = await planner(`/?lang=en&scenario=${id}`);
    const missing = share(page).locator('.viewing .data-missing');
    await expect.poll(() => missing.count(), { timeout: 15_000 }).toBe(1);
    expect(await missing.textContent()).toContain('osm-gone-42');
    expect(await share(page).locator('.viewing .data-changed').count()).toBe(0); // made on today's data
    const rate = share(page).locator('table.view-rates tr[data-tier=leisure] td').nth(2);
    await expect.poll(() => rate.textContent(), { timeout: 20_000 }).toMatch(/%$/);
    // The report of the page is the shared scenario's: its name and its rates.
    await wb(page).locator('button[data-export=report]').click();
    const report = page.locator('jb-app jb-report');
    await expect.poll(() => report.locator('.meta').textContent(), { timeout: 15_000 }).toContain('Closes a park that is gone');
    expect(await report.locator('table.tiers tr').nth(1).locator('td').nth(2).textContent()).toBe(await rate.textContent());
    guard.assertClean();
    await page.context().close();
  });

  it('a shared scenario whose rates fail to compute says so beside the table, with a retry that computes them', { timeout: 60_000 }, async () => {
    const res = await fetch(`${base()}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenarioFile('Rates fail first', [[106.56, 29.58]])),
    });
    const { id } = (await res.json()) as { id: string };
    const { page, guard } = await planner('/?lang=en');
    // The scenario's own analysis answers a JSON error the worker could give (not retried).
    const down = '{"error":{"code":"internal","message":"The server could not complete this request."}}';
    await page
      .context()
      .route('**/api/coverage', (route) =>
        route.request().method() === 'POST' ? route.fulfill({ status: 503, contentType: 'application/json', body: down }) : route.continue(),
      );
    await page.goto(`${base()}/?lang=en&scenario=${id}`);
    const failed = share(page).locator('.viewing .rates-failed');
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(1);
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.textContent()).toContain('These rates could not be computed: The server could not complete this request.');
    await page.context().unroute('**/api/coverage');
    await failed.locator('button.retry-rates').click();
    const rate = share(page).locator('table.view-rates tr[data-tier=leisure] td').nth(2);
    await expect.poll(() => rate.textContent(), { timeout: 20_000 }).toMatch(/^\d+\.\d%$/);
    expect(await failed.count()).toBe(0);
    dropExpected(guard, [503]);
    guard.assertClean();
    await page.context().close();
  });

  it('a link to a scenario that does not exist says so', { timeout: 60_000 }, async () => {
    const { page, guard } = await planner('/?lang=en&scenario=AAAAAAAAAAAAAAAAAAAAAA');
    await expect.poll(() => share(page).locator('.viewing [role=alert]').textContent(), { timeout: 15_000 }).toMatch(/No such shared scenario/);
    await share(page).locator('.viewing button.close').click();
    expect(await share(page).locator('.viewing').count()).toBe(0);
    dropExpected(guard, [404]);
    guard.assertClean();
    await page.context().close();
  });
});

describe('the database unavailable', () => {
  it('sharing fails with a message and a retry; the local copy is kept (also across a reload); retry stores it', { timeout: 90_000 }, async () => {
    const { page, guard } = await planner();
    await importScenario(page, scenarioFile('Kept while the database is down', [[106.56, 29.58]]));
    await page.context().route('**/api/scenarios**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"storage_unavailable","message":"The scenario database did not answer."}}',
      }),
    );
    await share(page).locator('button.share').click();
    const failure = share(page).locator('.failure');
    await expect.poll(() => failure.count(), { timeout: 15_000 }).toBe(1);
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toContain('The scenario database did not answer.');
    expect(await failure.textContent()).toContain('still saved in this browser');
    expect(await share(page).locator('.linked').count()).toBe(0);
    await screenshot(page, 'share-db-down');
    // The local copy: in the list now, and after a reload.
    expect(await wb(page).locator('#sc option:checked').textContent()).toBe('Kept while the database is down');
    await page.reload();
    await waitForMapReady(page);
    expect(await wb(page).locator('#sc option:checked').textContent()).toBe('Kept while the database is down');
    expect(await wb(page).locator('ul.proposals li').count()).toBe(1);
    await share(page).locator('button.share').click();
    await expect.poll(() => failure.count(), { timeout: 15_000 }).toBe(1);

    // The database back: retry stores it.
    await page.context().unroute('**/api/scenarios**');
    await failure.locator('button.retry').click();
    const linked = share(page).locator('.linked');
    await expect.poll(() => linked.count(), { timeout: 15_000 }).toBe(1);
    expect(await failure.count()).toBe(0);
    const id = (await linked.getAttribute('data-id'))!;
    expect(await api<{ name: string; features: number }>(`/api/scenarios/${id}`)).toMatchObject({ name: 'Kept while the database is down', features: 1 });
    dropExpected(guard, [503]);
    guard.assertClean();
    await page.context().close();
  });
});
