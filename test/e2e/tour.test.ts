/**
 * The presenter's tour in Chromium: opens at the URL's chapter, keys move through chapters
 * and the camera lands on each, history does not grow, the highlighted zone is drawn,
 * reduced motion jumps, autoplay advances and a key press stops it, the handout renders.
 */
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TOUR } from '../../src/content/tour';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

const tour = (page: Page) => page.locator('jb-app jb-tour');
const chapterIndex = (page: Page) => page.evaluate(() => new URL(location.href).searchParams.get('tour'));
const centre = (page: Page) => page.evaluate(() => window.jbMap!.getCenter().toArray() as [number, number]);
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => (window.jbMap!.isMoving() ? window.jbMap!.once('moveend', () => r()) : r())));
const offBy = async (page: Page, i: number) => turf.distance(await centre(page), TOUR[i]!.camera.center, { units: 'meters' });

describe('the guided tour', () => {
  it('opens at the URL’s chapter and moves with the keys, landing on each chapter, without filling history', async () => {
    const { page, guard } = await openPage('/?lang=zh&tour=2');
    await waitForMapReady(page);
    await settled(page);
    await expect(tour(page).locator('h2').textContent()).resolves.toBe(TOUR[1]!.title.zh);
    expect(await offBy(page, 1)).toBeLessThan(50);
    const historyAtStart = await page.evaluate(() => history.length);
    await screenshot(page, 'tour-chapter-2-belt');

    for (const [key, expected] of [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['ArrowLeft', 3],
      ['PageUp', 2],
      ['End', TOUR.length - 1],
      ['Home', 0],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => chapterIndex(page)).toBe(String(expected + 1));
      await settled(page);
      expect(await offBy(page, expected), `camera after ${key}`).toBeLessThan(50);
      await expect(tour(page).locator('h2').textContent()).resolves.toBe(TOUR[expected]!.title.zh);
    }
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
    guard.assertClean();
  });

  it('draws the chapter’s highlighted zone', async () => {
    const i = TOUR.findIndex((c) => c.id === 'zone-gangcheng-tanggui');
    const { page, guard } = await openPage(`/?lang=zh&tour=${i + 1}`);
    await waitForMapReady(page);
    await settled(page);
    const ids = await page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['zones-selected'] }).map((f) => f.properties.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(['gangcheng-tanggui']));
    await screenshot(page, 'tour-chapter-zone-gangcheng-tanggui');
    guard.assertClean();
  });

  it('quotes the figures of the data as it is: the rates and counts come from the API and the layers', async () => {
    const coverage = (await (await fetch(`${inject('baseURL')}/api/coverage?mode=radius`)).json()) as { tiers: { tier: string; coverage_pct: number }[] };
    const pct = (tier: string) =>
      `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(coverage.tiers.find((r) => r.tier === tier)!.coverage_pct)}%`;
    const greens = (await (await fetch(`${inject('baseURL')}/api/layers/greenspaces`)).json()) as FeatureCollection;
    const parksInside = greens.features.filter((f) => f.properties?.tier === 'park' && f.properties?.outside !== true).length;
    const i = TOUR.findIndex((c) => c.id === 'green-standard');
    const { page, guard } = await openPage(`/?lang=en&tour=${i + 1}`, { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    const caption = tour(page).locator('.caption p');
    await expect.poll(() => caption.textContent()).toContain(`${pct('leisure')} of built-up land has a leisure space within 500 m`);
    expect(await caption.textContent()).toContain(`${pct('park')} a park within 2000 m`);
    await page.keyboard.press('Home');
    await expect.poll(() => caption.textContent()).toContain(`${parksInside} parks`);
    guard.assertClean();
  });

  it('jumps without flying when the user prefers reduced motion', async () => {
    const { page, guard } = await openPage('/?lang=en&tour=1', { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => chapterIndex(page)).toBe('2');
    const state = await page.evaluate(() => ({ moving: window.jbMap!.isMoving(), c: window.jbMap!.getCenter().toArray() }));
    expect(state.moving).toBe(false);
    expect(turf.distance(state.c, TOUR[1]!.camera.center, { units: 'meters' })).toBeLessThan(5);
    guard.assertClean();
  });

  it('autoplays on an interval and stops at the first key press', { timeout: 60_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&tour=1', { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await tour(page).locator('select.autoplay').selectOption('5');
    await expect.poll(() => chapterIndex(page), { timeout: 8_000 }).toBe('2');
    await page.keyboard.press('Shift');
    await expect(tour(page).locator('select.autoplay').inputValue()).resolves.toBe('0');
    await page.waitForTimeout(6_000);
    expect(await chapterIndex(page)).toBe('2');
    guard.assertClean();
  });

  it('returns to the chapter’s view after the audience explored the map', async () => {
    const { page, guard } = await openPage('/?lang=en&tour=10', { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await page.evaluate(() => window.jbMap!.jumpTo({ center: [106.8, 29.65], zoom: 14 }));
    expect(await offBy(page, 9)).toBeGreaterThan(1000);
    await tour(page).getByRole('button', { name: 'Back to this chapter’s view' }).click();
    await settled(page);
    expect(await offBy(page, 9)).toBeLessThan(5);
    await screenshot(page, 'tour-chapter-10-standard');
    guard.assertClean();
  });

  it('makes a handout with one page per chapter, each with its map view', { timeout: 120_000 }, async () => {
    const { page, guard } = await openPage('/?lang=zh&tour=1', { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await tour(page).getByRole('button', { name: '讲义' }).click();
    const handout = page.locator('jb-app jb-handout');
    await expect.poll(() => handout.locator('article.page').count(), { timeout: 100_000 }).toBe(TOUR.length);
    await expect.poll(() => handout.locator('[role=status]').count(), { timeout: 20_000 }).toBe(0);
    const images = await handout.locator('article.page img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src.length));
    expect(images.every((n) => n > 20_000)).toBe(true);
    await screenshot(page, 'tour-handout');
    guard.assertClean();
  });
});
