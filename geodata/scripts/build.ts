/** Regenerates every layer in geodata/ and validates it: `npm run geodata`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAll } from './layers';
import { formatProblem, validateAll } from '../validate';

const out = (name: string) => fileURLToPath(new URL(`../${name}.geojson`, import.meta.url));

export function writeLayer(name: string, fc: unknown) {
  const text = JSON.stringify(fc) + '\n';
  writeFileSync(out(name), text);
  console.log(`wrote geodata/${name}.geojson (${(text.length / 1024).toFixed(1)} KiB)`);
}

const layers = buildAll();
for (const [id, fc] of Object.entries(layers)) writeLayer(id, fc);
const problems = validateAll(layers);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) {
  console.error(`${problems.length} problem(s) found`);
  process.exitCode = 1;
} else console.log('all layers valid');
