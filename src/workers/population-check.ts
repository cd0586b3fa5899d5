/**
 * Checks a planner's population file off the main thread (a large GeoTIFF or CSV would
 * freeze the page): parse, resample onto the analysis grid, and answer with what the
 * analysis requests will carry plus every problem found (src/population/prepare.ts).
 */
import type { FeatureCollection } from 'geojson';
import { type PopulationFile, type PreparedPopulation, preparePopulation } from '../population/prepare';

export interface PopulationRequest {
  file: PopulationFile;
  boundary: FeatureCollection;
  source: string | null;
  date: string | null;
}

export type PopulationMessage = { type: 'done'; prepared: PreparedPopulation } | { type: 'failed'; message: string };

self.onmessage = async (e: MessageEvent<PopulationRequest>) => {
  const { file, boundary, source, date } = e.data;
  try {
    const prepared = await preparePopulation(file, boundary, { source, date });
    self.postMessage({ type: 'done', prepared } satisfies PopulationMessage);
  } catch (err) {
    self.postMessage({ type: 'failed', message: (err as Error).message || 'could not read the file' } satisfies PopulationMessage);
  }
};
