#!/usr/bin/env node
// `npm start`: build the front end and the worker, then serve both from workerd
// (`wrangler dev`, Cloudflare's own runtime) at http://127.0.0.1:${PORT:-8787}.
import { run } from './env.mjs';

const port = process.env.PORT || '8787';
const base = `http://127.0.0.1:${port}`;
/** The D1 database's name in wrangler.toml (`[[d1_databases]] database_name`). */
const D1_DATABASE = 'jiangbei-scenarios';
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const built = await run(bin('vite'), ['build', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);

// Shared scenarios live in D1: bring the local database (workerd's SQLite under
// .wrangler/state) up to the schema in migrations/ before serving. Idempotent: only
// pending migrations run. The deployed database is migrated with --remote (README).
// No terminal on its stdin, so wrangler applies them without asking (it would prompt in a TTY).
const migrated = await run(bin('wrangler'), ['d1', 'migrations', 'apply', D1_DATABASE, '--local'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (migrated !== 0) process.exit(migrated);

// After `vite build`, wrangler reads the generated dist/<worker>/wrangler.json
// (redirected from .wrangler/deploy/config.json): the worker bundle plus dist/client assets.
const served = run(bin('wrangler'), ['dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false']);

// Say where the app is once it answers, not before (nor if wrangler gave up, e.g. port taken).
let exited = false;
void served.then(() => (exited = true));
const answers = () =>
  fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
while (!exited && !(await answers())) await new Promise((r) => setTimeout(r, 250));
if (!exited) console.log(`\nJiangbei Green Map: ${base}  (Ctrl-C stops)\n`);
// A request a second keeps wrangler dev's connections from idling ~5 s, after which a
// request can hang for 30 s (see scripts/serve-app.ts).
setInterval(() => void answers(), 1000).unref();

process.exit(await served);
