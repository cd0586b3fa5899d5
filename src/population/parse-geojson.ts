/**
 * GeoJSON people: Point/MultiPoint features (a MultiPoint's count shared evenly among its
 * points) and Polygon/MultiPolygon features (shared among cells by area, see
 * worker/analysis/resample-polygons.ts), each with its count in a numeric property the
 * planner chooses. WGS-84 or GCJ-02. Every feature that cannot be used is reported. Pure.
 */
import gcoord from 'gcoord';
import type { Feature, Position } from 'geojson';
import type { PopulationCrs } from './parse-csv';
import { countOf, ProblemList, positionProblem } from './rows';

export interface GeoJsonPopulation {
  points: [number, number, number][];
  polygons: { polygons: Position[][][]; count: number }[];
  features: number;
  total: number;
  problems: ProblemList;
}

/** Properties that hold a number (or numeric text) in at least one feature: the fields a planner may pick. */
export function numericFields(data: unknown): string[] {
  const fields = new Set<string>();
  for (const f of featuresOf(data) ?? []) {
    const p = (f as Feature)?.properties;
    if (p && typeof p === 'object') for (const [k, v] of Object.entries(p)) if (countOf(v) !== null) fields.add(k);
  }
  return [...fields].sort();
}

function featuresOf(data: unknown): unknown[] | null {
  const fc = data as { type?: unknown; features?: unknown };
  return fc && typeof fc === 'object' && fc.type === 'FeatureCollection' && Array.isArray(fc.features) ? (fc.features as unknown[]) : null;
}

export function parsePopulationGeoJson(data: unknown, field: string, crs: PopulationCrs): GeoJsonPopulation {
  const problems = new ProblemList();
  const out: GeoJsonPopulation = { points: [], polygons: [], features: 0, total: 0, problems };
  const features = featuresOf(data);
  if (!features) {
    problems.add('file', 'is not a GeoJSON FeatureCollection');
    return out;
  }
  const fix = (p: Position): Position => (crs === 'GCJ02' ? (gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position) : p);
  features.forEach((raw, index) => {
    out.features++;
    const where = `feature ${index}`;
    const f = raw as Feature;
    const g = f?.geometry;
    if (!g || typeof g !== 'object') return problems.add(where, 'has no geometry');
    const count = countOf(f.properties?.[field]);
    if (count === null)
      return problems.add(where, f.properties?.[field] === undefined ? `has no "${field}"` : `"${field}" is not a number of people (0 or more)`);
    const positions: Position[] =
      g.type === 'Point'
        ? [g.coordinates]
        : g.type === 'MultiPoint'
          ? g.coordinates
          : g.type === 'Polygon'
            ? g.coordinates.flat()
            : g.type === 'MultiPolygon'
              ? g.coordinates.flat(2)
              : [];
    if (positions.length === 0) return problems.add(where, `geometry ${String(g.type)} is not a Point, MultiPoint, Polygon or MultiPolygon (or is empty)`);
    for (const p of positions) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return problems.add(where, 'has a position that is not two numbers');
      const q = fix(p);
      const bad = positionProblem(q[0]!, q[1]!);
      if (bad) return problems.add(where, bad);
    }
    if (g.type === 'Point' || g.type === 'MultiPoint') {
      const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates;
      for (const p of pts) {
        const q = fix(p);
        out.points.push([q[0]!, q[1]!, count / pts.length]);
      }
    } else {
      const polys = g.type === 'Polygon' ? [g.coordinates] : (g as { coordinates: Position[][][] }).coordinates;
      if (polys.some((poly) => poly.some((r) => r.length < 4))) return problems.add(where, 'has a polygon ring of fewer than 4 positions');
      out.polygons.push({ polygons: polys.map((poly) => poly.map((r) => r.map(fix))), count });
    }
    out.total += count;
  });
  return out;
}
