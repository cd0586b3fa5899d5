#!/usr/bin/env node
// `npm test`: type-check, lint (Biome: formatting and lint rules) and the unused-code check
// (knip), then every test — unit (Node), worker (inside workerd) and end-to-end (built app
// on `wrangler dev`, driven in Debian's Chromium).
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { ensureBrowser } from './ensure-browser.mjs';
import { run } from './env.mjs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const args = process.argv.slice(2);

ensureBrowser();
const typed = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (typed !== 0) {
  console.error('Type check failed.');
  process.exit(typed);
}
for (const [name, argv] of [
  ['Format and lint (Biome)', [bin('biome'), ['check', '.']]],
  ['Unused code (knip)', [bin('knip'), ['--no-progress']]],
]) {
  const code = await run(...argv);
  if (code !== 0) {
    console.error(`${name} failed.`);
    process.exit(code);
  }
}
process.exit(await run(bin('vitest'), ['run', ...args]));
