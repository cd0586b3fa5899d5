/**
 * `npm run load`: builds and starts the app as `npm start` does (scripts/serve-app.ts:
 * `vite build`, then `wrangler dev` on a free loopback port), then drives it from a second
 * process with autocannon: 100 connections for 20 s per scenario, loopback only. Prints
 * requests/s, p50/p99 latency, errors and non-2xx per scenario; exits non-zero on any
 * error or non-2xx answer. Bounded: each scenario is stopped after its duration plus a
 * grace period, the whole run after LOAD_TIMEOUT_S (default 300 s).
 *
 *   npm run load                    # every scenario
 *   npm run load -- nearest post    # some of them
 *   npm run load -- scenarios       # shared scenarios in D1, reads and writes mixed
 *   LOAD_DURATION_S=5 npm run load  # shorter
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type RequestSpec } from 'autocannon';
import { TIERS } from '../domain/tiers';
import { build, serve } from './serve-app';

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 20);
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT_S ?? 300);

interface Scenario {
  name: string;
  what: string;
  method: 'GET' | 'POST';
  /** Path of each request, varied per request where it says so. */
  path: () => string;
  body?: string;
  /** Shared scenarios: reads and writes mixed (see sharedMix). */
  mixed?: true;
}

/** A fixed pseudo-random sequence, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** 500 point and polygon sites spread over Jiangbei (a fifth of them small squares). */
function sites500(): string {
  const r = rng(500);
  const tiers = TIERS;
  const features = Array.from({ length: 500 }, (_, i) => {
    const lon = 106.52 + r() * 0.3;
    const lat = 29.56 + r() * 0.13;
    const tier = tiers[i % 3]!;
    if (i % 5 === 0) {
      const d = 0.001 + r() * 0.002;
      return {
        type: 'Feature',
        properties: { tier, id: `p${i}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon, lat],
              [lon + d, lat],
              [lon + d, lat + d],
              [lon, lat + d],
              [lon, lat],
            ],
          ],
        },
      };
    }
    return { type: 'Feature', properties: { tier, id: `p${i}` }, geometry: { type: 'Point', coordinates: [lon, lat] } };
  });
  return JSON.stringify({ sites: { type: 'FeatureCollection', features } });
}

function scenarios(): Scenario[] {
  const pick = <T>(xs: readonly T[], r: () => number) => xs[Math.floor(r() * xs.length)]!;
  const r = rng(1);
  const modes = ['radius', 'walk'];
  const radii = ['', 'leisure:300', 'park:1500', 'garden:800,park:2500'];
  return [
    {
      name: 'coverage',
      what: 'GET /api/coverage (radius/walk, 4 radii sets)',
      method: 'GET',
      path: () => `/api/coverage?mode=${pick(modes, r)}&radii=${pick(radii, r)}`,
    },
    {
      name: 'rings',
      what: 'GET /api/coverage/rings (radius/walk, 4 radii sets)',
      method: 'GET',
      path: () => `/api/coverage/rings?mode=${pick(modes, r)}&radii=${pick(radii, r)}`,
    },
    { name: 'gaps', what: 'GET /api/gaps (3 tiers, radius/walk)', method: 'GET', path: () => `/api/gaps?tier=${pick(TIERS, r)}&mode=${pick(modes, r)}` },
    {
      name: 'nearest',
      what: 'GET /api/nearest at a new random point each request (straight line)',
      method: 'GET',
      path: () => `/api/nearest?lon=${(106.52 + r() * 0.3).toFixed(5)}&lat=${(29.56 + r() * 0.13).toFixed(5)}`,
    },
    { name: 'post', what: 'POST /api/coverage with 500 sites', method: 'POST', path: () => '/api/coverage', body: sites500() },
    {
      name: 'scenarios',
      what: `shared scenarios in D1, mixed: ${MIX.read}% GET latest, ${MIX.versions}% GET versions, ${MIX.put}% PUT a new version (If-Match), ${MIX.post}% POST a new one; ${SHARED} scenarios, ${SCENARIO_SITES} sites each`,
      method: 'GET',
      path: () => '/api/scenarios',
      mixed: true,
    },
  ];
}

// --- shared scenarios: reads and writes mixed ---------------------------------------------

/** Percentages of each kind of request in the `scenarios` mix. */
const MIX = { read: 60, versions: 15, put: 20, post: 5 };
const SHARED = 100;
const SCENARIO_SITES = 20;
/**
 * The per-client write limit (30 a minute) would refuse nearly every write here, all from one
 * loopback address: the server for the load run gets it raised (SCENARIO_WRITES_PER_MINUTE).
 * The limit itself is tested in test/worker/scenarios.test.ts.
 */
export const LOAD_VARS = { SCENARIO_WRITES_PER_MINUTE: '100000000' };

/** A scenario file as the workbench exports it, `n` sites spread over Jiangbei. */
function scenarioFile(name: string, n: number, seed: number): string {
  const r = rng(seed);
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `s${i}`,
    properties: { id: `s${i}`, tier: ['leisure', 'garden', 'park'][i % 3], name: `#${i + 1}` },
    geometry: { type: 'Point', coordinates: [106.52 + r() * 0.3, 29.56 + r() * 0.13] },
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    jiangbei_scenario: { version: 1, name, closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' },
    features,
  });
}

interface Shared {
  id: string;
  token: string;
  version: number;
}

/** Shares SHARED scenarios before the run (not timed): what the mix reads and saves. */
async function shareScenarios(base: string): Promise<Shared[]> {
  const out: Shared[] = [];
  for (let i = 0; i < SHARED; i++) {
    const res = await fetch(`${base}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: scenarioFile(`load ${i}`, SCENARIO_SITES, i + 1),
    });
    if (res.status !== 201) throw new Error(`sharing scenario ${i} for the load run: ${res.status} ${await res.text()}`);
    const c = (await res.json()) as { id: string; edit_token: string; version: number };
    out.push({ id: c.id, token: c.edit_token, version: c.version });
  }
  return out;
}

/**
 * The mix as one autocannon request whose setup picks the kind each time. A PUT takes a
 * scenario no other connection is saving (a free list), names its version in If-Match and
 * puts it back with the new version when answered, so no save is stale: every answer is 2xx
 * unless something is wrong. Counts of each kind sent are kept for the report.
 */
function sharedMix(pool: Shared[], sent: Record<keyof typeof MIX, number>) {
  const r = rng(7);
  const free = [...pool];
  const bodies = Array.from({ length: 8 }, (_, i) => scenarioFile(`load edit ${i}`, SCENARIO_SITES, 1000 + i));
  return {
    setupRequest: (req: RequestSpec, context: Record<string, unknown>): RequestSpec => {
      context.saving = undefined;
      const x = r() * 100;
      const any = pool[Math.floor(r() * pool.length)]!;
      if (x < MIX.put && free.length > 0) {
        const s = free.shift()!;
        context.saving = s;
        sent.put++;
        return {
          ...req,
          method: 'PUT',
          path: `/api/scenarios/${s.id}`,
          body: bodies[s.version % bodies.length],
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, 'if-match': `"v${s.version}"` },
        };
      }
      if (x >= MIX.put && x < MIX.put + MIX.post) {
        sent.post++;
        return { ...req, method: 'POST', path: '/api/scenarios', body: bodies[0], headers: { 'content-type': 'application/json' } };
      }
      if (x >= 100 - MIX.versions) {
        sent.versions++;
        return { ...req, method: 'GET', path: `/api/scenarios/${any.id}/versions`, body: undefined, headers: {} };
      }
      sent.read++;
      return { ...req, method: 'GET', path: `/api/scenarios/${any.id}`, body: undefined, headers: {} };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      const s = context.saving as Shared | undefined;
      if (!s) return;
      if (status === 200) s.version = (JSON.parse(body) as { version: number }).version;
      free.push(s);
    },
  };
}

interface Result {
  name: string;
  what: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The scenarios mix: requests sent of each kind. */
  sent?: Record<string, number>;
}

/** The driver: runs one scenario against `base` with autocannon, prints a JSON Result. */
async function drive(base: string, name: string): Promise<void> {
  const s = scenarios().find((x) => x.name === name)!;
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (got ${url.hostname})`);
  const sent = { read: 0, versions: 0, put: 0, post: 0 };
  const request: RequestSpec = s.mixed
    ? sharedMix(JSON.parse(process.env.LOAD_SHARED ?? '[]') as Shared[], sent)
    : {
        method: s.method,
        ...(s.body ? { body: s.body, headers: { 'content-type': 'application/json' } } : {}),
        setupRequest: (req) => ({ ...req, path: s.path() }),
      };
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, timeout: 30, requests: [request] });
  const out: Result = {
    name: s.name,
    what: s.what,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(s.mixed ? { sent } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Runs the driver in a child process (the second process), bounded in time. */
function runDriver(base: string, name: string, env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--drive', base, name], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), (DURATION_S + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as Result);
      } catch {
        reject(new Error(`load driver for ${name} exited ${code} without a result:\n${out}`));
      }
    });
  });
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const chosen = scenarios().filter((s) => wanted.length === 0 || wanted.includes(s.name));
  console.log('building (vite build)…');
  build();
  const app = await serve(60_000, { vars: LOAD_VARS });
  const stopAll = setTimeout(() => {
    console.error(`load: stopped after ${TIMEOUT_S} s`);
    app.stop();
    process.exit(2);
  }, TIMEOUT_S * 1000);
  const results: Result[] = [];
  try {
    console.log(`serving at ${app.baseURL}; ${CONNECTIONS} connections × ${DURATION_S} s per scenario\n`);
    for (const s of chosen) {
      let env: Record<string, string> = {};
      if (s.mixed) {
        env = { LOAD_SHARED: JSON.stringify(await shareScenarios(app.baseURL)) };
      } else {
        // Warm the isolate and the per-isolate cache once, as a running service would be.
        await fetch(
          new URL(s.path(), app.baseURL),
          s.body ? { method: 'POST', body: s.body, headers: { 'content-type': 'application/json' } } : undefined,
        ).then((r) => r.arrayBuffer());
      }
      const r = await runDriver(app.baseURL, s.name, env);
      results.push(r);
      const sent = r.sent
        ? ` (sent: ${Object.entries(r.sent)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : '';
      console.log(
        `${r.name.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${r.requests} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx  — ${r.what}${sent}`,
      );
    }
  } finally {
    clearTimeout(stopAll);
    app.stop();
  }
  console.log('\n| scenario | requests/s | p50 (ms) | p99 (ms) | requests | errors | non-2xx |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.what} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors + r.timeouts} | ${r.non2xx} |`);
  const bad = results.filter((r) => r.errors + r.timeouts + r.non2xx > 0 || r.requests === 0);
  if (bad.length) {
    console.error(`\nload: errors or non-2xx answers in ${bad.map((r) => r.name).join(', ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[2] === '--drive') {
  await drive(process.argv[3]!, process.argv[4]!);
} else {
  process.exit(await main());
}
