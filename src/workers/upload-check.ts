/**
 * Checks an uploaded GeoJSON file of green spaces (or built-up land) off the main thread:
 * parse, convert GCJ-02 → WGS-84 when the file is declared so, and list every feature that
 * cannot be used with its index and the problem. Posts progress while it works.
 */
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as GJV from 'geojson-validation';
import { tierFromName } from '../../domain/tiers';
import { checkUploadFeature, type UploadKind, type UploadProblem } from './upload-rules';

export interface UploadRequest {
  text: string;
  crs: 'WGS84' | 'GCJ02';
  kind: UploadKind;
}

/** A feature's problem: its place in the file (from 0), its name when it has one, what is wrong. */
export interface ProblemAt {
  index: number;
  name?: string;
  problem: UploadProblem;
}

export type UploadMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; valid: FeatureCollection; problems: ProblemAt[]; total: number }
  | { type: 'failed'; reason: UploadFailure; detail?: string };

/** Why a whole file could not be used. */
export type UploadFailure = 'json' | 'not-fc' | 'read';

const convert = (g: Geometry): Geometry => {
  const fix = (p: Position): Position => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: fix(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(fix) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fix)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fix))) };
    default:
      return g;
  }
};

self.onmessage = (e: MessageEvent<UploadRequest>) => {
  const post = (m: UploadMessage) => self.postMessage(m);
  const { text, crs, kind } = e.data;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    post({ type: 'failed', reason: 'json', detail: (err as Error).message });
    return;
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    post({ type: 'failed', reason: 'not-fc' });
    return;
  }
  const features = fc.features as unknown[];
  const valid: Feature[] = [];
  const problems: ProblemAt[] = [];
  const seen = new Set<string>();
  features.forEach((raw, index) => {
    const trace = GJV.isFeature(raw, true) as unknown;
    const structural = Array.isArray(trace) ? (trace as string[]) : [];
    let f = raw as Feature;
    if (structural.length === 0 && crs === 'GCJ02' && f.geometry) f = { ...f, geometry: convert(f.geometry) };
    const problem: UploadProblem | undefined = structural.length
      ? { code: 'invalid', detail: structural[0]!.replace(/^at \d+: /, '') }
      : checkUploadFeature(f, kind);
    const id = String(f?.properties?.id ?? f?.id ?? `upload-${index}`);
    const p = f?.properties ?? {};
    const name = [p.name_zh, p.name, p.name_en].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
    if (problem) problems.push({ index, name: name?.slice(0, 40), problem });
    else if (seen.has(id)) problems.push({ index, name: name?.slice(0, 40), problem: { code: 'duplicate-id', id: id.slice(0, 40) } });
    else {
      seen.add(id);
      // The tier as the analysis knows it (a file may say 公园 for park).
      valid.push({ ...f, properties: { ...f.properties, id, ...(kind === 'greenspaces' ? { tier: tierFromName(p.tier) } : {}) } });
    }
    if (index % 500 === 499) post({ type: 'progress', done: index + 1, total: features.length });
  });
  post({ type: 'done', valid: { type: 'FeatureCollection', features: valid }, problems, total: features.length });
};
