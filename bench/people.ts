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
import { DEFAULT_RADII, TIERS } from '../domain/tiers';
import { readLayer, shippedLayers } from '../test/fixtures/analysis/shipped-data';
import { coverageGapPieces, coverageReport, peopleOfPoints } from '../worker/analysis/analyse';
import { fromGrid } from '../worker/analysis/grid';
import { buildModel } from '../worker/analysis/model';
import { projectPlaces } from '../worker/analysis/nearest-place';
import { projectSites } from '../worker/analysis/sites';
import { lonLatToUtm, utmToLonLat } from '../worker/analysis/utm';
import { checkBody } from '../worker/analysis/validate-input';
import { checkPopulation, pointsExtent } from '../worker/analysis/validate-population';

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
rows.push({
  name: `gap pieces, shipped, 3 tiers (all ${counts.join('/')} pieces)`,
  ours: pieces.median,
  first: pieces.first,
  vs: 'area rates, stamped',
  base: rates.median,
  target: '≤ 100 ms',
  ok: pieces.median <= 100,
});
rows.push({ name: '  same vs the budget', ours: pieces.median, first: pieces.first, vs: 'budget', base: 100, target: '≤ 1×', ok: pieces.median <= 100 });

// --- Rates in people over a 100 m population grid ------------------------------------------
// A 100 m raster in UTM zone 48N over the district's bounding box (random counts 0–60 a
// pixel), sent as the pixel centres with their counts: the wire form, as an API client
// with a 100 m grid would send it. Both sides parse nothing (the sites are projected once,
// as the rates are what is timed); the people side also checks the points and puts them on
// the grid, which it must do per request.
const zone = { zone: 48, south: false };
const g = model.grid;
const m = Math.round(g.margin / g.cell);
const [sw, ne] = [fromGrid(g, m, m), fromGrid(g, g.w - m, g.h - m)];
const [e0, n0] = lonLatToUtm(zone, sw[0], ne[1]);
const [e1, n1] = lonLatToUtm(zone, ne[0], sw[1]);
let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const points: number[][] = [];
for (let n = n0 - 50; n > n1; n -= 100) for (let e = e0 + 50; e < e1; e += 100) points.push([...utmToLonLat(zone, e, n), Math.round(60 * rand())]);
const population = { points, source: 'bench: random 100 m grid', date: null, extent: null };
const withPeople = () => {
  const p = checkPopulation(population);
  if (!p.ok) throw new Error(p.message);
  return coverageReport(model, sites, DEFAULT_RADII, 'radius', undefined, peopleOfPoints(model, p.value.points, pointsExtent(p.value.points)));
};
const [peopleRates, byArea] = pair(withPeople, areaRates);
rows.push({
  name: `rates in people, ${points.length.toLocaleString('en')}-point 100 m grid, 3 tiers, all areas`,
  ours: peopleRates.median,
  first: peopleRates.first,
  vs: 'the same rates by area',
  base: byArea.median,
  target: '≤ 1.5×',
  ok: peopleRates.median <= 1.5 * byArea.median,
});
// The whole POST body, parsed, as the route takes it (the population adds its JSON).
const greenText = JSON.stringify({ sites: layers.greenspaces });
const peopleText = JSON.stringify({ sites: layers.greenspaces, population });
const roundTrip = (text: string) => {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const b = checkBody(raw);
  if (!b.ok) throw new Error(b.message);
  const projected = projectSites(model.grid, b.value.sites);
  let people: ReturnType<typeof peopleOfPoints> | undefined;
  if (raw.population) {
    const p = checkPopulation(raw.population);
    if (!p.ok) throw new Error(p.message);
    people = peopleOfPoints(model, p.value.points, pointsExtent(p.value.points));
  }
  return JSON.stringify(coverageReport(model, projected, b.value.radii, 'radius', undefined, people));
};
const [tripPeople, tripArea] = pair(
  () => roundTrip(peopleText),
  () => roundTrip(greenText),
  Math.max(10, Math.round(RUNS / 2)),
);
rows.push({
  name: `  POST round trip with it (body ${(peopleText.length / 1e6).toFixed(1)} vs ${(greenText.length / 1e6).toFixed(2)} MB)`,
  ours: tripPeople.median,
  first: tripPeople.first,
  vs: 'the same POST by area',
  base: tripArea.median,
  target: '(JSON parse)',
  ok: true,
});

// --- Table --------------------------------------------------------------------------------
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const head = ['case', 'ours ms', '1st ms', 'against', 'its ms', 'ours/its', 'budget', ''];
const cells = rows.map((r) => [r.name, f(r.ours), f(r.first), r.vs, f(r.base), `${(r.ours / r.base).toFixed(2)}×`, r.target, r.ok ? 'ok' : 'MISSED']);
const widths = head.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k]!.length)));
const line = (r: string[]) => r.map((c, k) => (k === 0 || k === 3 || k === 6 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
console.log(text);
console.log(
  `\n"1st": the first call in this process (cold JIT); "ours ms": the median of ${RUNS} (fewer for the slow cases) after ${WARMUP} warm-up calls, paired rows timed turn about.`,
);
mkdirSync(fileURLToPath(new URL('../bench-results/', import.meta.url)), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(
  fileURLToPath(new URL(`../bench-results/people-${stamp}.json`, import.meta.url)),
  JSON.stringify({ at: new Date().toISOString(), rows, table: text }, null, 1),
);
const missed = rows.filter((r) => !r.ok);
if (missed.length) {
  console.log(`\nMISSED: ${missed.map((r) => r.name.trim()).join('; ')}`);
  process.exitCode = 1;
}
