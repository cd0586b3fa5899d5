/**
 * Where the viewer's start-up time goes: one cold load of a page, with the time (ms since
 * navigation) of every fetch, every map render and each source's load, printed in order.
 * A diagnostic for the viewer bench, not a benchmark. Run: `npx tsx bench/timeline.ts [path]`.
 */
import { diagnosticSetup } from './diagnose';

const path = process.argv[2] ?? '/';
const { app, browser } = await diagnosticSetup();
try {
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as {
        __name: (f: unknown) => unknown;
        tl: [number, string][];
        jbMap?: { on: (e: string, f: (ev: { sourceId?: string; isSourceLoaded?: boolean; dataType?: string }) => void) => void };
      };
      w.__name = (f) => f;
      w.tl = [];
      const log = (s: string) => w.tl.push([performance.now(), s]);
      new MutationObserver(() => {
        if (document.documentElement.dataset.mapReady === 'true') log('mapReady');
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
      const poll = setInterval(() => {
        const m = w.jbMap;
        if (!m) return;
        clearInterval(poll);
        log('map created');
        let renders = 0;
        m.on('render', () => log(`render ${++renders}`));
        m.on('load', () => log('load'));
        m.on('idle', () => log('idle'));
        m.on('sourcedata', (e) => e.isSourceLoaded && e.dataType === 'source' && log(`source loaded ${e.sourceId}`));
        m.on('sourcedataloading', (e) =>
          log(`source loading ${e.sourceId} ${(e as { sourceDataType?: string }).sourceDataType ?? ''} ${(e as { tile?: unknown }).tile ? 'tile' : ''}`),
        );
        m.on('styledata', () => log('style changed'));
      }, 1);
    });
    await page.goto(`${app.baseURL}${path}`);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const tl = await page.evaluate(() => (window as unknown as { tl: [number, string][] }).tl);
    const res = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map(
          (r) =>
            [(r as PerformanceResourceTiming).startTime, (r as PerformanceResourceTiming).responseEnd, r.name.replace(location.origin, '')] as [
              number,
              number,
              string,
            ],
        ),
    );
    const all = [
      ...tl.map(([t, s]) => [t, s] as [number, string]),
      ...res.map(([s, e, n]) => [e, `fetched ${n} (${(e - s).toFixed(0)} ms)`] as [number, string]),
    ].sort((a, b) => a[0] - b[0]);
    console.log(`\n--- run ${run + 1}: ${path}`);
    for (const [t, s] of all) console.log(`${t.toFixed(0).padStart(6)}  ${s}`);
    await context.close();
  }
} finally {
  await browser.close();
  app.stop();
}
