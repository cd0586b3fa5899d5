/**
 * Real-browser harness: Debian's Chromium via playwright-core, software WebGL2.
 * Every page is guarded: a page error, a console error, or a request to any host other
 * than the loopback server fails the test (`guard.assertClean()`).
 */
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = 'test-results/screenshots';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let browser: Browser | undefined;

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

export interface Guard {
  problems: string[];
  outside: string[];
  /** Requests wrangler dev's proxy dropped (its own 503, not the worker's), which the page sends again (src/api.ts). */
  proxyDropped: number;
  assertClean(): void;
}

/** The body of the 503 wrangler dev's proxy answers when its connection to the worker failed (ProxyWorker.ts). */
const PROXY_DROP = 'Your worker restarted mid-request.';
const STATUS_503 = /Failed to load resource: the server responded with a status of 503/;

export async function openPage(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; guard: Guard }> {
  const b = await launch();
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const guard: Guard = {
    problems: [],
    outside: [],
    proxyDropped: 0,
    assertClean() {
      if (this.outside.length) throw new Error(`requests left the origin: ${this.outside.join(', ')}`);
      // The browser logs each of the proxy's 503s too; those, and only as many, are not the app's.
      let excused = this.proxyDropped;
      const problems = this.problems.filter((p) => !(excused > 0 && STATUS_503.test(p) && excused--));
      if (this.proxyDropped) console.warn(`wrangler dev's proxy dropped ${this.proxyDropped} request(s); the page sent them again`);
      if (problems.length) throw new Error(`page reported errors:\n${problems.join('\n')}`);
    },
  };
  page.on('pageerror', (err) => guard.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.problems.push(`console.error: ${msg.text()}`);
  });
  page.on('response', async (res) => {
    if (res.status() !== 503) return;
    const text = await res.text().catch(() => '');
    if (text.startsWith(PROXY_DROP)) guard.proxyDropped++;
  });
  // Abort (and record) anything not bound for loopback, so a leak fails loudly and fast.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    guard.outside.push(url.href);
    return route.abort();
  });
  await page.goto(new URL(path, inject('baseURL')).href);
  return { page, guard };
}

/** Waits for the app's test hook: every shown layer loaded and the map idle. */
export async function waitForMapReady(page: Page, timeout = 30_000) {
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}
