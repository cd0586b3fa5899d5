/**
 * Checks an uploaded GeoJSON file of green spaces (or built-up land) off the main thread:
 * parse, convert GCJ-02 → WGS-84 when the file is declared so, and list every feature that
 * cannot be used with its index and the problem. Posts progress while it works.
 */
import gcoord from 'gcoord';
import * as GJV from 'geojson-validation';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { tierFromName } from '../../domain/tiers';
import { checkUploadFeature, type UploadKind } from './upload-rules';

export interface UploadRequest {
  text: string;
  crs: 'WGS84' | 'GCJ02';
  kind: UploadKind;
}

export type UploadMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; valid: FeatureCollection; problems: { index: number; message: string }[]; total: number }
  | { type: 'failed'; message: string };

const convert = (g: Geometry): Geometry => {
  const fix = (p: Position): Position => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position;
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: fix(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(fix) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fix)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fix))) };
    default: return g;
  }
};

self.onmessage = (e: MessageEvent<UploadRequest>) => {
  const post = (m: UploadMessage) => self.postMessage(m);
  const { text, crs, kind } = e.data;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    post({ type: 'failed', message: `not valid JSON (${(err as Error).message})` });
    return;
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    post({ type: 'failed', message: 'not a GeoJSON FeatureCollection' });
    return;
  }
  const features = fc.features as unknown[];
  const valid: Feature[] = [];
  const problems: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  features.forEach((raw, index) => {
    const trace = GJV.isFeature(raw, true) as unknown;
    const structural = Array.isArray(trace) ? (trace as string[]) : [];
    let f = raw as Feature;
    if (structural.length === 0 && crs === 'GCJ02' && f.geometry) f = { ...f, geometry: convert(f.geometry) };
    const problem = structural.length ? `not valid GeoJSON (${structural[0]!.replace(/^at \d+: /, '')})` : checkUploadFeature(f, kind);
    const id = String(f?.properties?.id ?? f?.id ?? `upload-${index}`);
    if (problem) problems.push({ index, message: problem });
    else if (seen.has(id)) problems.push({ index, message: `duplicate id "${id.slice(0, 40)}"` });
    else {
      seen.add(id);
      // A tier written as a name (公园, street garden) is stored as its id, as the map styles expect.
      const tier = kind === 'greenspaces' ? { tier: tierFromName(f.properties?.tier) } : {};
      valid.push({ ...f, properties: { ...f.properties, ...tier, id } });
    }
    if (index % 500 === 499) post({ type: 'progress', done: index + 1, total: features.length });
  });
  post({ type: 'done', valid: { type: 'FeatureCollection', features: valid }, problems, total: features.length });
};
