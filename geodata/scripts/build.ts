/** Regenerates the derived layers in geodata/: `npm run geodata`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBoundary } from './boundary';

const out = (name: string) => fileURLToPath(new URL(`../${name}.geojson`, import.meta.url));

export function writeLayer(name: string, fc: unknown) {
  writeFileSync(out(name), JSON.stringify(fc) + '\n');
  console.log(`wrote geodata/${name}.geojson`);
}

writeLayer('boundary', buildBoundary());
