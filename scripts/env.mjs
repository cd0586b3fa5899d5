#!/usr/bin/env node
// Runs a command with the environment every wrangler/workerd/vite process here needs:
// no metrics, no Cloudflare fetches — only loopback connections. `node scripts/env.mjs vite`.
import { spawn } from 'node:child_process';

export const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
};

/** Spawns `cmd args` from node_modules/.bin with the quiet env; resolves with its exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: quietEnv, shell: false, ...opts });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error('usage: node scripts/env.mjs <command> [args...]');
    process.exit(2);
  }
  process.env.PATH = `${new URL('../node_modules/.bin', import.meta.url).pathname}:${process.env.PATH}`;
  process.exit(await run(cmd, args, { env: { ...quietEnv, PATH: process.env.PATH } }));
}
