/**
 * Issue 16 (planner): a proposal may close a site the planner uploaded, as it closes a shipped
 * one; the closed uploaded site must then be drawn greyed, as closed shipped sites are, in
 * Chromium on the shipped data.
 */

import * as turf from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/content/palette';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api, namedOsmParks, pointOnlyIn } from './data';

afterAll(closeBrowser);

const wb = (page: Page) => page.locator('jb-app jb-workbench');

async function clickMapAt(page: Page, lonLat: Position, zoom = 15) {
  await page.evaluate(([lon, lat, z]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: z! }), [...lonLat, zoom]);
  await page.waitForFunction(() => window.jbMap!.loaded());
  const p = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), lonLat);
  await page.mouse.click(p.x, p.y);
}

/**
 * The colour the map draws the site `id` in at `lonLat` (the topmost fill or circle of that
 * feature there), with the map framed on it: what a planner sees of the site.
 */
async function drawnColour(page: Page, id: string, lonLat: Position, zoom = 15) {
  await page.evaluate(([lon, lat, z]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: z! }), [...lonLat, zoom]);
  await page.waitForFunction(() => window.jbMap!.loaded());
  return page.evaluate(
    ([lon, lat, id]) => {
      const map = window.jbMap!;
      const { x, y } = map.project([lon as number, lat as number]);
      const hit = map
        .queryRenderedFeatures([
          [x - 2, y - 2],
          [x + 2, y + 2],
        ])
        .find((f) => String(f.properties.id) === id && (f.layer.type === 'fill' || f.layer.type === 'circle'));
      if (!hit) return null;
      // A constant colour, or one chosen by a property (['match', ['get', key], value, colour, …, fallback]).
      const paint = map.getPaintProperty(hit.layer.id, hit.layer.type === 'fill' ? 'fill-color' : 'circle-color') as unknown;
      if (!Array.isArray(paint)) return String(paint);
      if (paint[0] !== 'match') return JSON.stringify(paint);
      const value = hit.properties[(paint[1] as string[])[1]!];
      for (let i = 2; i + 1 < paint.length - 1; i += 2) if (paint[i] === value) return String(paint[i + 1]);
      return String(paint[paint.length - 1]);
    },
    [...lonLat, id] as const,
  );
}

describe('closing an uploaded site', () => {
  it('draws a closed uploaded site greyed, as a closed shipped site is, and restores its colour when reopened', { timeout: 150_000 }, async () => {
    const gaps = await api<FeatureCollection>('/api/gaps?tier=leisure');
    const inGap = (i: number) => turf.pointOnFeature(gaps.features[i]!).geometry.coordinates;
    // A garden outline and a point, each in a gap (nothing shipped under them).
    const outline = turf.circle(inGap(0), 0.08, { steps: 24, units: 'kilometers' }).geometry;
    const point = inGap(1);
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'mine-garden', name_zh: '我的街头绿园', name_en: 'My street garden', tier: 'garden' }, geometry: outline },
        {
          type: 'Feature',
          properties: { id: 'mine-pocket', name_zh: '我的口袋公园', name_en: 'My pocket park', tier: 'leisure' },
          geometry: { type: 'Point', coordinates: point },
        },
      ],
    };
    const shippedPark = (await namedOsmParks())[1]!;
    const inPark = await pointOnlyIn(shippedPark);

    const { page, guard } = await openPage('/?lang=en&panel=plan', { viewport: { width: 1280, height: 900 } });
    await waitForMapReady(page);
    await wb(page)
      .locator('input.upload')
      .setInputFiles({ name: 'mine.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => wb(page).locator('p.report').textContent()).toContain('2 features usable');
    await wb(page).locator('button.add-upload').click();
    await expect.poll(() => wb(page).locator('p.in-use').getAttribute('data-from')).toBe('add');

    const centre = turf.centroid(outline).geometry.coordinates;
    // Open, each is drawn in its tier's colour.
    await expect.poll(() => drawnColour(page, 'mine-garden', centre), { timeout: 15_000 }).toBe(PALETTE.tiers.garden);
    await expect.poll(() => drawnColour(page, 'mine-pocket', point), { timeout: 15_000 }).toBe(PALETTE.tiers.leisure);

    // Close a shipped park and both uploaded sites from the map.
    await wb(page).locator('input[name=tool][value=close]').check();
    await clickMapAt(page, inPark);
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(1);
    await clickMapAt(page, centre);
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(2);
    await clickMapAt(page, point);
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(3);
    expect(await wb(page).locator('ul.closures li .grow').allTextContents()).toEqual(
      expect.arrayContaining(['My street garden', 'My pocket park', String(shippedPark.properties!.name_en)]),
    );

    // The shipped park is greyed; the uploaded ones must be greyed the same way.
    await expect.poll(() => drawnColour(page, String(shippedPark.properties!.id), inPark, 14), { timeout: 15_000 }).toBe(PALETTE.closed);
    await expect.poll(() => drawnColour(page, 'mine-garden', centre), { timeout: 15_000 }).toBe(PALETTE.closed);
    await expect.poll(() => drawnColour(page, 'mine-pocket', point), { timeout: 15_000 }).toBe(PALETTE.closed);
    await screenshot(page, 'closed-upload-greyed');

    // Reopened (restored from the closures list), the garden is in its tier's colour again.
    await wb(page).locator('ul.closures li').filter({ hasText: 'My street garden' }).getByRole('button').click();
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(2);
    await expect.poll(() => drawnColour(page, 'mine-garden', centre), { timeout: 15_000 }).toBe(PALETTE.tiers.garden);
    await expect.poll(() => drawnColour(page, 'mine-pocket', point)).toBe(PALETTE.closed);
    guard.assertClean();
  });
});
