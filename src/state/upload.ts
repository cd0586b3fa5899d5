/** The planner's own green spaces: a file checked in a Web Worker, so large files never freeze the page. */
import type { FeatureCollection } from 'geojson';
import type { ProblemAt, UploadFailure, UploadMessage, UploadRequest } from '../workers/upload-check';

export type { ProblemAt, UploadFailure };

import type { Crs } from './planner';

export interface UploadReport {
  fileName: string;
  total: number;
  valid?: FeatureCollection;
  problems: ProblemAt[];
  failed?: { reason: UploadFailure; detail?: string };
  progress?: number;
}

/** Checks `file`, reporting progress and the outcome to `report`; resolves when it is done. */
export function checkFile(file: File, crs: Crs, report: (upload: UploadReport) => void): Promise<void> {
  let upload: UploadReport = { fileName: file.name, total: 0, problems: [], progress: 0 };
  report(upload);
  return file.text().then(
    (text) =>
      new Promise<void>((resolve) => {
        const worker = new Worker(new URL('../workers/upload-check.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (e: MessageEvent<UploadMessage>) => {
          const m = e.data;
          if (m.type === 'progress') upload = { ...upload, total: m.total, progress: m.done / m.total };
          else {
            upload =
              m.type === 'done'
                ? { fileName: file.name, total: m.total, valid: m.valid, problems: m.problems }
                : { fileName: file.name, total: 0, problems: [], failed: { reason: m.reason, detail: m.detail } };
            worker.terminate();
            resolve();
          }
          report(upload);
        };
        worker.onerror = (e) => {
          upload = { fileName: file.name, total: 0, problems: [], failed: { reason: 'read', detail: e.message || undefined } };
          worker.terminate();
          report(upload);
          resolve();
        };
        worker.postMessage({ text, crs, kind: 'greenspaces' } satisfies UploadRequest);
      }),
  );
}
