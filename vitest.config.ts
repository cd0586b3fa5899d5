import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The worker tests get the D1 binding from wrangler.toml (a local database in workerd) and
// the migrations as a test-only binding, applied by test/worker/setup/migrations.ts.
const migrations = await readD1Migrations('migrations');

// Three kinds of test, one runner, one kind after the other:
//  unit   — pure modules (analysis, geodata checks, derivation scripts) in Node;
//  worker — the Hono app inside workerd, the production runtime;
//  e2e    — the built app served by `wrangler dev`, driven in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/fast-check-seed.ts', 'test/unit/setup/messages.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings: { TEST_MIGRATIONS: migrations } } })],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/fast-check-seed.ts', 'test/worker/setup/migrations.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          // Last and alone: the browser and the served app get the machine to themselves
          // (the worker fuzz test running alongside starved the app server into 503s).
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/setup/server.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
