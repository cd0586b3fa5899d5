/**
 * Reads the OpenStreetMap extract copied into geodata/src/osm/ (see its SOURCE.md: Geofabrik
 * free shapefile layers for Chongqing as of 2026-04-11, clipped and converted to GeoJSON,
 * WGS-84). The build reads OSM only from there, so a fresh clone rebuilds without ../shared.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** The licence line every OSM-derived feature and document carries. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL 1.0)';
/** Date of the extract (Geofabrik, OSM data as of 2026-04-11T20:21:13Z). */
export const OSM_DATE = '2026-04-11';
