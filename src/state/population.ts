/**
 * The planner's population as a Lit reactive controller: a file checked and resampled in a
 * Web Worker (src/workers/population-check.ts), never on the main thread; what it holds, the
 * problems found, and the `population` every analysis request then carries. Nothing is kept
 * across reloads: the file is the planner's, read in this browser only.
 */

import type { FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PopulationWire } from '../api';
import type { PopulationCrs } from '../population/parse-csv';
import type { PopulationFile, PreparedPopulation } from '../population/prepare';
import type { PopulationMessage, PopulationRequest } from '../workers/population-check';

export interface PopulationLoad {
  file: File;
  crs: PopulationCrs;
  /** GeoJSON: the property holding the count ('' to be offered the numeric fields). */
  field: string;
  source: string;
  date: string;
}

/** A file's kind from its name: .tif/.tiff, .csv/.txt, .geojson/.json. */
function kindOf(name: string): PopulationFile['kind'] | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ext === 'tif' || ext === 'tiff' ? 'geotiff' : ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'geojson' || ext === 'json' ? 'geojson' : null;
}

export class PopulationController implements ReactiveController {
  prepared?: PreparedPopulation;
  fileName = '';
  checking = false;
  error = '';
  /** A GeoJSON's fields that hold numbers, offered when no count field was chosen. */
  fields?: string[];

  /** `onChange` hears when the population in use changes (loaded or removed). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** What the analysis requests carry, or undefined without a population. */
  get wire(): PopulationWire | undefined {
    return this.prepared?.wire;
  }

  async load(req: PopulationLoad, boundary: FeatureCollection | undefined) {
    const kind = kindOf(req.file.name);
    this.fileName = req.file.name;
    this.error = '';
    this.fields = undefined;
    if (!kind || !boundary) {
      this.error = kind ? 'the district boundary is not loaded yet' : 'use a .tif, .csv or .geojson file';
      this.host.requestUpdate();
      return;
    }
    this.checking = true;
    this.host.requestUpdate();
    try {
      const file: PopulationFile =
        kind === 'geotiff'
          ? { kind, buffer: await req.file.arrayBuffer() }
          : kind === 'csv'
            ? { kind, text: await req.file.text(), crs: req.crs }
            : { kind, text: await req.file.text(), crs: req.crs, field: req.field };
      const m = await check(file, boundary, { source: req.source.trim() || null, date: req.date.trim() || null });
      if (m.type === 'fields') this.fields = m.fields;
      else if (m.type === 'failed') this.error = m.message;
      else {
        this.prepared = m.prepared;
        this.onChange();
      }
    } catch (err) {
      this.error = (err as Error).message || String(err);
    } finally {
      this.checking = false;
      this.host.requestUpdate();
    }
  }

  clear() {
    this.prepared = undefined;
    this.fields = undefined;
    this.fileName = this.error = '';
    this.onChange();
    this.host.requestUpdate();
  }
}

function check(file: PopulationFile, boundary: FeatureCollection, meta: { source: string | null; date: string | null }): Promise<PopulationMessage> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/population-check.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<PopulationMessage>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ type: 'failed', message: e.message || 'could not read the file' });
    };
    worker.postMessage({ file, boundary, ...meta } satisfies PopulationRequest, file.kind === 'geotiff' ? [file.buffer] : []);
  });
}
