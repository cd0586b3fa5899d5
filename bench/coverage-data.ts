/** The shipped layers read from geodata/ (Node side: bench and unit tests). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { BaseLayers } from '../worker/analysis/model';

const dir = fileURLToPath(new URL('../geodata/', import.meta.url));

export function readLayer(id: string): FeatureCollection | undefined {
  const p = `${dir}${id}.geojson`;
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection) : undefined;
}

export function shippedLayers(): BaseLayers & { greenspaces: FeatureCollection } {
  const boundary = readLayer('boundary');
  if (!boundary) throw new Error('geodata/boundary.geojson is missing');
  return {
    boundary,
    rivers: readLayer('rivers'),
    bridges: readLayer('bridges'),
    builtup: readLayer('builtup'),
    zones: readLayer('zones'),
    cores: readLayer('cores'),
    belt: readLayer('belt'),
    greenspaces: readLayer('greenspaces') ?? { type: 'FeatureCollection', features: [] },
  };
}
