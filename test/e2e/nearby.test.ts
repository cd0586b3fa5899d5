/**
 * Nearby mode on a phone, in Chromium: geolocation from the browser context gives the
 * nearest park at the distance the shipped data says; a spot across the river walks further
 * than the crow flies; pinyin search; a denied location; a shared link restores the answer.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { namedOsmParks, pinyinOf } from './data';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const api = async <T>(path: string) => (await fetch(`${inject('baseURL')}${path}`)).json() as Promise<T>;
const nearby = (page: Page) => page.locator('jb-app jb-nearby');
const answer = (page: Page) => nearby(page).locator('p.answer');
interface TierHit {
  tier: string;
  id: string;
  distance_m: number;
}

/**
 * A spot in Jiangbei ~600 m north of a park's northern edge, with the nearest park to it (of
 * every park-tier site served, inside the district or outside): the expectation comes from
 * Turf over the shipped layer, not from the app.
 */
async function knownSpot() {
  const sites = (await api<FeatureCollection>('/api/layers/greenspaces')).features.filter((f) => f.properties?.tier === 'park');
  const boundary = (await api<FeatureCollection>('/api/layers/boundary')).features[0]! as Feature<Polygon | MultiPolygon>;
  const distance = (spot: [number, number], f: Feature) =>
    f.geometry.type === 'Point'
      ? turf.distance(spot, f.geometry.coordinates, { units: 'meters' })
      : turf.pointToPolygonDistance(spot, f as never, { units: 'meters' });
  for (const park of await namedOsmParks()) {
    // Walk north from the park's northernmost vertex.
    const [, , , north] = turf.bbox(park);
    const top = turf.coordAll(park).find((c) => c[1] === north)!;
    const spot = turf.destination(top, 0.6, 0, { units: 'kilometers' }).geometry.coordinates as [number, number];
    if (!turf.booleanPointInPolygon(spot, boundary)) continue;
    const distances = sites.map((p) => ({ id: p.properties!.id as string, d: distance(spot, p) }));
    distances.sort((a, b) => a.d - b.d);
    // A clear winner (a tie would leave the expected id to chance).
    if (distances[0]!.d > 100 && distances[1]!.d - distances[0]!.d > 50) return { spot, nearest: distances[0]! };
  }
  throw new Error('no park with a clear spot north of it inside Jiangbei');
}

/**
 * A spot where the river is in the way: its nearest leisure space on foot (over a walkable
 * bridge) is well over the straight-line distance. Found by asking the API along both banks
 * near the confluence, so the test follows the data.
 */
async function spotAcrossRiver(): Promise<[number, number]> {
  const candidates: [number, number][] = [];
  for (let lon = 106.56; lon <= 106.6; lon += 0.005)
    for (const lat of [29.561, 29.5645, 29.568, 29.572, 29.59, 29.595]) candidates.push([Math.round(lon * 1e4) / 1e4, lat]);
  let best: { spot: [number, number]; ratio: number } | undefined;
  for (const spot of candidates) {
    const radius = await api<{ tiers: TierHit[] }>(`/api/nearest?lon=${spot[0]}&lat=${spot[1]}&mode=radius`);
    const walk = await api<{ tiers: TierHit[] }>(`/api/nearest?lon=${spot[0]}&lat=${spot[1]}&mode=walk`);
    const straight = radius.tiers.find((x) => x.tier === 'leisure')?.distance_m;
    const onFoot = walk.tiers.find((x) => x.tier === 'leisure')?.distance_m;
    if (!straight || !onFoot || straight < 100) continue;
    const ratio = onFoot / straight;
    if (!best || ratio > best.ratio) best = { spot, ratio };
  }
  expect(best!.ratio, `walk / straight at ${best?.spot}`).toBeGreaterThan(1.3);
  return best!.spot;
}

describe('Nearby, phone first', () => {
  it('answers from the browser’s location: the nearest park and its distance, in plain words', async () => {
    const { spot, nearest } = await knownSpot();
    const { page, guard } = await openPage('/?lang=en&panel=nearby', {
      ...PHONE,
      geolocation: { longitude: spot[0], latitude: spot[1] },
      permissions: ['geolocation'],
    });
    await waitForMapReady(page);
    await nearby(page).getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => answer(page).count()).toBe(1);
    const parkRow = nearby(page).locator('ol.by-tier li', { hasText: 'Park' }).last();
    await expect(parkRow.locator('button').getAttribute('data-id')).resolves.toBe(nearest.id);
    const shown = await parkRow.locator('.dist').textContent();
    const metres = /km/.test(shown!) ? parseFloat(shown!) * 1000 : parseFloat(shown!);
    expect(Math.abs(metres - nearest.d) / nearest.d).toBeLessThan(0.05);
    expect(await answer(page).textContent()).toMatch(/the nearest park is [\d.]+ k?m away/);
    await expect(nearby(page).locator('ul.checks li').count()).resolves.toBe(3);
    await waitForMapReady(page);
    // The camera flies to frame the answer: ask the map once it has landed.
    await page.waitForFunction(() => !window.jbMap!.isMoving());
    await expect.poll(() => page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['nearby-spot'] }).length)).toBe(1);
    await screenshot(page, 'nearby-phone-located');
    guard.assertClean();
  });

  it('walks further than the crow flies from across the river, and draws the walking route', { timeout: 60_000 }, async () => {
    const spot = await spotAcrossRiver();
    const radius = await api<{ tiers: TierHit[] }>(`/api/nearest?lon=${spot[0]}&lat=${spot[1]}&mode=radius`);
    const walk = await api<{ tiers: (TierHit & { path?: unknown })[] }>(`/api/nearest?lon=${spot[0]}&lat=${spot[1]}&mode=walk`);
    const straight = radius.tiers.find((x) => x.tier === 'leisure')!;
    const onFoot = walk.tiers.find((x) => x.tier === 'leisure')!;
    expect(onFoot.distance_m).toBeGreaterThan(straight.distance_m * 1.3);

    const { page, guard } = await openPage(`/?lang=zh&mode=walk&near=${spot[0]},${spot[1]}`, PHONE);
    await waitForMapReady(page);
    await expect.poll(() => answer(page).count()).toBe(1);
    await expect(nearby(page).locator('input[value=walk]').isChecked()).resolves.toBe(true);
    const route = await page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['nearby-route'] }).map((f) => f.properties.kind));
    expect(route.length).toBeGreaterThan(0);
    expect(new Set(route)).toEqual(new Set(['walk']));
    await screenshot(page, 'nearby-phone-across-river');

    // Radius mode draws straight lines, labelled as such.
    await nearby(page).locator('input[value=radius]').click();
    await expect
      .poll(() =>
        page.evaluate(() =>
          window
            .jbMap!.queryRenderedFeatures({ layers: ['nearby-route'] })
            .map((f) => f.properties.kind)
            .join(),
        ),
      )
      .toMatch(/^straight(,straight)*$/);
    guard.assertClean();
  });

  it('finds a park by the start of its pinyin and makes it the destination, not the spot', async () => {
    const parks = await namedOsmParks();
    const park = parks[0]!;
    const name = park.properties!.name_zh as string;
    const { page, guard } = await openPage('/?lang=zh&panel=nearby', PHONE);
    await waitForMapReady(page);
    // The first syllables, as someone starts typing.
    await nearby(page)
      .locator('input[type=search]')
      .fill(pinyinOf(name.slice(0, 2)));
    const hit = nearby(page).locator('ul.hits button[data-layer=greenspaces]', { hasText: name });
    await expect.poll(() => hit.count()).toBeGreaterThan(0);
    await hit.first().click();
    // Where I want to go, not where I am: no answer "you are in the park" without a location.
    await expect.poll(() => nearby(page).locator('section.destination h3').textContent()).toBe(`去${name}`);
    expect(await answer(page).count()).toBe(0);
    expect(page.url()).not.toContain('near=');
    guard.assertClean();
  });

  it('says so when the location is denied', async () => {
    const { page, guard } = await openPage('/?lang=en&panel=nearby', PHONE);
    await waitForMapReady(page);
    await nearby(page).getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => nearby(page).locator('[role=alert]').textContent()).toContain('denied permission');
    await screenshot(page, 'nearby-phone-denied');
    guard.assertClean();
  });

  it('says so when the location is outside Jiangbei', async () => {
    const { page, guard } = await openPage('/?lang=en&panel=nearby', {
      ...PHONE,
      geolocation: { longitude: 116.39, latitude: 39.9 },
      permissions: ['geolocation'],
    });
    await waitForMapReady(page);
    await nearby(page).getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => nearby(page).locator('[role=alert]').textContent()).toContain('outside Jiangbei');
    guard.assertClean();
  });

  it('shares a link that opens Nearby at the same spot with the same answer', async () => {
    const { page, guard } = await openPage('/?lang=en&panel=nearby', PHONE);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitForMapReady(page);
    // Tap the map where you are.
    await page.evaluate(() => window.jbMap!.jumpTo({ center: [106.56, 29.59], zoom: 14 }));
    const here = await page.evaluate(() => window.jbMap!.project([106.56, 29.59]));
    await page.touchscreen.tap(here.x, here.y);
    await expect.poll(() => answer(page).count()).toBe(1);
    const first = await answer(page).textContent();
    await nearby(page).getByRole('button', { name: 'Share this spot' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\?near=106\.56\d*,29\.59\d*/);

    const second = await openPage(new URL(link).pathname + new URL(link).search, PHONE);
    await waitForMapReady(second.page);
    await expect.poll(() => answer(second.page).count()).toBe(1);
    expect(await answer(second.page).textContent()).toBe(first);
    // The way's label on the map is in words, not a message key (English loads after the first render).
    await waitForMapReady(second.page);
    const labels = await second.page.evaluate(() => window.jbMap!.querySourceFeatures('nearby').map((f) => String(f.properties.label ?? '')));
    expect(labels.filter(Boolean).length).toBeGreaterThan(0);
    for (const label of labels) expect(label).not.toMatch(/nearby[A-Z]/);
    await screenshot(second.page, 'nearby-phone-shared-link');
    guard.assertClean();
    second.guard.assertClean();
  });
});
