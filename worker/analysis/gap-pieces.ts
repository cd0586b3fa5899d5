/**
 * Gap pieces: a tier's uncovered built-up land cut into pieces a planner can name and act
 * on. Pure: a district model, the tier's covered share of every district cell, and
 * optionally people per cell in; ranked pieces out.
 *
 * A district cell with uncovered built-up land (or unserved people) belongs to a piece; two
 * such 4-neighbours are in the same piece when they lie in the same core, zone and belt
 * segment (cell-areas.ts: the one holding most of the cell's land) and in the same square
 * tile of TILE_M × TILE_M (1 km², aligned to the grid). Rivers cut pieces by themselves:
 * water cells hold no land. So a piece is at most 1 km², within one zone, on one bank.
 *
 * Each piece: its uncovered built-up land (km²) and unserved people, the core/zone/belt it
 * lies in, the nearest named place (nearest-place.ts) to its weighted centre, its outline
 * (cell-outline.ts), and the single best site to close it: among the land cells within the
 * radius of the piece, the one whose disk covers most of the piece (people, else land),
 * ties broken by the most newly served in the whole district (disk-sum.ts, as suggest.ts
 * counts gains). Candidates are every cell for radii up to 10 cells, every k-th cell
 * (k = radius / 10 cells) beyond: a disk that large moves little in k cells.
 */
import type { MultiPolygon } from 'geojson';
import { cellAreas } from './cell-areas';
import { cellOutline } from './cell-outline';
import { DiskSum } from './disk-sum';
import { fromGrid } from './grid';
import type { DistrictModel } from './model';
import { type NamedPoint, nearestPlace, type PlaceHit } from './nearest-place';

/** Side of the square tiles pieces are cut into (metres): tiles of 1 km². */
const TILE_M = 1000;

interface AreaRef {
  id: string;
  name_zh: string;
  name_en: string;
}

interface PieceSite {
  lon: number;
  lat: number;
  /** Share (%) of the piece's unserved people (without people: of its uncovered land) the site covers. */
  closes_pct: number;
  /** Uncovered measured land the site would cover anywhere in the district (km², pp of the district). */
  gain_km2: number;
  gain_pp: number;
  /** People it would newly serve (with people only). */
  gain_people?: number;
  gain_people_pp?: number;
}

export interface GapPiece {
  rank: number;
  /** Uncovered built-up land (land without a built-up layer), km². */
  area_km2: number;
  /** Unserved people, or null without a population. */
  people: number | null;
  zone: AreaRef | null;
  core: AreaRef | null;
  belt: AreaRef | null;
  near: PlaceHit | null;
  /** Weighted centre (people, else land), lon/lat. */
  centre: [number, number];
  site: PieceSite | null;
  geometry: MultiPolygon;
}

export interface PieceOptions {
  /** People per district cell (areas[0].cells order). */
  people?: ArrayLike<number> | null;
  places?: readonly NamedPoint[];
  /** Pieces smaller than this (km²) are left out, unless they hold at least one unserved person. */
  minKm2?: number;
  /** How many pieces to return (the top ones); outlines and sites are made for these only. */
  limit?: number;
}

interface Piece {
  cells: number[];
  area: number;
  people: number;
  wx: number;
  wy: number;
  ws: number;
  i0: number;
  i1: number;
  j0: number;
  j1: number;
  first: number;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function gapPieces(model: DistrictModel, share: ArrayLike<number>, radiusM: number, opts: PieceOptions = {}): GapPiece[] {
  const { grid } = model;
  const { w, h } = grid;
  const district = model.areas[0]!;
  const n = district.cells.length;
  const people = opts.people ?? null;
  const measure = model.of === 'builtup' ? district.builtup : district.land;
  const measureTotal = model.of === 'builtup' ? district.builtupCells : district.landCells;
  let peopleTotal = 0;
  if (people) for (let k = 0; k < n; k++) peopleTotal += people[k]!;
  const { core, zone, belt, districtPos } = cellAreas(model);
  const tile = Math.max(1, Math.round(TILE_M / grid.cell));
  const tilesW = Math.ceil(w / tile);

  // Uncovered land and people of every district cell, and dense copies on the grid for the disks.
  const openLand = new Float64Array(w * h);
  const openPeople = people ? new Float64Array(w * h) : null;
  const open = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const c = district.cells[k]!;
    const u = 1 - share[k]!;
    if (u <= 0) continue;
    openLand[c] = measure[k]! * u;
    if (openPeople) openPeople[c] = people![k]! * u;
    if (openLand[c]! > 1e-6 || (openPeople && openPeople[c]! > 1e-9)) open[k] = 1;
  }

  // Connected pieces (4-neighbours in the same core, zone, belt segment and tile).
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = district.cells[k]!;
    const i = c % w;
    const j = (c - i) / w;
    keys[k] = (((core[k]! + 1) * 1024 + zone[k]! + 1) * 1024 + belt[k]! + 1) * 1e7 + Math.floor(i / tile) + Math.floor(j / tile) * tilesW;
  }
  const seen = new Uint8Array(n);
  const pieces: Piece[] = [];
  const stack: number[] = [];
  for (let k0 = 0; k0 < n; k0++) {
    if (!open[k0] || seen[k0]) continue;
    const c0 = district.cells[k0]!;
    const key = keys[k0]!;
    const p: Piece = { cells: [], area: 0, people: 0, wx: 0, wy: 0, ws: 0, i0: w, i1: -1, j0: h, j1: -1, first: c0 };
    seen[k0] = 1;
    stack.push(k0);
    while (stack.length) {
      const k = stack.pop()!;
      const c = district.cells[k]!;
      const i = c % w;
      const j = (c - i) / w;
      p.cells.push(c);
      const a = openLand[c]!;
      const pp = openPeople ? openPeople[c]! : 0;
      p.area += a;
      p.people += pp;
      const wt = openPeople ? pp : a;
      p.wx += wt * (i + 0.5);
      p.wy += wt * (j + 0.5);
      p.ws += wt;
      if (i < p.i0) p.i0 = i;
      if (i > p.i1) p.i1 = i;
      if (j < p.j0) p.j0 = j;
      if (j > p.j1) p.j1 = j;
      for (const o of [i > 0 ? c - 1 : -1, i + 1 < w ? c + 1 : -1, j > 0 ? c - w : -1, j + 1 < h ? c + w : -1]) {
        if (o < 0) continue;
        const q = districtPos[o]!;
        if (q < 0 || !open[q] || seen[q] || keys[q] !== key) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    pieces.push(p);
  }

  const km2 = (grid.cell * grid.cell) / 1e6;
  const minCells = (opts.minKm2 ?? 0.0025) / km2;
  const kept = pieces.filter((p) => p.area >= minCells - 1e-9 || (openPeople !== null && p.people >= 1));
  kept.sort((a, b) => (openPeople ? b.people - a.people : 0) || b.area - a.area || a.first - b.first);
  const top = kept.slice(0, opts.limit ?? kept.length);

  // District-wide gains of a site, as suggest.ts counts them.
  const R = radiusM / grid.cell;
  const landDisk = new DiskSum(w, h, R, openLand);
  const peopleDisk = openPeople ? new DiskSum(w, h, R, openPeople) : null;
  const ref = (ai: number): AreaRef | null =>
    ai < 0 ? null : { id: model.areas[ai]!.id, name_zh: model.areas[ai]!.name_zh, name_en: model.areas[ai]!.name_en };

  return top.map((p, r): GapPiece => {
    const k0 = districtPos[p.first]!;
    const cx = p.ws > 0 ? p.wx / p.ws : (p.i0 + p.i1 + 1) / 2;
    const cy = p.ws > 0 ? p.wy / p.ws : (p.j0 + p.j1 + 1) / 2;
    const [clon, clat] = fromGrid(grid, cx, cy);
    const byPeople = openPeople !== null && p.people > 0;
    const site = bestSite(model, p, byPeople ? openPeople! : openLand, R, byPeople ? peopleDisk! : landDisk);
    let siteOut: PieceSite | null = null;
    if (site) {
      const [lon, lat] = fromGrid(grid, site.i + 0.5, site.j + 0.5);
      const gl = landDisk.at(site.i, site.j);
      siteOut = {
        lon: round(lon, 6),
        lat: round(lat, 6),
        closes_pct: round((100 * site.closes) / (byPeople ? p.people : p.area), 1),
        gain_km2: round(gl * km2, 4),
        gain_pp: measureTotal > 0 ? round((100 * gl) / measureTotal, 3) : 0,
      };
      if (peopleDisk) {
        const gp = peopleDisk.at(site.i, site.j);
        siteOut.gain_people = Math.round(gp);
        siteOut.gain_people_pp = peopleTotal > 0 ? round((100 * gp) / peopleTotal, 3) : 0;
      }
    }
    return {
      rank: r + 1,
      area_km2: round(p.area * km2, 4),
      people: openPeople ? Math.round(p.people) : null,
      zone: ref(zone[k0]!),
      core: ref(core[k0]!),
      belt: ref(belt[k0]!),
      near: opts.places ? nearestPlace(grid, opts.places, cx, cy) : null,
      centre: [round(clon, 6), round(clat, 6)],
      site: siteOut,
      geometry: cellOutline(grid, p.cells),
    };
  });
}

/**
 * The land cell whose disk covers most of the piece's weight (`weight`, dense on the grid),
 * ties (within 0.1 %) broken by the district-wide gain (`whole`). Null when no land cell
 * within reach covers any of it.
 */
function bestSite(model: DistrictModel, p: Piece, weight: Float64Array, R: number, whole: DiskSum): { i: number; j: number; closes: number } | null {
  const { w, h } = model.grid;
  const Ri = Math.floor(R + 1e-9);
  const wi0 = Math.max(0, p.i0 - Ri);
  const wj0 = Math.max(0, p.j0 - Ri);
  const ww = Math.min(w - 1, p.i1 + Ri) - wi0 + 1;
  const wh = Math.min(h - 1, p.j1 + Ri) - wj0 + 1;
  const local = new Float64Array(ww * wh);
  for (const c of p.cells) {
    const i = c % w;
    local[((c - i) / w - wj0) * ww + i - wi0] = weight[c]!;
  }
  const disk = new DiskSum(ww, wh, R, local);
  const step = Math.max(1, Math.floor(Ri / 10));
  const found: { i: number; j: number; g: number }[] = [];
  let best = 1e-12;
  for (let j = 0; j < wh; j += step) {
    for (let i = 0; i < ww; i += step) {
      if (model.land[(j + wj0) * w + i + wi0]! < 0.5) continue;
      const g = disk.at(i, j);
      if (g < best * 0.999) continue;
      if (g > best) best = g;
      found.push({ i: i + wi0, j: j + wj0, g });
    }
  }
  let pick: { i: number; j: number; g: number } | null = null;
  let pickWhole = -1;
  for (const f of found) {
    if (f.g < best * 0.999) continue;
    const g = whole.at(f.i, f.j);
    if (g > pickWhole) {
      pickWhole = g;
      pick = f;
    }
  }
  return pick ? { i: pick.i, j: pick.j, closes: pick.g } : null;
}
