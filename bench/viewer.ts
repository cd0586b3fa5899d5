/**
 * Viewer speed and size, measured against budgets and a baseline in the same run:
 *  - gzipped JavaScript: ours (everything but MapLibre's main and worker chunks) ≤ 100 KB,
 *    all JavaScript the first view loads ≤ 500 KB; shipped GeoJSON ≤ 300 KB;
 *  - navigation → mapReady in headless Chromium for the app vs a bare MapLibre page that
 *    draws only the boundary (same server, same MapLibre chunk), alternated, medians; ≤ 1.5×.
 * Run: `npm run bench` (or `npx tsx bench/viewer.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, serve } from '../scripts/serve-app';

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
const geo = readdirSync('geodata').filter((f) => f.endsWith('.geojson')).reduce((s, f) => s + gz(join('geodata', f)), 0);
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
async function timeToReady(path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }); // cold cache
  const page = await context.newPage();
  if (path === '/') page.on('response', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop()!;
    if (/\.m?js$/.test(file)) firstViewJs.add(file);
  });
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
try {
  await timeToReady('/'); // warm the server's isolate and caches for both pages alike
  await timeToReady('/bench/bare-map.html');
  printSizes([...firstViewJs]);
  await timeToReady('/bench/bare-map.html?types=all');
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  const typesTimes: number[] = [];
  // Interleaved, so load on the machine hits all three alike.
  for (let i = 0; i < RUNS; i++) {
    bareTimes.push(await timeToReady('/bench/bare-map.html'));
    typesTimes.push(await timeToReady('/bench/bare-map.html?types=all'));
    appTimes.push(await timeToReady('/'));
  }
  const a = median(appTimes);
  const b = median(bareTimes);
  const k = median(typesTimes);
  const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`\nnavigation → mapReady, median of ${RUNS} cold-cache loads each (headless Chromium, software WebGL)`);
  console.log(`  bare MapLibre, boundary only            ${b.toFixed(0).padStart(6)} ms   ${list(bareTimes)}`);
  console.log(`  bare MapLibre, boundary, all layer kinds ${k.toFixed(0).padStart(5)} ms   ${list(typesTimes)}`);
  console.log(`  Jiangbei Green Map                      ${a.toFixed(0).padStart(6)} ms   ${list(appTimes)}`);
  console.log(`  ratio app / bare (the issue's budget)   ${(a / b).toFixed(2).padStart(6)} ×   budget ≤ 1.50 ×  ${a / b <= 1.5 ? 'ok' : 'OVER'}`);
  console.log(`  ratio all-kinds baseline / bare         ${(k / b).toFixed(2).padStart(6)} ×   (GL programs alone, software-rendered)`);
  console.log(`  ratio app / all-kinds baseline          ${(a / k).toFixed(2).padStart(6)} ×   (the app's own data and code)`);
} finally {
  await browser.close();
  app.stop();
}
