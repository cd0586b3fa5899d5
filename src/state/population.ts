/** The planner's population: a file checked in a Web Worker (src/workers/population-check.ts), never on the main thread. */
import type { FeatureCollection } from 'geojson';
import type { PopulationFile, PreparedPopulation } from '../population/prepare';
import type { PopulationMessage, PopulationRequest } from '../workers/population-check';

/** A file's kind from its name: .tif/.tiff, .csv/.txt, .geojson/.json. */
export function populationKind(name: string): PopulationFile['kind'] | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'tif' || ext === 'tiff' ? 'geotiff' : ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'geojson' || ext === 'json' ? 'geojson' : null;
}

/** Reads and checks the file in a worker; resolves with what it found, or rejects with why not. */
export async function checkPopulationFile(file: PopulationFile, boundary: FeatureCollection, meta: { source: string | null; date: string | null }): Promise<PreparedPopulation> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/population-check.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<PopulationMessage>) => {
      worker.terminate();
      if (e.data.type === 'done') resolve(e.data.prepared);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'could not read the file'));
    };
    const transfer = file.kind === 'geotiff' ? [file.buffer] : [];
    worker.postMessage({ file, boundary, ...meta } satisfies PopulationRequest, transfer);
  });
}
