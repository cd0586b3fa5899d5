/**
 * Where the viewer's start-up time goes: one cold load of a page, with the time (ms since
 * navigation) of every fetch, every map render and each source's load, printed in order.
 * A diagnostic for the viewer bench, not a benchmark. Run: `npx tsx bench/timeline.ts [path]`;
 * `npx tsx bench/timeline.ts alone` times the bare page drawing the app's captured style
 * (the viewer bench's "MapLibre alone" row).
 */
import { captureAppStyle } from './app-style';
import { diagnosticSetup } from './diagnose';

const alone = process.argv[2] === 'alone';
const path = alone ? '/bench/bare-map.html' : (process.argv[2] ?? '/');
const { app, browser } = await diagnosticSetup();
try {
  const given = alone ? JSON.stringify(await captureAppStyle(browser, app.baseURL)) : undefined;
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    if (given) await page.addInitScript((json: string) => (window.jbBenchStyle = JSON.parse(json)), given);
    await page.addInitScript(() => {
      const w = window as unknown as {
        __name: (f: unknown) => unknown;
        tl: [number, string][];
        jbMap?: { on: (e: string, f: (ev: { sourceId?: string; isSourceLoaded?: boolean; dataType?: string }) => void) => void };
      };
      w.__name = (f) => f;
      w.tl = [];
      const log = (s: string) => w.tl.push([performance.now(), s]);
      // Main-thread tasks over 50 ms: when the page is too busy to hand MapLibre its data.
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.tl.push([e.startTime, `long task ${e.duration.toFixed(0)} ms (to ${(e.startTime + e.duration).toFixed(0)})`]);
      }).observe({ type: 'longtask', buffered: true });
      // When the side panel shows its first coverage rate (inside two shadow roots).
      const panel = setInterval(() => {
        const cov = document.querySelector('jb-app')?.shadowRoot?.querySelector('jb-coverage')?.shadowRoot;
        if (cov?.querySelector('td.rate')) {
          clearInterval(panel);
          log('panel shows rates');
        }
      }, 5);
      new MutationObserver(() => {
        if (document.documentElement.dataset.mapReady === 'true') log('mapReady');
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
      const poll = setInterval(() => {
        const m = w.jbMap;
        if (!m) return;
        clearInterval(poll);
        log('map created');
        // Style edits the page makes, one line per method and task: what makes MapLibre reload tiles.
        const mm = m as unknown as Record<string, (...a: unknown[]) => unknown>;
        for (const name of ['addSource', 'addLayer', 'setLayoutProperty', 'setPaintProperty', 'setFilter', 'setFeatureState', 'removeFeatureState']) {
          const orig = mm[name]!.bind(m);
          let pending: { n: number; args: string[] } | undefined;
          mm[name] = (...a: unknown[]) => {
            if (!pending) {
              pending = { n: 0, args: [] };
              queueMicrotask(() => {
                log(`${name} ×${pending!.n} ${pending!.args.slice(0, 4).join(' ')}${pending!.args.length > 4 ? ' …' : ''}`);
                pending = undefined;
              });
            }
            pending.n++;
            pending.args.push(typeof a[0] === 'string' ? `${a[0]}${typeof a[1] === 'string' ? `.${a[1]}` : ''}` : String((a[0] as { id?: string })?.id ?? ''));
            return orig(...a);
          };
        }
        const src = m as unknown as { getSource: (id: string) => unknown };
        const getSource = src.getSource.bind(m);
        src.getSource = (id: string) => {
          const s = getSource(id) as { setData?: (d: unknown) => unknown; __w?: boolean } | undefined;
          if (s?.setData && !s.__w) {
            const set = s.setData.bind(s);
            s.__w = true;
            s.setData = (d: unknown) => {
              log(`setData ${id} ${typeof d === 'string' ? d : 'object'}`);
              return set(d);
            };
          }
          return s;
        };
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
