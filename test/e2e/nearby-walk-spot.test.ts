/**
 * Nearby on a phone in walk mode, from the spots a phone's GPS gives (issue 16, citizen
 * journey): a fix on the water near the bank or beside a bridge's deck is answered from the
 * nearest bank or deck and the panel says so (it used to say "none found within reach", which
 * was false); out on the river the panel says why no walk can start; standing in a park says
 * "You are in a park", as straight-line mode does (it used to say the park was 20 m away).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Nearest } from '../../domain/api';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, permissions: ['geolocation'] };
const nearby = (page: Page) => page.locator('jb-app jb-nearby');
const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** On the Jialing, ~110 m off the Jiangbei bank between the Huanghuayuan and Qiansimen bridges. */
const JIALING = { longitude: 106.565, latitude: 29.57 };
/** On the Jialing, ~34 m beside Huanghuayuan Bridge's deck. */
const BESIDE_BRIDGE = { longitude: 106.558706, latitude: 29.569887 };
/** Out on the Yangtze, ~400 m from either bank. */
const MID_YANGTZE = { longitude: 106.5778, latitude: 29.5945 };
/** Inside Hong'ensi Park's outline (鸿恩寺公园). */
const HONGENSI = { longitude: 106.50415, latitude: 29.57275 };

const walkAt = (p: { longitude: number; latitude: number }) => api<Nearest>(`/api/nearest?lon=${p.longitude}&lat=${p.latitude}&mode=walk`);

/** Opens the Nearby tab in walk mode on a phone located at `where`, taps "use my location" and waits for the answer. */
async function locatedAt(where: { longitude: number; latitude: number }, lang: 'en' | 'zh') {
  const { page, guard } = await openPage(`/?lang=${lang}&panel=nearby&mode=walk`, { ...PHONE, geolocation: where });
  await waitForMapReady(page);
  await expect(nearby(page).locator('input[value=walk]').isChecked()).resolves.toBe(true);
  await nearby(page)
    .getByRole('button', { name: lang === 'en' ? 'Use my location' : '使用我的位置' })
    .click();
  await expect.poll(() => nearby(page).locator('p.answer').count(), { timeout: 15_000 }).toBe(1);
  await expect
    .poll(() =>
      nearby(page)
        .locator('[role=status]', { hasText: lang === 'en' ? 'Computing' : '正在计算' })
        .count(),
    )
    .toBe(0);
  return { page, guard, answer: () => text(nearby(page).locator('p.answer')) };
}

/** A distance as the panel rounds it (to 10 m under 1 km). */
const shown = (m: number, lang: 'en' | 'zh') => (lang === 'en' ? `${Math.round(m / 10) * 10} m` : `${Math.round(m / 10) * 10} 米`);

describe('Nearby, walk mode, phone: a fix on the water', () => {
  it('110 m out on the Jialing: answered from the bank, and the panel says the walk starts there', { timeout: 90_000 }, async () => {
    const { page, guard, answer } = await locatedAt(JIALING, 'en');
    // (Today's main said "Leisure space: none found within reach.")
    expect(await answer()).not.toContain('none found');
    expect(await nearby(page).locator('p.walk-start').count()).toBe(1);
    const walk = await walkAt(JIALING);
    expect(walk.walk_start).toMatchObject({ on: 'bank' });
    const leisure = walk.tiers.find((t) => t.tier === 'leisure')!;
    const park = walk.tiers.find((t) => t.tier === 'park')!;
    expect(await answer()).toBe(
      `A leisure space is ${shown(leisure.distance_m!, 'en')} away (about ${Math.max(1, Math.round(leisure.walk_min!))} min on foot, estimated); the nearest park is ${shown(park.distance_m!, 'en')} away.`,
    );
    const note = nearby(page).locator('p.walk-start');
    expect(await text(note)).toBe(
      `This spot is on the water, as the map’s 50 m grid has it: walks start from the nearest bank, ${shown(walk.walk_start!.distance_m, 'en')} away.`,
    );
    // The five the worker walked, in its order; each tier's check from its answer.
    const rows = nearby(page).locator('ol.results.overall li button');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')))).toEqual(walk.sites.map((s) => s.id));
    for (const t of walk.tiers) expect(await nearby(page).locator(`ul.checks li[data-tier=${t.tier}]`).getAttribute('class')).toBe(t.covered ? 'yes' : 'no');
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'nearby-walk-spot-jialing-en');
    guard.assertClean();
  });

  it('beside Huanghuayuan Bridge’s deck (across the district line), in Chinese: answered from the deck, and said so', { timeout: 90_000 }, async () => {
    const { page, guard, answer } = await locatedAt(BESIDE_BRIDGE, 'zh');
    // (Today's main said "公园：附近没有找到。")
    expect(await answer()).not.toContain('没有找到');
    expect(await nearby(page).locator('p.walk-start').count()).toBe(1);
    const walk = await walkAt(BESIDE_BRIDGE);
    expect(walk.walk_start).toMatchObject({ on: 'bridge' });
    // Just across the district line: the nearest green space the data has, honestly worded.
    const best = [...walk.tiers].sort((a, b) => a.distance_m! - b.distance_m!)[0]!;
    expect(await answer()).toBe(`数据中最近的绿地：${best.name_zh}，距此 ${shown(best.distance_m!, 'zh')}（估计步行约 ${Math.round(best.walk_min!)} 分钟）。`);
    expect(await text(nearby(page).locator('p.walk-start'))).toBe(
      `此处在江面上（按地图的 50 米网格）：步行从最近的桥面算起，桥面距此 ${Math.round(walk.walk_start!.distance_m)} 米。`,
    );
    await expect.poll(() => nearby(page).locator('ol.results.overall li button').count()).toBe(5);
    await nearby(page).locator('p.walk-start').scrollIntoViewIfNeeded();
    await screenshot(page, 'nearby-walk-spot-bridge-zh');
    guard.assertClean();
  });

  it('out on the Yangtze, 400 m from either bank: says no walk can start there, not "none found", and claims no standard', { timeout: 90_000 }, async () => {
    const { page, guard, answer } = await locatedAt(MID_YANGTZE, 'en');
    expect(await answer()).toBe(
      'This spot is out on the river, with no bank or bridge within 300 m, so no walk can start here. Choose “straight line”, or tap a spot on the bank.',
    );
    // No "✗ no leisure space within 500 m" (untrue: nothing was measured), no empty lists.
    expect(await nearby(page).locator('ul.checks li').count()).toBe(0);
    expect(await nearby(page).locator('ol.results').count()).toBe(0);
    expect((await walkAt(MID_YANGTZE)).no_walk).toEqual({ reason: 'on_water', within_m: 300 });
    await screenshot(page, 'nearby-walk-spot-mid-river-en');
    // Straight line still answers the same spot.
    await nearby(page).locator('input[value=radius]').check();
    await expect.poll(() => answer(), { timeout: 15_000 }).toContain('A leisure space is');
    guard.assertClean();
  });
});

describe('Nearby, walk mode, phone: standing in a park', () => {
  it.each([
    ['en', "You are in a park: Hong'ensi Park."],
    ['zh', '您就在公园里：鸿恩寺公园。'],
  ] as const)('in Hong’ensi Park (%s): "you are in a park", as in a straight line', { timeout: 90_000 }, async (lang, headline) => {
    const { page, guard, answer } = await locatedAt(HONGENSI, lang);
    // (Today's main said "A leisure space is 20 m away …; the nearest park is 20 m away.")
    expect(await answer()).toBe(headline);
    expect((await walkAt(HONGENSI)).tiers.find((t) => t.tier === 'park')).toMatchObject({ id: 'osm-20130442', distance_m: 0 });
    expect(await nearby(page).locator('ul.checks li.no').count()).toBe(0);
    expect(await nearby(page).locator('p.walk-start').count()).toBe(0);
    await screenshot(page, `nearby-walk-spot-in-park-${lang}`);
    guard.assertClean();
  });
});
