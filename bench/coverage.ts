/**
 * Coverage analysis speed and accuracy, against the naive Turf pipeline in the same run:
 * buffer every site → union → intersect with the measured land → area. Prints a table of
 * times, ratios and rate differences, and checks the targets:
 *  - shipped data, all three tiers with per-area rates ≤ 10 ms;
 *  - 1,000 seeded random sites ≥ 50× faster than naive;
 *  - 10,000 sites ≤ 10× the time of 1,000; peak memory ≤ 64 MB (bench/coverage-memory.ts);
 *  - suggest for 10 sites ≤ 200 ms.
 * Run: `npm run bench` (or `npx tsx bench/coverage.ts`). Exit code 1 if a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { coverageReport, coverageRings, suggest } from '../worker/analysis/analyse';
import { buildModel } from '../worker/analysis/model';
import { buildRateIndex } from '../worker/analysis/rate-index';
import { referenceLand, referenceRates, referenceRing } from '../worker/analysis/reference';
import { projectSites } from '../worker/analysis/sites';
import { DEFAULT_RADII, TIERS } from '../worker/analysis/tiers';
import { randomSites } from '../test/fixtures/analysis/random-sites';
import { shippedLayers } from './coverage-data';

type Poly = Feature<Polygon | MultiPolygon>;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const now = () => performance.now();
function time<T>(f: () => T): [T, number] {
  const t = now();
  const out = f();
  return [out, now() - t];
}
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
/** First call (cold), then WARMUP untimed calls (V8 tiers up), then the median of RUNS. */
function bench<T>(f: () => T, runs = RUNS): { out: T; first: number; median: number } {
  const [out, first] = time(f);
  for (let k = 0; k < Math.min(WARMUP, runs); k++) f();
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) ts.push(time(f)[1]);
  ts.sort((a, b) => a - b);
  return { out, first, median: ts[Math.floor(ts.length / 2)]! };
}

const rows: string[][] = [];
const failures: string[] = [];
const ms = (x: number | undefined) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(2));
function row(name: string, naive: number | undefined, first: number | undefined, median: number | undefined, diff: string, target: string, ok: boolean | undefined) {
  const ratio = naive !== undefined && median !== undefined ? `${(naive / median).toFixed(0)}×` : '—';
  rows.push([name, ms(naive), ms(first), ms(median), ratio, diff, target, ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
  if (ok === false) failures.push(name);
}

const layers = shippedLayers();
const [model, tModel] = time(() => buildModel(layers));
const [ref, tRefLand] = time(() => referenceLand(layers));
const measured = ref.builtup ?? ref.land;
console.log(
  `grid ${model.grid.w}×${model.grid.h} cells of ${model.grid.cell} m (+${model.grid.margin} m margin), coverage sampled at ${model.grid.cell / model.ss} m; ` +
    `rates of ${model.of}; ${layers.greenspaces.features.length} shipped sites; ${model.areas.length} areas`,
);
const shippedProjected = projectSites(model.grid, layers.greenspaces);
const [index, tIndex] = time(() => buildRateIndex(model, shippedProjected));
console.log(`once per isolate: district model ${tModel.toFixed(0)} ms, shipped sites' rate index ${tIndex.toFixed(0)} ms (naive: measured land ${tRefLand.toFixed(0)} ms)\n`);

// --- 1. Shipped data: three tiers, per-area rates ------------------------------------------
const areaShapes: [string, Poly][] = [];
for (const fc of [layers.cores, layers.zones, layers.belt]) for (const f of fc?.features ?? []) areaShapes.push([String(f.properties!.id), f as Poly]);
const shippedSites = layers.greenspaces;
const naiveShipped = (steps: number) =>
  time(() => {
    const out = new Map<string, number[]>();
    out.set('district', referenceRates(measured, shippedSites, DEFAULT_RADII, TIERS, steps).map((r) => r.coverage_pct));
    for (const [id, shape] of areaShapes) {
      const m = turf.intersect(turf.featureCollection([measured, shape]));
      if (m && turf.area(m) > 5e4) out.set(id, referenceRates(m, shippedSites, DEFAULT_RADII, TIERS, steps).map((r) => r.coverage_pct));
    }
    return out;
  });
const [naive8, tNaiveShipped] = naiveShipped(8);
const [naive64] = naiveShipped(64);
// As the API serves GET /api/coverage: the shipped sites' rates looked up in their index.
const ours = bench(() => coverageReport(model, shippedProjected, DEFAULT_RADII, 'radius', index));
// The same sites stamped afresh, as a POST of them (or a radius the index does not hold) is.
const stamped = bench(() => coverageReport(model, projectSites(model.grid, shippedSites), DEFAULT_RADII, 'radius'));
const maxDiff = (ref: Map<string, number[]>, report = ours.out) => {
  let worst = 0;
  for (const a of report.areas) {
    const r = ref.get(a.kind === 'district' ? 'district' : a.id);
    if (r) a.tiers.forEach((t, k) => (worst = Math.max(worst, Math.abs(t.coverage_pct - r[k]!))));
  }
  return worst;
};
row(
  'shipped: 3 tiers, per-area rates (GET: rate index)',
  tNaiveShipped,
  ours.first,
  ours.median,
  `${maxDiff(naive8).toFixed(2)} / ${maxDiff(naive64).toFixed(2)}`,
  '≤ 10 ms',
  ours.median <= 10 && ours.first <= 10,
);
row(
  'shipped: same, stamped (as a POST of them)',
  tNaiveShipped,
  stamped.first,
  stamped.median,
  `${maxDiff(naive8, stamped.out).toFixed(2)} / ${maxDiff(naive64, stamped.out).toFixed(2)}`,
  '≤ 10 ms',
  stamped.median <= 10,
);
const walk = bench(() => coverageReport(model, projectSites(model.grid, shippedSites), DEFAULT_RADII, 'walk'), 5);
row('shipped: same, walk mode', undefined, walk.first, walk.median, '—', '(cached)', undefined);
const [, tNaiveRings] = time(() => TIERS.map((t) => referenceRing(model.district, shippedSites, t, DEFAULT_RADII[t])));
const rings = bench(() => coverageRings(model, projectSites(model.grid, shippedSites), DEFAULT_RADII, 'radius'), 5);
row('shipped: rings, 3 tiers (vector out)', tNaiveRings, rings.first, rings.median, '—', '(cached)', undefined);

// --- 2. Seeded random sites -------------------------------------------------------------
const r1k = randomSites(1000, 1000);
const [naive1k, tNaive1k] = time(() => referenceRates(measured, r1k, DEFAULT_RADII));
const ours1k = bench(() => coverageReport(model, projectSites(model.grid, r1k), DEFAULT_RADII, 'radius'));
const diff1k = Math.max(...ours1k.out.tiers.map((t, k) => Math.abs(t.coverage_pct - naive1k[k]!.coverage_pct)));
row('1,000 random sites (20 % polygons), 3 tiers', tNaive1k, ours1k.first, ours1k.median, diff1k.toFixed(2), '≥ 50×', tNaive1k / ours1k.median >= 50);
const r10k = randomSites(10_000, 10_000);
const ours10k = bench(() => coverageReport(model, projectSites(model.grid, r10k), DEFAULT_RADII, 'radius'), 7);
const growth = ours10k.median / ours1k.median;
row('10,000 random sites, 3 tiers', undefined, ours10k.first, ours10k.median, '—', `≤ 10× of 1k: ${growth.toFixed(1)}×`, growth <= 10);

// --- 3. Suggestions ---------------------------------------------------------------------
for (const tier of ['leisure', 'park'] as const) {
  const s = bench(() => suggest(model, shippedProjected, DEFAULT_RADII, tier, 10), 5);
  row(`suggest 10 ${tier} sites (shipped)`, undefined, s.first, s.median, '—', '≤ 200 ms', s.median <= 200);
}

// --- 4. Peak memory for 10,000 sites, in a fresh process ---------------------------------
let memNote = '';
try {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./coverage-memory.ts', import.meta.url))], { encoding: 'utf8' });
  const m = JSON.parse(out.trim().split('\n').pop()!) as { peakMB: number; totalMB: number };
  row('10,000 sites: peak memory (RSS growth)', undefined, undefined, undefined, `${m.peakMB.toFixed(1)} MB`, '≤ 64 MB', m.peakMB <= 64);
  memNote = `peak RSS of that whole process (Node, Turf, the model and the run): ${m.totalMB.toFixed(0)} MB`;
} catch (e) {
  row('10,000 sites: peak memory', undefined, undefined, undefined, `failed: ${(e as Error).message.slice(0, 40)}`, '≤ 64 MB', false);
}

// --- Table --------------------------------------------------------------------------------
const head = ['case', 'naive ms', 'ours 1st', 'ours med', 'ratio', 'max |Δ| pp', 'target', ''];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(memNote);
console.log(
  '\nmax |Δ| pp: largest difference in any tier’s rate (district and every core/zone/belt for the shipped data)' +
    ' against the naive pipeline timed here (Turf buffer steps 8) / against it with 64 steps (see worker/analysis/README.md).' +
    `\n"ours 1st" is the first call in this process (cold JIT); "ours med" the median of ${RUNS} more after ${WARMUP} untimed warm-up calls (fewer for the slow cases).`,
);
if (failures.length) {
  console.log(`\nMISSED: ${failures.join('; ')}`);
  process.exitCode = 1;
}
