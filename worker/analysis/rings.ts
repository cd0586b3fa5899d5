import * as turf from '@turf/turf';
import { contours } from 'd3-contour';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { fromGrid, type Grid } from './grid';

/**
 * Marching squares (d3-contour, linear interpolation) on a field sampled at cell centres:
 * the region where `values ≥ threshold`, as a MultiPolygon in lon/lat. d3-contour puts
 * sample i at x = i + 0.5, which is our grid's cell centre, so its coordinates are grid
 * units as they are.
 */
function contourRegion(grid: Grid, values: ArrayLike<number>, threshold: number, window?: Window): MultiPolygon {
  const { i0, j0, w, h } = window ?? { i0: 0, j0: 0, w: grid.w, h: grid.h };
  let sub: ArrayLike<number> = values;
  if (window) {
    const cut = new Float64Array(w * h);
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) cut[j * w + i] = values[(j + j0) * grid.w + i + i0]!;
    sub = cut;
  }
  const c = contours().size([w, h]).smooth(true);
  const mp = c.contour(sub as number[], threshold);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const coordinates: Position[][][] = mp.coordinates.map((poly) =>
    poly.map((ring) =>
      ring.map(([x, y]) => {
        const [lon, lat] = fromGrid(grid, x! + i0, y! + j0);
        return [round(lon), round(lat)];
      }),
    ),
  );
  return { type: 'MultiPolygon', coordinates };
}

/** A block of cells: columns i0 … i0 + w − 1, rows j0 … j0 + h − 1. */
export interface Window {
  i0: number;
  j0: number;
  w: number;
  h: number;
}

/**
 * The cells over the district's bounding box and two more all round: contours are clipped
 * to the district anyway, so marching the 3 km margin would only make vertices to discard.
 */
export function districtWindow(grid: Grid): Window {
  const m = Math.ceil(grid.margin / grid.cell) - 2;
  return { i0: m, j0: m, w: grid.w - 2 * m, h: grid.h - 2 * m };
}

/** Simplification tolerance in degrees: ~1 m, far below a cell. */
const SIMPLIFY_DEG = 0.00001;

/**
 * Simplifies then clips a region to a polygon (e.g. the district). Null when empty. Should
 * the simplified outline trip the clipper (a ring touching itself after simplification),
 * the unsimplified one is clipped instead.
 */
export function simplifyAndClip(region: MultiPolygon, clip: Feature<Polygon | MultiPolygon> | null): Feature<Polygon | MultiPolygon> | null {
  const simple = simplifyRegion(region);
  if (!simple || !clip) return simple;
  try {
    return turf.intersect(turf.featureCollection([simple, clip]));
  } catch {
    return turf.intersect(turf.featureCollection([turf.feature(region), clip]));
  }
}

/**
 * The region within `radiusM` of a site, where radius − dist ≥ 0; with `clipSd` (a signed
 * distance to a clipping outline, positive inside) also inside that outline:
 * min(radius − dist, clipSd) ≥ 0. Both terms are distances in metres, so linear
 * interpolation places the clipped edge as exactly as the ring's own: to a few centimetres
 * along a straight outline, cutting its corners by at most a fraction of a cell.
 */
export function ringRegion(grid: Grid, dist: Float32Array, radiusM: number, window?: Window, clipSd?: Float32Array): MultiPolygon {
  const f = new Float64Array(dist.length);
  if (clipSd) for (let c = 0; c < dist.length; c++) f[c] = Math.min(radiusM - dist[c]!, clipSd[c]!);
  else for (let c = 0; c < dist.length; c++) f[c] = radiusM - dist[c]!;
  return contourRegion(grid, f, 0, window);
}

/**
 * Drops repeated positions (contour points rounded to 1e-6° can coincide) and the rings
 * left with fewer than 4 positions (Turf's simplify refuses them); a polygon whose outer
 * ring goes, goes with it.
 */
function dropDegenerate(region: MultiPolygon): MultiPolygon {
  const coordinates = region.coordinates
    .map((poly) => poly.map((ring) => ring.filter((p, k) => k === 0 || p[0] !== ring[k - 1]![0] || p[1] !== ring[k - 1]![1])))
    .filter((poly) => poly.length > 0 && poly[0]!.length >= 4)
    .map((poly) => poly.filter((ring) => ring.length >= 4));
  return { type: 'MultiPolygon', coordinates };
}

/** Simplifies a region (no clipping). Null when empty. */
export function simplifyRegion(raw: MultiPolygon): Feature<MultiPolygon> | null {
  const region = dropDegenerate(raw);
  if (region.coordinates.length === 0) return null;
  const simplify = (m: MultiPolygon) => turf.simplify(turf.feature(m), { tolerance: SIMPLIFY_DEG, highQuality: false }) as Feature<MultiPolygon>;
  let simple: Feature<MultiPolygon>;
  try {
    simple = simplify(region);
  } catch {
    // A ring of collinear points (a sliver no wider than the rounding) trips Turf's
    // cleaning: simplify polygon by polygon and leave such slivers out.
    const kept: Position[][][] = [];
    for (const poly of region.coordinates) {
      try {
        kept.push(...simplify({ type: 'MultiPolygon', coordinates: [poly] }).geometry.coordinates);
      } catch {
        // a sliver
      }
    }
    simple = turf.feature({ type: 'MultiPolygon', coordinates: kept });
  }
  // Simplification can collapse tiny rings to fewer than 4 positions: drop them.
  simple.geometry.coordinates = simple.geometry.coordinates.map((poly) => poly.filter((ring) => ring.length >= 4)).filter((poly) => poly.length > 0);
  return simple.geometry.coordinates.length ? simple : null;
}

/**
 * Uncovered built-up land: where the distance exceeds the radius AND the cell is mostly
 * built-up. The second term, (weight − ½)·cell, crosses zero about where the built-up
 * edge runs through the cell, so the contour follows it to within a cell.
 */
export function gapRegion(grid: Grid, dist: Float32Array, radiusM: number, weight: Float32Array, window?: Window): MultiPolygon {
  const g = new Float64Array(dist.length);
  for (let c = 0; c < dist.length; c++) g[c] = Math.min(dist[c]! - radiusM, (weight[c]! - 0.5) * grid.cell);
  return contourRegion(grid, g, 1e-6, window);
}
