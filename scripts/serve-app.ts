/**
 * Builds the app as `npm start` does and serves it from `wrangler dev` (workerd) on a free
 * loopback port. Shared by the end-to-end tests and the benchmarks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG: 'warn' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export function build() {
  // A production build, as `npm start` makes: vitest runs its setup with NODE_ENV=test, which
  // would otherwise give the page Lit's development build.
  const r = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { env: { ...quietEnv, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface RunningApp {
  baseURL: string;
  stop(): void;
}

/** The D1 database's name in wrangler.toml (`[[d1_databases]] database_name`). */
export const D1_DATABASE = 'jiangbei-scenarios';

/**
 * A fresh, empty local D1 state in a temporary folder, with every migration applied: each
 * run starts from the same database, whatever earlier runs stored (and `npm start`'s own
 * database under .wrangler/ is left alone).
 */
export function freshDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jb-d1-'));
  const r = spawnSync('node_modules/.bin/wrangler', ['d1', 'migrations', 'apply', D1_DATABASE, '--local', '--persist-to', dir], {
    env: quietEnv,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${r.stdout}\n${r.stderr}`);
  return dir;
}

export interface ServeOptions {
  /** Worker variables set for this run only (`wrangler dev --var NAME:VALUE`). */
  vars?: Record<string, string>;
}

/** Starts `wrangler dev` on the last build, over a fresh database; resolves once /api/health answers. */
export async function serve(timeoutMs = 60_000, opts: ServeOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const state = freshDatabase();
  let output = '';
  const vars = Object.entries(opts.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false', '--persist-to', state, ...vars];
  const child = spawn('node_modules/.bin/wrangler', args, {
    // With a log kept, keep the worker's own lines in it too.
    env: process.env.JB_SERVER_LOG ? { ...quietEnv, WRANGLER_LOG: 'log' } : quietEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: wrangler starts workerd as a child
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // JB_SERVER_LOG=path keeps the server's own log (e.g. to see why a request failed in a test).
  if (process.env.JB_SERVER_LOG) {
    const { createWriteStream } = await import('node:fs');
    const log = createWriteStream(process.env.JB_SERVER_LOG);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  const baseURL = `http://127.0.0.1:${port}`;
  // wrangler dev 4.86 (the last for Node 20) can lose a request sent on a connection that sat
  // idle for ~5 s: the client's and the server's keep-alive timeouts fire together
  // (cloudflare/workers-sdk#14641; fixed by #15252 in wranglers that need Node 22). That
  // request then hangs ~30 s or answers 503 — the e2e flakes of earlier sessions. A request
  // every second keeps the connections from idling that long (measured here: requests sent
  // after a 5 s pause hung 3 times in 36 without it, 0 times in 60 with it).
  const keepWarm = setInterval(
    () =>
      void fetch(`${baseURL}/api/health`).then(
        (r) => r.text(),
        () => undefined,
      ),
    1000,
  );
  keepWarm.unref();
  const stop = () => {
    clearInterval(keepWarm);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    try {
      rmSync(state, { recursive: true, force: true });
    } catch {
      /* workerd still holding a file: a leftover temp folder is harmless */
    }
  };
  // However this process ends (a crash, a thrown error, Ctrl-C), the server goes with it: a
  // workerd left behind keeps a core busy and skews every later measurement.
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      stop();
      process.exit(130);
    });
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${output}`);
}
