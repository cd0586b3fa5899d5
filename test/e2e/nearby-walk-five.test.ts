/**
 * Nearby on a phone in walk mode lists five nearest green spaces, as straight-line mode does
 * (issue 16, "the five nearest are five"): located at Guanyinqiao, the list under "Five
 * nearest green spaces" has five rows, the ones the worker walked to, closest first, the
 * first the nearest leisure space.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, permissions: ['geolocation'] };
const GUANYINQIAO = { longitude: 106.5299, latitude: 29.5703 };
const nearby = (page: Page) => page.locator('jb-app jb-nearby');

/** A row's distance as shown ("460 m", "1.2 km"), in metres. */
const metres = (text: string) => {
  const m = /([\d.]+)\s*(km|m)/.exec(text)!;
  return Number(m[1]) * (m[2] === 'km' ? 1000 : 1);
};

describe('Nearby, walk mode, phone', () => {
  it('located at Guanyinqiao on foot: five nearest green spaces, the worker’s five walked, closest first', { timeout: 90_000 }, async () => {
    const { page, guard } = await openPage('/?lang=en&panel=nearby&mode=walk', { ...PHONE, geolocation: GUANYINQIAO });
    await waitForMapReady(page);
    await expect(nearby(page).locator('input[value=walk]').isChecked()).resolves.toBe(true);
    await nearby(page).getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => nearby(page).locator('p.answer').count(), { timeout: 15_000 }).toBe(1);
    const rows = nearby(page).locator('ol.results.overall li button');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await nearby(page).locator('h3', { hasText: 'Five nearest green spaces' }).count()).toBe(1);
    const walk = await api<{ tiers: { tier: string; id: string | null }[]; sites: { id: string; distance_m: number }[] }>(
      `/api/nearest?lon=${GUANYINQIAO.longitude}&lat=${GUANYINQIAO.latitude}&mode=walk`,
    );
    // The worker's five, in its order, at its distances (rounded as the page shows them).
    const ids = await rows.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(ids).toEqual(walk.sites.map((s) => s.id));
    const shown = (await rows.locator('.dist').allTextContents()).map(metres);
    shown.forEach((m, k) => expect(Math.abs(m - walk.sites[k]!.distance_m)).toBeLessThanOrEqual(Math.max(5, walk.sites[k]!.distance_m * 0.05)));
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    // The first is the nearest leisure space (every site serves that tier).
    expect(ids[0]).toBe(walk.tiers.find((t) => t.tier === 'leisure')!.id);
    expect(await nearby(page).locator('.reach-note').count()).toBe(0);
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(page, 'nearby-phone-walk-five');
    guard.assertClean();
  });
});
