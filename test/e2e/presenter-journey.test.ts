/**
 * The presenter's journey at 1366 × 768 (issue 16): each chapter's subject is framed in the part
 * of the screen the chapter bar and caption leave free, not under the caption; the chapter on
 * closing the gaps shows the sites the planner's suggestion analysis picks.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TOUR } from '../../src/content/tour';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { api } from './data';

afterAll(closeBrowser);

const tour = (page: Page) => page.locator('jb-app jb-tour');
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => (window.jbMap!.isMoving() ? window.jbMap!.once('moveend', () => r()) : r())));
const freeScreen = (page: Page) =>
  tour(page).evaluate((el) => {
    const r = (s: string) => el.shadowRoot!.querySelector(s)!.getBoundingClientRect();
    return { top: r('.bar').bottom, bottom: r('.caption').top };
  });
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

  it('shows, in the chapter on closing the gaps, the pocket parks the planner’s suggestion analysis picks: lettered, with their catchments, clear of the caption, its figures in the caption, in the legend, and said to be candidates', {
    timeout: 90_000,
  }, async () => {
    const i = TOUR.findIndex((c) => c.id === 'closing-gaps');
    // As many as the chapter asks for (the planner's default, 5, where it names none).
    const count = (TOUR[i] as { suggest?: number }).suggest ?? 5;
    type Picked = Feature<Point, { rank: number; radius_m: number; gain_km2: number; gain_pp: number }>;
    const picked = (await api<FeatureCollection>(`/api/suggest?tier=leisure&count=${count}`)).features as Picked[];
    expect(picked.length).toBe(count);
    const letters = picked.map((f) => String.fromCharCode(64 + f.properties.rank));
    const sum = (k: 'gain_km2' | 'gain_pp') => picked.reduce((a, f) => a + f.properties[k], 0);
    const one = (v: number, lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

    for (const lang of ['en', 'zh'] as const) {
      const { page, guard } = await openPage(`/?lang=${lang}&tour=${i + 1}`, { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
      await waitForMapReady(page);
      await settled(page);
      const caption = tour(page).locator('.caption');
      // The figures are the analysis's: how many, their letters, the land they add and the rise in the rate.
      await expect
        .poll(() => caption.locator('p').first().textContent(), { timeout: 20_000 })
        .toContain(`${one(sum('gain_km2'), lang === 'zh' ? 'zh-CN' : 'en-GB')}`);
      const text = (await caption.locator('p').first().textContent())!;
      expect(text).toContain(`${letters[0]}–${letters.at(-1)}`);
      expect(text).toContain(one(sum('gain_pp'), lang === 'zh' ? 'zh-CN' : 'en-GB'));
      expect(text).toContain(lang === 'zh' ? `${count} 处` : `${count} candidate`);
      // Said on screen to be candidates from the data, not the plan's sites.
      expect(await caption.locator('.candidates').textContent()).toContain(lang === 'zh' ? '不是规划确定的选址' : 'not sites in the plan');
      if (lang === 'zh') {
        await screenshot(page, 'presenter-closing-gaps-zh');
        guard.assertClean();
        continue;
      }

      // Drawn where the analysis put them, each with its letter, above the caption and below the bar.
      await waitForMapReady(page);
      const free = await freeScreen(page);
      for (const [k, f] of picked.entries()) {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const at = await page.evaluate(([x, y]) => window.jbMap!.project([x!, y!]), [lon, lat]);
        expect(at.y, `${letters[k]} clear of the caption`).toBeLessThan(free.bottom - 10);
        expect(at.y, `${letters[k]} below the bar`).toBeGreaterThan(free.top + 10);
        expect(at.x).toBeGreaterThan(10);
        expect(at.x).toBeLessThan(1356);
        const drawn = (layer: string, p: [number, number]) =>
          page.evaluate(
            ([layer, lon, lat]) => {
              const m = window.jbMap!;
              if (!m.getLayer(layer as string)) return [];
              return m
                .queryRenderedFeatures(m.project([lon as number, lat as number]), { layers: [layer as string] })
                .map((x) => x.properties as { rank: number; label: string });
            },
            [layer, ...p] as const,
          );
        expect(await drawn('suggestions-point', [lon, lat]), letters[k]).toContainEqual({ rank: f.properties.rank, label: letters[k] });
        // Its catchment is the reach it was chosen for: inside at 90 % of the radius, outside at 115 %.
        const east = (share: number) => turf.destination([lon, lat], (f.properties.radius_m * share) / 1000, 90).geometry.coordinates as [number, number];
        expect(
          (await drawn('suggestions-fill', east(0.9))).map((x) => x.rank),
          `${letters[k]} catchment`,
        ).toContain(f.properties.rank);
        expect(
          (await drawn('suggestions-fill', east(1.15))).map((x) => x.rank),
          `${letters[k]} catchment edge`,
        ).not.toContain(f.properties.rank);
      }
      // The legend names them, drawn as the map draws them.
      const legend = await caption.locator('[data-legend=suggestions]').evaluate((el) => ({
        text: el.textContent,
        stroke: el.querySelector('[data-layer=suggestions-line]')?.getAttribute('stroke'),
        onMap: window.jbMap!.getPaintProperty('suggestions-line', 'line-color'),
      }));
      expect(legend.text).toContain('Suggested sites');
      expect(legend.stroke).toBe(legend.onMap);
      await screenshot(page, 'presenter-closing-gaps-en');
      guard.assertClean();
    }
  });

  it('says so, with a retry, when the suggested sites of the chapter on closing the gaps cannot be computed', { timeout: 60_000 }, async () => {
    const i = TOUR.findIndex((c) => c.id === 'closing-gaps');
    const { page, guard } = await openPage('/?lang=en', { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    await waitForMapReady(page);
    await page
      .context()
      .route('**/api/suggest?*', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"down","message":"service down"}}' }),
      );
    await page.goto(page.url().replace(/\?.*/, `?lang=en&tour=${i + 1}`));
    const failed = tour(page).locator('.caption .failed[role=alert]');
    await expect.poll(() => failed.textContent(), { timeout: 20_000 }).toContain('The suggested sites could not be computed: service down');
    expect(await tour(page).locator('.caption .candidates').count()).toBe(0);
    expect(await tour(page).locator('.legend [data-legend=suggestions]').count()).toBe(0); // nothing drawn to explain
    await waitForMapReady(page);
    await screenshot(page, 'presenter-suggest-failed');
    await page.context().unroute('**/api/suggest?*');
    await failed.locator('button').click();
    await expect.poll(() => tour(page).locator('.caption .candidates').count(), { timeout: 20_000 }).toBe(1);
    expect(await failed.count()).toBe(0);
    expect(await tour(page).locator('.legend [data-legend=suggestions]').count()).toBe(1);
    guard.problems = guard.problems.filter((p) => !/status of 503/.test(p));
    guard.assertClean();
  });
});
