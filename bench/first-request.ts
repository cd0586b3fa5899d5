/**
 * The first analysis request after an isolate starts, the way the worker runs it: the model is
 * built and warmed at start-up (what `warmUpCoverage()` does in worker/index.ts), then the
 * first shipped-data request is timed, in a fresh process each time. Target: ≤ 10 ms.
 * Run: `npx tsx bench/first-request.ts` (part of `npm run bench -- coverage`'s story).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { coverageReport, warmUp } from '../worker/analysis/analyse';
import { buildModel } from '../worker/analysis/model';
import { buildRateIndex } from '../worker/analysis/rate-index';
import { projectSites } from '../worker/analysis/sites';
import { DEFAULT_RADII } from '../worker/analysis/tiers';
import { shippedLayers } from './coverage-data';

if (process.argv[2] === '--once') {
  const layers = shippedLayers();
  const t0 = performance.now();
  // What the worker does at isolate start (prepareShippedAnalysis): model, sites, their
  // rate index, warm-up.
  const model = buildModel(layers);
  const sites = projectSites(model.grid, layers.greenspaces);
  const index = buildRateIndex(model, sites);
  warmUp(model, sites);
  const t1 = performance.now();
  // A first GET with other radii than the warm-up's, so no cached answer could be reused.
  const radii = { leisure: 400, garden: 900, park: 1800 };
  coverageReport(model, sites, radii, 'radius', index);
  const t2 = performance.now();
  // The same sites stamped afresh (a POST of them): the path the index spares a GET.
  coverageReport(model, projectSites(model.grid, layers.greenspaces), radii, 'radius');
  const t3 = performance.now();
  console.log(JSON.stringify({ startup: t1 - t0, first: t2 - t1, stamped: t3 - t2 }));
} else {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const out: { startup: number; first: number; stamped: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' });
    out.push(JSON.parse(text.trim().split('\n').pop()!));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const firsts = out.map((o) => o.first);
  console.log(`first shipped-data request after the start-up warm-up, ${runs} fresh processes:`);
  console.log(`  start-up (model + warm-up): median ${med(out.map((o) => o.startup)).toFixed(1)} ms`);
  const st = out.map((o) => o.stamped);
  console.log(`  the same sites stamped afresh right after (a POST of them): median ${med(st).toFixed(1)} ms, max ${Math.max(...st).toFixed(1)} ms`);
  console.log(`  first request: median ${med(firsts).toFixed(1)} ms, max ${Math.max(...firsts).toFixed(1)} ms  [${firsts.map((x) => x.toFixed(1)).join(', ')}]  target ≤ 10 ms: ${Math.max(...firsts) <= 10 ? 'ok' : 'OVER'}`);
}
