/**
 * The GEOS baseline of the coverage bench: bench/coverage-geos.py (Shapely over GEOS, the
 * engine inside QGIS and PostGIS) doing buffer → unary_union → intersection → area for the
 * same sites, in the same run. Debian packages it as python3-shapely (1.8.5, GEOS 3.11):
 * installed with apt-get when missing and this is Debian run as root, as
 * scripts/ensure-browser.mjs does for Chromium; otherwise the bench skips the row and says
 * why.
 */
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Radii } from '../domain/tiers';
import type { Grid } from '../worker/analysis/grid';

/**
 * The Python that imports Shapely: the one on PATH, or Debian's own (/usr/bin/python3,
 * where apt installs python3-shapely, when PATH leads to another, e.g. pyenv's).
 */
let python: string | undefined;
const PYTHONS = ['python3', '/usr/bin/python3'];
const findShapely = () => (python = PYTHONS.find((p) => spawnSync(p, ['-c', 'import shapely'], { encoding: 'utf8' }).status === 0));

/** Null when Shapely is there (installed now if need be), else why it is not. */
export function ensureShapely(): string | null {
  if (findShapely()) return null;
  if (PYTHONS.every((p) => spawnSync(p, ['--version']).status !== 0)) return 'python3 is not installed';
  const debian = existsSync('/etc/debian_version') || /debian/i.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');
  if (!debian || process.getuid?.() !== 0) return 'python3-shapely is missing (install it: sudo apt-get install -y python3-shapely)';
  try {
    console.log('Installing python3-shapely with apt-get (the GEOS baseline)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq', { stdio: 'inherit', env });
    execSync('apt-get install -y -qq --no-install-recommends python3-shapely', { stdio: 'inherit', env });
  } catch (e) {
    return `apt-get could not install python3-shapely (${(e as Error).message.split('\n')[0]})`;
  }
  return findShapely() ? null : 'python3-shapely did not import after installing';
}

export interface GeosResult {
  first_ms: number;
  median_ms: number;
  runs: number;
  rates: Record<string, number>;
  shapely: string;
  geos: string;
}

/** Runs the GEOS pipeline `runs` times on the sites, measured against `measured`. */
export function geosBaseline(grid: Grid, sites: FeatureCollection, measured: Polygon | MultiPolygon, radii: Radii, runs: number): GeosResult {
  const script = fileURLToPath(new URL('./coverage-geos.py', import.meta.url));
  const input = JSON.stringify({ sites, measured, radii, runs, lon0: grid.lon0, lat0: grid.lat0, kx: grid.kx, ky: grid.ky });
  const out = execFileSync(python ?? (findShapely() || 'python3'), [script], { input, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as GeosResult;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const why = ensureShapely();
  console.log(why ?? 'python3-shapely is installed');
}
