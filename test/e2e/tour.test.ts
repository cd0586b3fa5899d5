/**
 * The presenter's tour in Chromium: opens at the URL's chapter, keys move through chapters
 * and the camera lands on each, history does not grow, the highlighted zone is drawn,
 * reduced motion jumps, autoplay advances and a key press stops it, the handout prints compactly.
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

  it('makes a compact handout: several chapters to an A4 page, each with its map view, caption and legend, and on every page what to bear in mind', {
    timeout: 150_000,
  }, async () => {
    const { page, guard } = await openPage('/?lang=zh&tour=1', { reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await tour(page).getByRole('button', { name: '讲义' }).click();
    const handout = page.locator('jb-app jb-handout');
    await expect.poll(() => handout.locator('img').count(), { timeout: 100_000 }).toBe(TOUR.length);
    await expect.poll(() => handout.locator('[role=status]').count(), { timeout: 20_000 }).toBe(0);
    // Printed on A4 by Chromium: fewer than half as many pages as chapters (it was one a chapter, and one more), every chapter's picture in it.
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeLessThan(TOUR.length / 2);
    expect(pdf.match(/\/Subtype\s*\/Image/g)).toHaveLength(TOUR.length);
    const chapters = handout.locator('article.sheet .chapter');
    expect(await chapters.count()).toBe(TOUR.length);
    // Every chapter, in order, with its picture, caption and its own legend.
    const shown = await chapters.evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('h2')?.textContent ?? '',
        image: el.querySelector('img')?.src.length ?? 0,
        caption: el.querySelector('.caption')?.textContent ?? '',
        legend: [...el.querySelectorAll('.legend [data-legend]')].map((x) => (x as HTMLElement).dataset.legend),
        swatches: el.querySelectorAll('.legend svg.swatch').length,
        zone: el.querySelector('.legend [data-legend=zones] [data-layer]')?.getAttribute('data-layer'),
      })),
    );
    for (const [i, ch] of TOUR.entries()) {
      expect(shown[i]!.title, ch.id).toContain(ch.title.zh);
      expect(shown[i]!.image, ch.id).toBeGreaterThan(20_000);
      expect(shown[i]!.caption, ch.id).toContain(ch.caption.zh);
      expect(shown[i]!.legend, ch.id).toEqual(ch.legend);
      expect(shown[i]!.swatches, ch.id).toBe(ch.legend.length);
      // A zone's chapter shows that zone's colour, not the first zone's.
      if (ch.highlight?.source === 'zones') expect(shown[i]!.zone, ch.id).toBe(`zones-fill-${ch.highlight.id}`);
    }
    // Several chapters a sheet, and on each sheet the caveat (schematic outlines, approximate data, straight-line distance) and the credit.
    const sheets = await handout.locator('article.sheet').evaluateAll((els) =>
      els.map((el) => ({
        chapters: el.querySelectorAll('.chapter').length,
        caveat: el.querySelector('footer .caveat')?.textContent ?? '',
        credit: el.querySelector('footer .credit')?.textContent ?? '',
      })),
    );
    // One page a sheet: nothing spills over.
    expect(sheets.length).toBe(pages);
    for (const sheet of sheets) {
      expect(sheet.chapters).toBeGreaterThanOrEqual(2);
      for (const words of ['示意范围', '近似', '直线距离']) expect(sheet.caveat).toContain(words);
      expect(sheet.credit).toContain('OpenStreetMap');
    }
    await screenshot(page, 'tour-handout');
    guard.assertClean();
  });
});
