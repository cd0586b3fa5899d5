/**
 * People in Chromium, on the shipped data and the real worker: a planner loads a population
 * GeoTIFF (and then a CSV) in the Plan tab, the page shows it as given and rates in people,
 * the Coverage tab ranks gap pieces by unserved people; a click on the top piece offers its
 * suggested site, which goes to the plan, and the people served rise.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/population/${name}`, import.meta.url)));
const app = (page: Page) => page.locator('jb-app');
const pop = (page: Page) => app(page).locator('jb-population');
const tab = (page: Page, id: string) => app(page).locator('jb-panel').locator(`#tab-${id}`).click();

async function loadPopulation(page: Page, name: string, mimeType: string, source: string, date: string) {
  await tab(page, 'plan');
  await pop(page)
    .locator('input.population')
    .setInputFiles({ name, mimeType, buffer: fixture(name) });
  await pop(page).locator('#pop-source').fill(source);
  await pop(page).locator('#pop-date').fill(date);
  await pop(page).locator('button.load-population').click();
  await expect.poll(() => pop(page).locator('.loaded .report').textContent(), { timeout: 20_000 }).toContain(name);
  // The server's count of it comes with the rates in people.
  await expect.poll(() => pop(page).locator('.summary').textContent(), { timeout: 20_000 }).toContain(source);
}

describe('population and gap pieces', () => {
  it('GeoTIFF: rates in people and pieces ranked by people; adding a piece’s site serves more people; then a CSV', { timeout: 150_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=coverage', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    // Without a population the page says the rates are by area, and how to load people.
    await expect.poll(() => app(page).locator('jb-coverage .area-note').textContent()).toMatch(/load a population/);

    await loadPopulation(page, 'people-4326.tif', 'image/tiff', 'Fixture raster (synthetic)', '2020');
    const summary = await pop(page).locator('.summary').textContent();
    // 20 × 15 pixels of 25 people, 5 of them nodata: 7,375, all on district land.
    expect(summary).toContain('7,375 people in the file');
    expect(summary).toContain('7,375 on the district’s land');
    expect(summary).toContain('2020');
    expect(await pop(page).locator('.warn').textContent()).toMatch(/only part/);

    await tab(page, 'coverage');
    const cov = app(page).locator('jb-coverage');
    await expect.poll(() => cov.locator('.people-note').textContent(), { timeout: 20_000 }).toContain('Fixture raster');
    const leisure = Number(await cov.locator('table.tiers tr[data-tier=leisure] td.people').getAttribute('data-people-pct'));
    expect(leisure).toBeGreaterThanOrEqual(0);
    expect(leisure).toBeLessThan(100);
    // Pieces ranked by unserved people, the top one holding some.
    const pieces = app(page).locator('jb-pieces ol.pieces li');
    await expect.poll(() => pieces.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const people = await pieces.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-people'))));
    expect(people[0]).toBeGreaterThan(0);
    expect([...people].sort((a, b) => b - a)).toEqual(people);
    await screenshot(page, 'people-pieces');

    // Click the top piece: the map flies to it and its site is offered; add it to the plan.
    await pieces.first().locator('button').first().click();
    await pieces.first().locator('button.add-site').click();
    const row = app(page).locator('jb-workbench table.people-diff tr[data-tier=leisure]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    const served = Number(await row.getAttribute('data-people'));
    const before = Number(await row.getAttribute('data-people-before'));
    expect(served).toBeGreaterThan(before);
    await screenshot(page, 'people-added');

    // A CSV instead (WGS-84): the page shows it as given.
    await loadPopulation(page, 'people.csv', 'text/csv', 'Fixture points (synthetic)', '2021-06');
    expect(await pop(page).locator('.summary').textContent()).toContain('12,000 people in the file');
    await tab(page, 'coverage');
    await expect.poll(() => app(page).locator('jb-coverage .people-note').textContent(), { timeout: 20_000 }).toContain('Fixture points');
    guard.assertClean();
  });
});
