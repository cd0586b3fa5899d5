/**
 * Checks a planner's population file off the main thread (a large GeoTIFF or CSV would
 * freeze the page): parse, resample onto the analysis grid, and answer with what the
 * analysis requests will carry plus every problem found (src/population/prepare.ts). A
 * GeoJSON file without a chosen count field is answered with the fields that hold numbers.
 */
import type { FeatureCollection } from 'geojson';
import { numericFields } from '../population/parse-geojson';
import { type PopulationFile, type PreparedPopulation, preparePopulation } from '../population/prepare';

export interface PopulationRequest {
  file: PopulationFile;
  boundary: FeatureCollection;
  source: string | null;
  date: string | null;
}

export type PopulationMessage = { type: 'done'; prepared: PreparedPopulation } | { type: 'fields'; fields: string[] } | { type: 'failed'; message: string };

self.onmessage = async (e: MessageEvent<PopulationRequest>) => {
  const { file, boundary, source, date } = e.data;
  const post = (m: PopulationMessage) => self.postMessage(m);
  try {
    if (file.kind === 'geojson' && file.field === '') {
      let data: unknown;
      try {
        data = JSON.parse(file.text);
      } catch (err) {
        return post({ type: 'failed', message: `not valid JSON (${(err as Error).message})` });
      }
      return post({ type: 'fields', fields: numericFields(data) });
    }
    post({ type: 'done', prepared: await preparePopulation(file, boundary, { source, date }) });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message || 'could not read the file' });
  }
};
