/**
 * Regenerates the layers in geodata/ and validates them: `npm run geodata`.
 *
 * Generated files carry `"generated_by": "geodata/scripts/build.ts"`. A file without that
 * member (an authoritative layer dropped in by a planner) is not overwritten: the build
 * keeps it, and validates it with the rest. `--force` regenerates everything.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { formatProblem, validateAll } from '../validate';
import { buildAll, GENERATED_BY } from './layers';

const out = (name: string) => fileURLToPath(new URL(`../${name}.geojson`, import.meta.url));

/** True when geodata/<id>.geojson exists and was not written by this build (a replacement to keep). */
export function isReplaced(id: string): boolean {
  if (!existsSync(out(id))) return false;
  try {
    return (JSON.parse(readFileSync(out(id), 'utf8')) as { generated_by?: string }).generated_by !== GENERATED_BY;
  } catch {
    return true; // unreadable: leave it for the validator to report, never overwrite someone's file
  }
}

/** One feature per line, so a change to the data reads as a line-by-line diff. */
export function layerText(fc: unknown): string {
  const { features, ...head } = fc as { features?: unknown[] };
  if (!Array.isArray(features)) return `${JSON.stringify(fc)}\n`;
  const h = JSON.stringify(head);
  return `${h === '{}' ? '{' : `${h.slice(0, -1)},`}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export function writeLayer(name: string, fc: unknown) {
  const text = layerText(fc);
  writeFileSync(out(name), text);
  console.log(`wrote geodata/${name}.geojson (${(text.length / 1024).toFixed(1)} KiB)`);
}

/** `npm run geodata -- --force` overwrites replacement layers too. */
const force = process.argv.includes('--force');
const layers: Record<string, unknown> = buildAll();
for (const [id, fc] of Object.entries(layers)) {
  if (!force && isReplaced(id)) {
    console.log(`kept geodata/${id}.geojson (no "generated_by": a replacement layer, not overwritten)`);
    try {
      layers[id] = JSON.parse(readFileSync(out(id), 'utf8')) as FeatureCollection;
    } catch (e) {
      layers[id] = { error: String(e) };
    }
  } else writeLayer(id, fc);
}
const problems = validateAll(layers);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(`${problems.length} problem(s) found`);
  process.exitCode = 1;
} else console.log('all layers valid');
