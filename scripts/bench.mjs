// `npm run bench [coverage|people|viewer|workbench|first-request]`: the benchmarks, each against a
// baseline or budget measured in the same run. coverage: the analysis's budgets against the
// naive Turf pipeline, GEOS and its own modes, with start-up and first requests in fresh
// processes (bench/coverage.ts); people: gap pieces and rates in people (bench/people.ts);
// viewer: bundle sizes and time to map-ready (bench/viewer.ts); workbench: what-if speed in Chromium (bench/workbench.ts).
// first-request: start-up alone (bench/first-request.ts; coverage runs it too). Default:
// all that exist but first-request.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const which = process.argv[2];
const benches = [
  ['coverage', 'bench/coverage.ts'],
  ['first-request', 'bench/first-request.ts'],
  ['people', 'bench/people.ts'],
  ['viewer', 'bench/viewer.ts'],
  ['workbench', 'bench/workbench.ts'],
].filter(([name, file]) => (which ? which === name : name !== 'first-request') && existsSync(file));
if (benches.length === 0) {
  console.error(`No bench named "${which}". Known: coverage, people, viewer, workbench, first-request.`);
  process.exit(2);
}
let status = 0;
for (const [name, file] of benches) {
  console.log(`\n=== ${name} (${file}) ===\n`);
  const r = spawnSync('npx', ['tsx', file], {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
