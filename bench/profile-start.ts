/**
 * CPU profile of the page's main thread from navigation to mapReady (one cold load), summed
 * by function: where the viewer's start-up time goes. Diagnostic, not a benchmark.
 * Run: `npx tsx bench/profile-start.ts [path]` (NO_BUILD=1 to reuse the last build).
 */
import { diagnosticSetup } from './diagnose';

const path = process.argv[2] ?? '/';
const { app, browser } = await diagnosticSetup();
try {
  // One warm-up load so the server's caches are as the bench finds them.
  for (let run = 0; run < 2; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.goto(`${app.baseURL}${path}`);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000, polling: 10 });
    const wall = Date.now() - t0;
    const { profile } = await cdp.send('Profiler.stop');
    if (run === 0) {
      await context.close();
      continue;
    }
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples!.forEach((id, k) => {
      const n = byId.get(id)!;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      const dt = profile.timeDeltas![k]! / 1000;
      total += dt;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
    console.log(`wall ${wall} ms; profiled ${total.toFixed(0)} ms of main thread`);
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
    await context.close();
  }
} finally {
  await browser.close();
  app.stop();
}
