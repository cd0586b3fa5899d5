/**
 * The presenter's journey at 1366 × 768 (issue 16): each chapter's subject is framed in the part
 * of the screen the chapter bar and caption leave free, not under the caption.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TOUR } from '../../src/content/tour';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const tour = (page: Page) => page.locator('jb-app jb-tour');
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => (window.jbMap!.isMoving() ? window.jbMap!.once('moveend', () => r()) : r())));
const centroid = (f: Feature<Polygon>) => {
  const ring = f.geometry.coordinates[0]!;
  return [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length] as [number, number];
};

describe('presenter journey', () => {
  it('frames each chapter’s subject clear of the caption: the cores in the summary, Guanyinqiao in chapter 10, each zone and core in its own', {
    timeout: 120_000,
  }, async () => {
    const areas = [
      ...(await api<FeatureCollection>('/api/layers/zones')).features,
      ...(await api<FeatureCollection>('/api/layers/cores')).features,
    ] as Feature<Polygon>[];
    const at = (id: string) => centroid(areas.find((f) => f.properties!.id === id)!);
    const subjects: [number, [number, number][]][] = TOUR.flatMap((ch, i): [number, [number, number][]][] =>
      ch.highlight && ch.highlight.source !== 'belt' && ch.highlight.source !== 'greenspaces' ? [[i, [at(ch.highlight.id)]]] : [],
    );
    subjects.push([TOUR.findIndex((c) => c.id === 'green-standard'), [at('guanyinqiao')]]);
    subjects.push([TOUR.findIndex((c) => c.id === 'summary'), [at('guanyinqiao'), at('jiangbeizui')]]);
    expect(subjects.length).toBeGreaterThanOrEqual(9);

    const { page, guard } = await openPage('/?lang=en&tour=1', { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    await waitForMapReady(page);
    // The English chapter bar in one row (it wrapped onto two at 1366 px): one button's height plus padding.
    const bar = await tour(page).evaluate((el) => el.shadowRoot!.querySelector('.bar')!.getBoundingClientRect().height);
    expect(bar).toBeLessThan(64);
    for (const [i, points] of subjects) {
      await tour(page).locator('select.list').selectOption(String(i));
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('tour'))).toBe(String(i + 1));
      await page.waitForTimeout(300);
      await settled(page);
      const free = await tour(page).evaluate((el) => {
        const r = (s: string) => el.shadowRoot!.querySelector(s)!.getBoundingClientRect();
        return { top: r('.bar').bottom, bottom: r('.caption').top };
      });
      for (const p of points) {
        const { x, y } = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), p);
        expect(y, `chapter ${i + 1} (${TOUR[i]!.id}): subject at y=${Math.round(y)}, caption from ${Math.round(free.bottom)}`).toBeLessThan(free.bottom - 10);
        expect(y, `chapter ${i + 1}: under the bar`).toBeGreaterThan(free.top);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(1366);
      }
      if (TOUR[i]!.id === 'summary' || TOUR[i]!.id === 'green-standard') await screenshot(page, `presenter-${TOUR[i]!.id}`);
    }
    guard.assertClean();
  });

  it('frames each zone chapter at a zoom its schematic outline can bear, with context around it, and says the outline is schematic', {
    timeout: 90_000,
  }, async () => {
    const { page, guard } = await openPage('/?lang=zh&tour=1', { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    await waitForMapReady(page);
    for (const [i, ch] of TOUR.entries()) {
      if (ch.highlight?.source !== 'zones') continue;
      await tour(page).locator('select.list').selectOption(String(i));
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('tour'))).toBe(String(i + 1));
      await page.waitForTimeout(300);
      await settled(page);
      await waitForMapReady(page);
      // A zone placed ±1–1.5 km is no street-level subject: at most zoom 13 (about 10 km across here).
      expect(await page.evaluate(() => window.jbMap!.getZoom()), ch.id).toBeLessThanOrEqual(13);
      expect(await tour(page).locator('.caption .schematic').textContent(), ch.id).toBe('示意范围，非精确界线');
      // Context to read it by: stations or landmarks drawn in view, not a disc on blank paper.
      const context = () =>
        page.evaluate(
          () =>
            window.jbMap!.queryRenderedFeatures({
              layers: window
                .jbMap!.getStyle()
                .layers.filter((l) => /^(stations|landmarks)/.test(l.id))
                .map((l) => l.id),
            }).length,
        );
      await expect.poll(context, { timeout: 10_000, message: ch.id }).toBeGreaterThan(2);
      if (ch.id === 'zone-changan-no3') await screenshot(page, 'presenter-zone-changan');
    }
    guard.assertClean();
  });
});
