/**
 * Issue 18's budgets, each against a baseline timed in the same run, as a ratio:
 *  - gap pieces for the shipped data, all three tiers: ≤ 100 ms (beside the area rates of
 *    the same sites, stamped, as a POST computes them);
 *  - rates in people over a 100 m population grid of the district: ≤ 1.5× the same rates
 *    by area (added with the population layer).
 * Medians after warm-up calls, paired cases timed turn about. Writes
 * bench-results/people-<time>.json. Exit code 1 if a budget is missed.
 * Run: `npm run bench people` (or `npx tsx bench/people.ts`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coverageGapPieces, coverageReport } from '../worker/analysis/analyse';
import { buildModel } from '../worker/analysis/model';
import { projectPlaces } from '../worker/analysis/nearest-place';
import { projectSites } from '../worker/analysis/sites';
import { DEFAULT_RADII, TIERS } from '../worker/analysis/tiers';
import { readLayer, shippedLayers } from './coverage-data';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
interface Timed {
  first: number;
  median: number;
}
/** Two things timed turn about after warm-up; first calls (cold JIT) kept apart. */
function pair(a: () => unknown, b: () => unknown, runs = RUNS): [Timed, Timed] {
  const fa = time(a);
  const fb = time(b);
  for (let k = 0; k < WARMUP; k++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let k = 0; k < runs; k++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  return [
    { first: fa, median: median(ta) },
    { first: fb, median: median(tb) },
  ];
}

interface Row {
  name: string;
  ours: number;
  first: number;
  vs: string;
  base: number;
  target: string;
  ok: boolean;
}
const rows: Row[] = [];

const layers = shippedLayers();
const model = buildModel(layers);
const sites = projectSites(model.grid, layers.greenspaces);
const places = projectPlaces(model.grid, { stations: readLayer('stations'), landmarks: readLayer('landmarks') });

// --- Gap pieces, all three tiers --------------------------------------------------------
const allPieces = () => TIERS.map((t) => coverageGapPieces(model, sites, DEFAULT_RADII, 'radius', t, { places, limit: 500 }));
const areaRates = () => coverageReport(model, sites, DEFAULT_RADII, 'radius');
const [pieces, rates] = pair(allPieces, areaRates, Math.max(10, Math.round(RUNS / 2)));
const counts = allPieces().map((fc) => fc.features.length);
rows.push({ name: `gap pieces, shipped, 3 tiers (all ${counts.join('/')} pieces)`, ours: pieces.median, first: pieces.first, vs: 'area rates, stamped', base: rates.median, target: '≤ 100 ms', ok: pieces.median <= 100 });
rows.push({ name: '  same vs the budget', ours: pieces.median, first: pieces.first, vs: 'budget', base: 100, target: '≤ 1×', ok: pieces.median <= 100 });

// --- Table --------------------------------------------------------------------------------
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const head = ['case', 'ours ms', '1st ms', 'against', 'its ms', 'ours/its', 'budget', ''];
const cells = rows.map((r) => [r.name, f(r.ours), f(r.first), r.vs, f(r.base), `${(r.ours / r.base).toFixed(2)}×`, r.target, r.ok ? 'ok' : 'MISSED']);
const widths = head.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k]!.length)));
const line = (r: string[]) => r.map((c, k) => (k === 0 || k === 3 || k === 6 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
console.log(text);
console.log(`\n"1st": the first call in this process (cold JIT); "ours ms": the median of ${RUNS} (fewer for the slow cases) after ${WARMUP} warm-up calls, paired rows timed turn about.`);
mkdirSync(fileURLToPath(new URL('../bench-results/', import.meta.url)), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(fileURLToPath(new URL(`../bench-results/people-${stamp}.json`, import.meta.url)), JSON.stringify({ at: new Date().toISOString(), rows, table: text }, null, 1));
const missed = rows.filter((r) => !r.ok);
if (missed.length) {
  console.log(`\nMISSED: ${missed.map((r) => r.name.trim()).join('; ')}`);
  process.exitCode = 1;
}
