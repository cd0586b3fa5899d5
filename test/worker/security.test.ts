import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../worker/security';

const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));

const expectSecurityHeaders = (res: Response, what: string) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
};

describe('security headers and CORS on the API, in workerd', () => {
  it('every kind of answer carries the security headers: 200, 304, 404, 413, 422', async () => {
    expectSecurityHeaders(await call('/api/health'), 'health');
    const layer = await call('/api/layers/boundary');
    expectSecurityHeaders(layer, 'layer');
    const tag = layer.headers.get('etag')!;
    const again = await call('/api/layers/boundary', { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again, '304');
    expectSecurityHeaders(await call('/api/nothing'), '404');
    expectSecurityHeaders(await call('/api/coverage?mode=fly'), '422');
    const big = await call('/api/coverage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(5 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expectSecurityHeaders(big, '413');
  }, 30_000);

  it('the policy allows no inline script, no framing, no sniffing', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy']!;
    const script = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)![1]!;
    expect(script).toBe("'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it("lets the app's own origin read answers, and no other origin unless configured", async () => {
    const own = await call('/api/health', { headers: { origin: 'http://127.0.0.1' } });
    expect(own.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1');
    const other = await call('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('/api/coverage', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const ownPreflight = await call('/api/coverage', {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(ownPreflight.status).toBe(204);
    expect(ownPreflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1');
    expect(ownPreflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
