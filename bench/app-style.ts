/**
 * The app's style as its map holds it once ready, with the camera it opened at: what the bare
 * MapLibre page draws as "MapLibre alone" (bench/viewer.ts, bench/timeline.ts alone).
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Browser } from 'playwright-core';
import { CJK_FONT_FAMILY } from '../src/content/map-theme';

/** A style for the bare page to draw instead of its own (see bench/bare-map.ts). */
export type GivenStyle = { style: StyleSpecification; center: [number, number]; zoom: number; cjkFont: string };

export async function captureAppStyle(browser: Browser, baseURL: string): Promise<GivenStyle> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  const given = await page.evaluate(() => {
    const m = window.jbMap!;
    return { style: m.getStyle(), center: m.getCenter().toArray() as [number, number], zoom: m.getZoom() };
  });
  await context.close();
  return { ...given, cjkFont: CJK_FONT_FAMILY };
}
