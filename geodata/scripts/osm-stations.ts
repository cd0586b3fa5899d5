/**
 * The `stations` layer: metro and rail stations from OpenStreetMap (transport.geojson points
 * with fclass railway_station; transport_a outlines of that fclass, as a point on the
 * outline, where no point of that name and kind exists), within STATION_REACH_M of the
 * district.
 *
 * - kind: the kind of the nearest railway line (railways.geojson) within KIND_MAX_M: a CRT
 *   metro or monorail line → 'metro', a main-line railway → 'rail'. OSM maps one name as
 *   several nodes (platforms of two lines, entrances) and sometimes a metro and a railway
 *   station share a name (唐家沱, 鱼嘴, 复盛): nodes of one name and kind within MERGE_M of
 *   each other are one station, kept at the node nearest their mean (its id names the feature).
 * - name_zh is OSM's name as it is (观音桥, no 站 added); name_en its romanisation + Station.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { finishGeometry } from './geo';
import { stationEnglish } from './names';
import { OSM_CREDIT, readOsm } from './osm';
import { railKind, railPieces } from './osm-railways';
import { anchorPoint, osmSource } from './osm-source';

/** Stations within this distance of the district are shipped (m); those outside are `outside: true`. */
const STATION_REACH_M = 3000;
/** The nearest line within this distance decides the kind (m). */
const KIND_MAX_M = 300;
/** Nodes of one name and kind within this distance are one station (m). */
const MERGE_M = 1000;

type StationKind = 'metro' | 'rail';

interface Node {
  id: string;
  name: string;
  at: Position;
  kind: StationKind;
  polygon: boolean;
}

function segDistM(p: Position, line: Position[]): number {
  let d = Infinity;
  for (let i = 0; i + 1 < line.length; i++) d = Math.min(d, turf.pointToLineDistance(p, turf.lineString([line[i]!, line[i + 1]!]), { units: 'meters' }));
  return d;
}

/** 'metro' or 'rail' by the nearest line within KIND_MAX_M; null when no line is that near. */
function stationKind(p: Position, lines = railPieces()): StationKind | null {
  let best: { d: number; kind: StationKind } | null = null;
  for (const l of lines) {
    // cheap box test first: 300 m ≈ 0.0031° lat, 0.0036° lon here
    const xs = l.c.map((q) => q[0]!);
    const ys = l.c.map((q) => q[1]!);
    if (p[0]! < Math.min(...xs) - 0.004 || p[0]! > Math.max(...xs) + 0.004 || p[1]! < Math.min(...ys) - 0.004 || p[1]! > Math.max(...ys) + 0.004) continue;
    const d = segDistM(p, l.c);
    const kind: StationKind = railKind(l.fclass) === 'rail' ? 'rail' : 'metro';
    if (d <= KIND_MAX_M && (!best || d < best.d)) best = { d, kind };
  }
  return best?.kind ?? null;
}

export function buildStations(district: Feature<Polygon | MultiPolygon>): FeatureCollection {
  const lines = railPieces();
  const distM = (p: Position) => (turf.booleanPointInPolygon(p, district) ? 0 : turf.pointToPolygonDistance(p, district, { units: 'meters' }));
  const nodes: Node[] = [];
  for (const f of readOsm<Point>('transport').features) {
    const name = f.properties.name?.trim();
    if (f.properties.fclass !== 'railway_station' || !name) continue;
    const at = f.geometry.coordinates;
    if (distM(at) > STATION_REACH_M) continue;
    const kind = stationKind(at, lines);
    if (kind) nodes.push({ id: f.properties.osm_id, name, at, kind, polygon: false });
  }
  for (const f of readOsm<Polygon | MultiPolygon>('transport_a').features) {
    const name = f.properties.name?.trim();
    if (f.properties.fclass !== 'railway_station' || !name) continue;
    const at = anchorPoint(f);
    if (distM(at) > STATION_REACH_M) continue;
    const kind = stationKind(at, lines);
    if (kind && !nodes.some((n) => n.name === name && n.kind === kind && turf.distance(n.at, at, { units: 'meters' }) <= MERGE_M))
      nodes.push({ id: f.properties.osm_id, name, at, kind, polygon: true });
  }
  nodes.sort((a, b) => Number(a.id) - Number(b.id));
  // group: same name and kind, within MERGE_M of the group's first node
  const groups: Node[][] = [];
  for (const n of nodes) {
    const g = groups.find((x) => x[0]!.name === n.name && x[0]!.kind === n.kind && turf.distance(x[0]!.at, n.at, { units: 'meters' }) <= MERGE_M);
    if (g) g.push(n);
    else groups.push([n]);
  }
  const features: Feature[] = groups.map((g) => {
    const mean: Position = [0, 1].map((k) => g.reduce((s, n) => s + n.at[k]!, 0) / g.length);
    const rep = [...g].sort((a, b) => turf.distance(a.at, mean) - turf.distance(b.at, mean) || Number(a.id) - Number(b.id))[0]!;
    const id = `osm-${rep.id}`;
    const geometry = finishGeometry<Point>({ type: 'Point', coordinates: rep.at });
    const others = g
      .filter((n) => n !== rep)
      .map((n) => osmSource(n.id, n.polygon ? ({ type: 'Polygon', coordinates: [] } as Polygon) : ({ type: 'Point', coordinates: n.at } as Point)));
    return {
      type: 'Feature',
      id,
      properties: {
        id,
        name_zh: rep.name,
        name_en: stationEnglish(rep.name),
        kind: rep.kind,
        outside: !turf.booleanPointInPolygon(geometry.coordinates, district),
        source: `${rep.polygon ? `${osmSource(rep.id, { type: 'Polygon', coordinates: [] })} (station outline; a point on it)` : osmSource(rep.id, geometry)} (transport, railway_station${others.length ? `; same station: ${others.join(', ')}` : ''}); kind from the nearest railway line within ${KIND_MAX_M} m; ${OSM_CREDIT}`,
        confidence: 'high',
      },
      geometry,
    } satisfies Feature;
  });
  // code-point order (not locale order), so the file is the same on every machine
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  features.sort((a, b) => cmp(String(a.properties!.name_zh), String(b.properties!.name_zh)) || cmp(String(a.id), String(b.id)));
  return { type: 'FeatureCollection', features };
}
