/** Security headers on every response of the running app (wrangler dev): page, assets, API. */
import { describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS } from '../../worker/security';

const base = () => inject('baseURL');
const fetchLocal = (path: string, init?: RequestInit) => fetch(new URL(path, base()), init);

describe('security headers on every response of the running app', () => {
  it('the page, its scripts, style sheet, favicon, Web Worker, a deep link and the API all carry the same headers', async () => {
    const page = await fetchLocal('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    // No inline script in the page: every <script> has a src.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const worker = /maplibre-gl-worker[^"']*\.mjs/.exec(await (await fetchLocal(assets.find((a) => a.includes('/main-'))!)).text());
    const paths = ['/', '/?near=106.6,29.6', '/favicon.svg', '/some/deep/link', ...assets, '/api/health', '/api/layers/boundary', '/api/no-such-route'];
    if (worker) paths.push(`/assets/${worker[0]}`);
    for (const path of paths) {
      const res = await fetchLocal(path);
      await res.arrayBuffer();
      expect(res.status, path).toBeLessThan(500);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${path}: ${name}`).toBe(value);
    }
  });

  it('the _headers file itself is not served as a static file', async () => {
    const res = await fetchLocal('/_headers');
    const text = await res.text();
    expect(text).not.toContain('Content-Security-Policy');
  });

  it('CORS: the API answers a foreign origin without Access-Control-Allow-Origin', async () => {
    const res = await fetchLocal('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetchLocal('/api/health', { headers: { origin: new URL(base()).origin } });
    expect(own.headers.get('access-control-allow-origin')).toBe(new URL(base()).origin);
  });
});
