import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../../domain/geo';
import { MAX_RADIUS_M } from '../../domain/tiers';
import type { Block } from './exact-distance';
import { fineGrid, type Grid, makeGrid, toGrid } from './grid';
import { segDist } from './nearest';
import { forEachInteriorRun, forEachSegmentCell, type GridPolygon, intersectSpans, mapRows, polygonSpans, spanWeights, subtractSpans } from './rasterize';

/** Grid cell size (metres). See README.md for the accuracy this gives. */
const CELL_M = 50;
/** Scanlines per cell row when measuring land (exact along x, 12.5 m apart along y). */
const SUB = 4;
/** Coverage is sampled on cells split SS × SS (25 m at 50 m cells). */
const SS = 2;

export type AreaKind = 'district' | 'core' | 'zone' | 'belt';

/** One area rates are reported for, as sparse cell lists with fractional weights. */
export interface AreaMask {
  id: string;
  kind: AreaKind;
  name_zh: string;
  name_en: string;
  /** Cells with any measured land in this area. */
  cells: Int32Array;
  /** Fraction of each listed cell that is land (district, not water) in this area. */
  land: Float32Array;
  /** Fraction of each listed cell that is built-up land in this area (all 0 without builtup). */
  builtup: Float32Array;
  landCells: number;
  builtupCells: number;
  /** Position of each listed cell in the district's list (the district: its own index). */
  pos: Int32Array;
}

interface NamedPolygon {
  id: string;
  name_zh: string;
  name_en: string;
  feature: Feature<Polygon | MultiPolygon>;
}

/** Everything that depends only on the shipped base layers: built once per isolate. */
export interface DistrictModel {
  grid: Grid;
  /** Coverage sampling factor and the supersampled grid (see grid.ts `fineGrid`). */
  ss: number;
  fine: Grid;
  /** Index in `fine` of the south-west sub-cell of each district cell (areas[0].cells). */
  fineBase: Int32Array;
  /** The district outline (boundary layer, all features). */
  district: Feature<Polygon | MultiPolygon>;
  /** Dense per-cell fraction of district land (water excluded). */
  land: Float32Array;
  /** Dense per-cell fraction of built-up land (within `land`), or null without a builtup layer. */
  builtup: Float32Array | null;
  /** What rates are shares of: built-up land when the layer exists, else all land. */
  of: 'builtup' | 'land';
  /** District first, then cores, zones, belt. */
  areas: AreaMask[];
  zones: NamedPolygon[];
  /** 1 where walking is impossible (river cells not on a bridge); null without rivers. */
  blocked: Uint8Array | null;
  /** The river cells a walkable bridge opens (its deck on the grid); empty without rivers. */
  bridgeCells: ReadonlySet<number>;
  /** Cells whose centre is on district land (candidates for suggestions). */
  landCells: Int32Array;
  /**
   * Signed distance (metres) from each cell centre to the district's outline: positive
   * inside, negative outside; exact within SD_BAND cells of the outline, clamped beyond.
   * Rings are clipped to the district by contouring min(radius − distance, this).
   */
  districtSd: Float32Array;
}

/** Cells either side of the district outline where `districtSd` is exact. */
const SD_BAND = 3;

export interface BaseLayers {
  boundary: FeatureCollection;
  rivers?: FeatureCollection | undefined;
  bridges?: FeatureCollection | undefined;
  builtup?: FeatureCollection | undefined;
  zones?: FeatureCollection | undefined;
  cores?: FeatureCollection | undefined;
  belt?: FeatureCollection | undefined;
}

function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function gridPolys(grid: Grid, features: readonly Feature[]): GridPolygon[] {
  const out: GridPolygon[] = [];
  for (const f of features) {
    for (const poly of polygonsOf(f)) out.push(poly.map((r) => r.map((p) => toGrid(grid, p[0]!, p[1]!))));
  }
  return out;
}

function asDistrict(boundary: FeatureCollection): Feature<Polygon | MultiPolygon> {
  const coords = boundary.features.flatMap(polygonsOf);
  if (coords.length === 0) throw new Error('boundary layer has no polygon');
  return {
    type: 'Feature',
    properties: boundary.features[0]?.properties ?? {},
    geometry: coords.length === 1 ? { type: 'Polygon', coordinates: coords[0]! } : { type: 'MultiPolygon', coordinates: coords },
  };
}

const text = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');

/**
 * The analysis grid of a district boundary, as `buildModel` makes it: for code that needs
 * the grid without the model (the page resampling a population onto it).
 */
export function districtGrid(boundary: FeatureCollection, cell = CELL_M, margin = MAX_RADIUS_M): Grid {
  return makeGrid(bboxOf(asDistrict(boundary).geometry), cell, margin);
}

/** Builds the district model from the base layers. Pure; ~tens of ms, once per isolate. */
export function buildModel(layers: BaseLayers, cell = CELL_M, margin = MAX_RADIUS_M): DistrictModel {
  const district = asDistrict(layers.boundary);
  const grid = districtGrid(layers.boundary, cell, margin);
  const { w, h } = grid;
  const n = w * h;
  const rows = h * SUB;

  const districtSpans = polygonSpans(gridPolys(grid, [district]), rows, SUB);
  const riverPolys = layers.rivers ? gridPolys(grid, layers.rivers.features) : [];
  const landSpans = riverPolys.length ? mapRows(districtSpans, polygonSpans(riverPolys, rows, SUB), subtractSpans) : districtSpans;
  const builtPolys = layers.builtup ? gridPolys(grid, layers.builtup.features) : [];
  const builtSpans = builtPolys.length ? mapRows(landSpans, polygonSpans(builtPolys, rows, SUB), intersectSpans) : null;

  const land = spanWeights(landSpans, w, h, SUB);
  const builtup = builtSpans ? spanWeights(builtSpans, w, h, SUB) : null;

  const areas: AreaMask[] = [];
  const districtPos = new Int32Array(n).fill(-1);
  /** Lists the cells with land; only `candidates` (all cells when null) are looked at. */
  const addArea = (id: string, kind: AreaKind, name_zh: string, name_en: string, lw: Float32Array, bw: Float32Array | null, candidates: Int32Array | null) => {
    const m = candidates ? candidates.length : n;
    let count = 0;
    for (let q = 0; q < m; q++) if (lw[candidates ? candidates[q]! : q]! > 0) count++;
    const cells = new Int32Array(count);
    const lf = new Float32Array(count);
    const bf = new Float32Array(count);
    let landCells = 0;
    let builtupCells = 0;
    for (let q = 0, k = 0; q < m; q++) {
      const c = candidates ? candidates[q]! : q;
      const x = lw[c]!;
      if (x <= 0) continue;
      cells[k] = c;
      lf[k] = x;
      bf[k] = bw ? bw[c]! : 0;
      landCells += x;
      builtupCells += bf[k]!;
      k++;
    }
    if (areas.length === 0) cells.forEach((c, k) => (districtPos[c] = k));
    const pos = cells.map((c) => districtPos[c]!);
    areas.push({ id, kind, name_zh, name_en, cells, land: lf, builtup: bf, landCells, builtupCells, pos });
  };
  const dp = district.properties ?? {};
  addArea(text(dp.id) || 'district', 'district', text(dp.name_zh) || '江北区', text(dp.name_en) || 'Jiangbei District', land, builtup, null);
  // Every other area's land lies within the district's: look only at the district's cells,
  // and reuse two scratch arrays rather than allocate per area.
  const districtCells = areas[0]!.cells;
  const scratchL = new Float32Array(n);
  const scratchB = new Float32Array(n);

  const zones: NamedPolygon[] = [];
  const groups: [AreaKind, FeatureCollection | undefined][] = [
    ['core', layers.cores],
    ['zone', layers.zones],
    ['belt', layers.belt],
  ];
  for (const [kind, fc] of groups) {
    if (!fc) continue;
    fc.features.forEach((f, k) => {
      const polys = gridPolys(grid, [f]);
      if (polys.length === 0) return;
      const spans = polygonSpans(polys, rows, SUB);
      scratchL.fill(0);
      scratchB.fill(0);
      const lw = spanWeights(mapRows(spans, landSpans, intersectSpans), w, h, SUB, scratchL);
      const bw = builtSpans ? spanWeights(mapRows(spans, builtSpans, intersectSpans), w, h, SUB, scratchB) : null;
      const p = f.properties ?? {};
      const id = text(p.id ?? f.id) || `${kind}-${k + 1}`;
      addArea(id, kind, text(p.name_zh), text(p.name_en), lw, bw, districtCells);
      if (kind === 'zone') zones.push({ id, name_zh: text(p.name_zh), name_en: text(p.name_en), feature: f as Feature<Polygon | MultiPolygon> });
    });
  }

  let blocked: Uint8Array | null = null;
  const bridgeCells = new Set<number>();
  if (riverPolys.length) {
    const b = new Uint8Array(n);
    forEachInteriorRun(riverPolys, w, h, (j, i0, i1) => b.fill(1, j * w + i0, j * w + i1));
    for (const f of layers.bridges?.features ?? []) {
      // Only a bridge a pedestrian can cross opens the river (no `walkable`: one can).
      if (f.properties?.walkable === false) continue;
      const g = f.geometry;
      const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
      for (const line of lines) {
        const pts = line.map((p) => toGrid(grid, p[0]!, p[1]!));
        for (let k = 0; k + 1 < pts.length; k++) {
          let [ax, ay] = pts[k]!;
          let [bx, by] = pts[k + 1]!;
          // Extend the first and last segment by a cell, so a bridge drawn to the bank's
          // edge still reaches the first land cell.
          const len = Math.hypot(bx - ax, by - ay) || 1;
          const ux = (bx - ax) / len;
          const uy = (by - ay) / len;
          if (k === 0) {
            ax -= ux;
            ay -= uy;
          }
          if (k + 2 === pts.length) {
            bx += ux;
            by += uy;
          }
          forEachSegmentCell(ax, ay, bx, by, w, h, (c) => {
            if (b[c]) bridgeCells.add(c);
            b[c] = 0;
          });
        }
      }
    }
    blocked = b;
  }

  const inLand: number[] = [];
  for (let c = 0; c < n; c++) if (land[c]! >= 0.5) inLand.push(c);

  const districtPolys = gridPolys(grid, [district]);
  const districtSd = new Float32Array(n).fill(-SD_BAND * cell);
  forEachInteriorRun(districtPolys, w, h, (j, i0, i1) => districtSd.fill(SD_BAND * cell, j * w + i0, j * w + i1));
  // Exact distances near the outline: every cell within SD_BAND cells of an edge.
  const near = new Float32Array(n).fill(SD_BAND);
  for (const poly of districtPolys) {
    for (const ring of poly) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const [ax, ay] = ring[k]!;
        const [bx, by] = ring[k + 1]!;
        const i0 = Math.max(0, Math.floor(Math.min(ax, bx) - SD_BAND));
        const i1 = Math.min(w - 1, Math.ceil(Math.max(ax, bx) + SD_BAND));
        const j0 = Math.max(0, Math.floor(Math.min(ay, by) - SD_BAND));
        const j1 = Math.min(h - 1, Math.ceil(Math.max(ay, by) + SD_BAND));
        for (let j = j0; j <= j1; j++) {
          for (let i = i0; i <= i1; i++) {
            const d = segDist(i + 0.5, j + 0.5, ax, ay, bx, by);
            const c = j * w + i;
            if (d < near[c]!) near[c] = d;
          }
        }
      }
    }
  }
  for (let c = 0; c < n; c++) if (near[c]! < SD_BAND) districtSd[c] = Math.sign(districtSd[c]!) * near[c]! * cell;

  const fine = fineGrid(grid, SS);
  const fineBase = areas[0]!.cells.map((c) => {
    const i = c % w;
    const j = (c - i) / w;
    return j * SS * fine.w + i * SS;
  });

  return {
    grid,
    ss: SS,
    fine,
    fineBase,
    district,
    land,
    builtup,
    of: builtup ? 'builtup' : 'land',
    areas,
    zones,
    blocked,
    bridgeCells,
    landCells: Int32Array.from(inLand),
    districtSd,
  };
}

/**
 * The district's cells on a grid of `ss` sub-cells per model cell (1: the model's grid):
 * their inclusive bounding block, widened by `pad` cells every way (clamped to the grid),
 * and per block row the first and last column within `pad` cells of a district cell
 * (lowerToSites's spans, exact-distance.ts). Cached per model.
 */
export function districtSpans(model: DistrictModel, ss: number, pad: number): { block: Block; spans: Int32Array } {
  const key = `${ss}|${pad}`;
  const had = spansCache.get(model)?.get(key);
  if (had) return had;
  const { grid } = model;
  const W = grid.w * ss;
  const H = grid.h * ss;
  const b: Block = { i0: W, i1: -1, j0: H, j1: -1 };
  const first = new Int32Array(H).fill(W);
  const last = new Int32Array(H).fill(-1);
  for (const c of model.areas[0]!.cells) {
    const i = (c % grid.w) * ss;
    const j = Math.floor(c / grid.w) * ss;
    for (let r = j; r < j + ss; r++) {
      if (i < first[r]!) first[r] = i;
      if (i + ss - 1 > last[r]!) last[r] = i + ss - 1;
    }
    b.i0 = Math.min(b.i0, i);
    b.i1 = Math.max(b.i1, i + ss - 1);
    b.j0 = Math.min(b.j0, j);
    b.j1 = Math.max(b.j1, j + ss - 1);
  }
  const block: Block = { i0: Math.max(0, b.i0 - pad), i1: Math.min(W - 1, b.i1 + pad), j0: Math.max(0, b.j0 - pad), j1: Math.min(H - 1, b.j1 + pad) };
  const spans = new Int32Array(2 * (block.j1 - block.j0 + 1));
  for (let j = block.j0; j <= block.j1; j++) {
    let lo = W;
    let hi = -1;
    for (let r = Math.max(b.j0, j - pad); r <= Math.min(b.j1, j + pad); r++) {
      if (first[r]! < lo) lo = first[r]!;
      if (last[r]! > hi) hi = last[r]!;
    }
    spans[2 * (j - block.j0)] = hi < 0 ? 1 : lo - pad;
    spans[2 * (j - block.j0) + 1] = hi < 0 ? 0 : hi + pad;
  }
  const out = { block, spans };
  if (!spansCache.has(model)) spansCache.set(model, new Map());
  spansCache.get(model)!.set(key, out);
  return out;
}

const spansCache = new WeakMap<DistrictModel, Map<string, { block: Block; spans: Int32Array }>>();
