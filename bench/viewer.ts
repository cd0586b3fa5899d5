/**
 * Viewer speed and size, measured against budgets and a baseline in the same run:
 *  - gzipped JavaScript: ours (everything but MapLibre's main and worker chunks) ≤ 100 KB,
 *    all JavaScript the first view loads ≤ 500 KB; shipped GeoJSON ≤ 300 KB;
 *  - navigation → mapReady in headless Chromium for the app vs a bare MapLibre page drawing
 *    the app's own style and data (captured from the app once it is ready; same server,
 *    same MapLibre chunk), alternated, medians: ≤ 1.25×, the app's own cost over MapLibre's.
 *    Beside them the bare page drawing only the boundary (every ratio's common unit), and the
 *    captured style without labels or analysis layers: where MapLibre's time goes.
 * Run: `npm run bench` (or `npx tsx bench/viewer.ts`; `VIEWER_ONLY=budget` times only the
 * boundary-only page, MapLibre alone and the app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LayerSpecification } from 'maplibre-gl';
import { chromium } from 'playwright-core';
import { build, serve } from '../scripts/serve-app';
import { captureAppStyle, type GivenStyle } from './app-style';

const KB = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, value: string, budget: string, ok: boolean) =>
  console.log(`${name.padEnd(44)} ${value.padStart(12)} ${budget.padStart(12)}  ${ok ? 'ok' : 'OVER'}`);

build();

// --- sizes ----------------------------------------------------------------------------
const assets = 'dist/client/assets';
const isMapLibre = (f: string) => /^maplibre/.test(f);
const geo = readdirSync('geodata')
  .filter((f) => f.endsWith('.geojson'))
  .reduce((s, f) => s + gz(join('geodata', f)), 0);
/** Printed once the first view has been loaded: its JavaScript is what the page fetched. */
function printSizes(firstView: string[]) {
  const lazy = readdirSync(assets).filter((f) => /\.m?js$/.test(f) && !/^bare-/.test(f) && !firstView.includes(f));
  const ours = firstView.filter((f) => !isMapLibre(f)).reduce((s, f) => s + gz(join(assets, f)), 0);
  const all = firstView.reduce((s, f) => s + gz(join(assets, f)), 0);
  console.log(`\n${'size (gzip -9)'.padEnd(44)} ${'measured'.padStart(12)} ${'budget'.padStart(12)}`);
  row('our JavaScript (all but MapLibre main+worker)', `${(ours / KB).toFixed(1)} KB`, '100 KB', ours <= 100 * KB);
  row('all JavaScript of the first view', `${(all / KB).toFixed(1)} KB`, '500 KB', all <= 500 * KB);
  row('shipped GeoJSON (geodata/*.geojson)', `${(geo / KB).toFixed(1)} KB`, '300 KB', geo <= 300 * KB);
  console.log(`  first view: ${firstView.join(', ')}`);
  if (lazy.length) console.log(`  loaded later, on use: ${lazy.map((f) => `${f} (${(gz(join(assets, f)) / KB).toFixed(1)} KB)`).join(', ')}`);
}

// --- navigation → mapReady --------------------------------------------------------------
const app = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
});
const firstViewJs = new Set<string>();
async function timeToReady(path: string, given?: GivenStyle): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }); // cold cache
  const page = await context.newPage();
  if (path === '/')
    page.on('response', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop()!;
      if (/\.m?js$/.test(file)) firstViewJs.add(file);
    });
  // Handed over as JSON text: a style is too deep a type for Playwright's argument typing.
  if (given) await page.addInitScript((json: string) => (window.jbBenchStyle = JSON.parse(json)), JSON.stringify(given));
  // Record the moment the hook flips, in the page's own clock (ms since navigation start).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.documentElement.dataset.mapReady === 'true' && !(window as unknown as { readyAt?: number }).readyAt)
        (window as unknown as { readyAt: number }).readyAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
  });
  await page.goto(`${app.baseURL}${path}`);
  await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt, null, { timeout: 60_000 });
  const t = await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
  await context.close();
  return t;
}

/** The same style without some of its layers (and sources left without a layer). */
function without(given: GivenStyle, drop: (l: LayerSpecification) => boolean): GivenStyle {
  const layers = given.style.layers.filter((l) => !drop(l));
  const used = new Set(layers.map((l) => ('source' in l ? l.source : undefined)));
  const sources = Object.fromEntries(Object.entries(given.style.sources).filter(([id]) => used.has(id)));
  return { ...given, style: { ...given.style, layers, sources } };
}

try {
  await timeToReady('/'); // warm the server's isolate and caches for every page alike
  await timeToReady('/bench/bare-map.html');
  printSizes([...firstViewJs]);
  const appStyle = await captureAppStyle(browser, app.baseURL);
  const isAnalysis = (l: LayerSpecification) => 'source' in l && (l.source === 'rings' || l.source === 'gaps');
  // Every page loaded in turn, round after round, so load on the machine hits all alike.
  const pages: { label: string; path: string; given?: GivenStyle; times: number[] }[] = [
    { label: 'bare MapLibre, boundary only', path: '/bench/bare-map.html', times: [] },
    { label: 'bare MapLibre, boundary, all layer kinds', path: '/bench/bare-map.html?types=all', times: [] },
    { label: "MapLibre alone, the app's style and data", path: '/bench/bare-map.html', given: appStyle, times: [] },
    { label: '  the same without its labels', path: '/bench/bare-map.html', given: without(appStyle, (l) => l.type === 'symbol'), times: [] },
    { label: '  the same without rings and gaps', path: '/bench/bare-map.html', given: without(appStyle, isAnalysis), times: [] },
    { label: 'Jiangbei Green Map', path: '/', times: [] },
  ];
  // VIEWER_ONLY=budget: only the two pages the budget compares (quicker, for trying changes).
  const timed = process.env.VIEWER_ONLY === 'budget' ? [pages[0]!, pages[2]!, pages.at(-1)!] : pages;
  for (const p of timed) await timeToReady(p.path, p.given);
  for (let i = 0; i < RUNS; i++) for (const p of timed) p.times.push(await timeToReady(p.path, p.given));
  const bare = median(pages[0]!.times);
  const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`\nnavigation → mapReady, median of ${RUNS} cold-cache loads each (headless Chromium, software WebGL)`);
  console.log(`${''.padEnd(44)} ${'median'.padStart(7)} ${'/ bare'.padStart(7)}`);
  for (const p of timed) {
    const m = median(p.times);
    console.log(`  ${p.label.padEnd(42)} ${m.toFixed(0).padStart(5)} ms ${(m / bare).toFixed(2).padStart(6)}×  ${list(p.times)}`);
  }
  const appMs = median(pages.at(-1)!.times);
  const alone = median(pages[2]!.times);
  const ratio = appMs / alone;
  console.log(`  ratio app / MapLibre alone, same style      ${ratio.toFixed(2).padStart(13)}×  budget ≤ 1.25×  ${ratio <= 1.25 ? 'ok' : 'OVER'}`);
  console.log(
    `  ratio app / bare boundary-only page         ${(appMs / bare).toFixed(2).padStart(13)}×  (MapLibre alone drawing this content takes ${(alone / bare).toFixed(2)}× of it)`,
  );
  console.log(`  ("MapLibre alone" rows: the app's own style drawn by a bare page — what MapLibre costs for this content without our code)`);
} finally {
  await browser.close();
  app.stop();
}
