import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const MiB = 1024 * 1024;

describe('deploying to Cloudflare', () => {
  it('bundles the worker (wrangler deploy --dry-run) under 1 MiB gzipped', () => {
    // The e2e global setup has just run `vite build`; wrangler picks up its output.
    const out = mkdtempSync(join(tmpdir(), 'jb-deploy-'));
    try {
      const r = spawnSync('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', out], {
        encoding: 'utf8',
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      });
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const files = readdirSync(out).filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(join(out, f)).isFile());
      expect(files.length).toBeGreaterThan(0);
      const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f))).length, 0);
      console.log(`worker bundle: ${(gz / 1024).toFixed(1)} KiB gzipped (${files.join(', ')})`);
      expect(gz).toBeLessThan(MiB);
      expect(gz).toBeGreaterThan(10 * 1024); // the bundle really holds the app and its data
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
