#!/usr/bin/env node
// `npm start`: build the front end and the worker, then serve both from workerd
// (`wrangler dev`, Cloudflare's own runtime) at http://127.0.0.1:${PORT:-8787}.
import { run } from './env.mjs';

const port = process.env.PORT || '8787';
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const built = await run(bin('vite'), ['build', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);

console.log(`\nJiangbei Green Map: http://127.0.0.1:${port}  (Ctrl-C stops)\n`);
// After `vite build`, wrangler reads the generated dist/<worker>/wrangler.json
// (redirected from .wrangler/deploy/config.json): the worker bundle plus dist/client assets.
process.exit(await run(bin('wrangler'), ['dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false']));
