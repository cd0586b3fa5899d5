/**
 * Reads the OpenStreetMap extract copied into geodata/src/osm/ (see its SOURCE.md: Geofabrik
 * free shapefile layers for Chongqing as of 2026-04-11, clipped and converted to GeoJSON,
 * WGS-84). The build reads OSM only from there: a fresh clone rebuilds from the repo alone.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';

/** Geofabrik's attribute columns (every layer has osm_id, code, fclass; most have name). */
export interface OsmProps {
  osm_id: string;
  code: number;
  fclass: string;
  name: string | null;
  [k: string]: unknown;
}
export type OsmCollection<G extends Geometry = Geometry> = FeatureCollection<G, OsmProps>;

const cache = new Map<string, OsmCollection>();

/** geodata/src/osm/<layer>.geojson, parsed once per process. */
export function readOsm<G extends Geometry = Geometry>(layer: string): OsmCollection<G> {
  let fc = cache.get(layer);
  if (!fc) {
    fc = JSON.parse(readFileSync(fileURLToPath(new URL(`../src/osm/${layer}.geojson`, import.meta.url)), 'utf8')) as OsmCollection;
    cache.set(layer, fc);
  }
  return fc as OsmCollection<G>;
}

/** The credit an OSM feature's `source` ends with (Geofabrik, OSM data as of 2026-04-11T20:21:13Z). */
export const OSM_CREDIT = '© OpenStreetMap contributors, ODbL, data as of 2026-04-11';
