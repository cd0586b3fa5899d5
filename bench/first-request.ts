/**
 * Isolate start-up and the first analysis requests after it, the way the worker runs them,
 * each in a fresh process (a cold V8): start-up builds the district model, projects the
 * shipped sites, indexes their rates in both modes, with and without the sports grounds,
 * and warms up (what `warmUpCoverage()` does at module scope in worker/index.ts); then the
 * first GET of rates (radius mode, other radii than the warm-up's), the first in walk mode,
 * the first with the sports grounds, and the shipped sites stamped afresh (a POST's work).
 * Budgets: start-up ≤ 1 s (the platform's limit), first GET ≤ 10 ms.
 * Run: `npx tsx bench/first-request.ts` (bench/coverage.ts runs it too and tabulates it).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readLayer, shippedLayers } from '../test/fixtures/analysis/shipped-data';
import { coverageReport, warmUp } from '../worker/analysis/analyse';
import { buildModel } from '../worker/analysis/model';
import { buildRateIndex } from '../worker/analysis/rate-index';
import { projectSites } from '../worker/analysis/sites';

export interface FirstRequest {
  /** Model, sites, the indexes (each mode, with and without sports) and warm-up: start-up. */
  startup: number;
  /** The same in CPU time of the process (its compiler and collector threads included). */
  startupCpu: number;
  model: number;
  index: number;
  walkIndex: number;
  warm: number;
  /** First GET of rates (radius mode), first in walk mode, first with sports grounds. */
  first: number;
  firstWalk: number;
  firstSports: number;
  /** The shipped sites stamped afresh (the work of a POST of them). */
  stamped: number;
}

function once(): FirstRequest {
  const layers = shippedLayers();
  const sportsLayer = readLayer('sports') ?? { type: 'FeatureCollection', features: [] };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const model = buildModel(layers);
  const t1 = performance.now();
  const sites = projectSites(model.grid, layers.greenspaces);
  const sports = projectSites(model.grid, {
    ...sportsLayer,
    features: sportsLayer.features.map((f) => ({ ...f, properties: { ...f.properties, tier: 'leisure' } })),
  });
  const withSports = sports.length ? [...sites, ...sports] : sites;
  const radius = buildRateIndex(model, sites, 'radius', withSports);
  radius.withPlus();
  const t2 = performance.now();
  const walk = buildRateIndex(model, sites, 'walk', withSports);
  walk.withPlus();
  const t3 = performance.now();
  warmUp(model, sites, { radius: radius.index, walk: walk.index });
  const t4 = performance.now();
  const c4 = cpu();
  // Other radii than the warm-up's, so no cached answer could be reused.
  const radii = { leisure: 400, garden: 900, park: 1800 };
  coverageReport(model, sites, radii, 'radius', radius.index);
  const t5 = performance.now();
  coverageReport(model, sites, radii, 'walk', walk.index);
  const t6 = performance.now();
  coverageReport(model, withSports, radii, 'radius', radius.withPlus());
  const t7 = performance.now();
  coverageReport(model, projectSites(model.grid, layers.greenspaces), radii, 'radius');
  const t8 = performance.now();
  return {
    startup: t4 - t0,
    startupCpu: c4 - c0,
    model: t1 - t0,
    index: t2 - t1,
    walkIndex: t3 - t2,
    warm: t4 - t3,
    first: t5 - t4,
    firstWalk: t6 - t5,
    firstSports: t7 - t6,
    stamped: t8 - t7,
  };
}

/** `runs` fresh processes, each running `once`. */
export function firstRequests(runs = Number(process.env.BENCH_FRESH ?? 7)): FirstRequest[] {
  const out: FirstRequest[] = [];
  for (let i = 0; i < runs; i++) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' });
    out.push(JSON.parse(text.trim().split('\n').pop()!) as FirstRequest);
  }
  return out;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (process.argv[2] === '--once') console.log(JSON.stringify(once()));
else if (import.meta.url === `file://${process.argv[1]}`) {
  const out = firstRequests();
  const col = (k: keyof FirstRequest) => out.map((o) => o[k]);
  console.log(`isolate start-up and first requests, ${out.length} fresh processes (median, max):`);
  for (const k of Object.keys(out[0]!) as (keyof FirstRequest)[])
    console.log(
      `  ${k.padEnd(12)} ${median(col(k)).toFixed(1).padStart(8)} ms  ${Math.max(...col(k))
        .toFixed(1)
        .padStart(8)} ms`,
    );
  console.log(
    `start-up ≤ 1000 ms: ${Math.max(...col('startup')) <= 1000 ? 'ok' : 'OVER'}; first GET ≤ 10 ms: ${Math.max(...col('first')) <= 10 ? 'ok' : 'OVER'}`,
  );
}
