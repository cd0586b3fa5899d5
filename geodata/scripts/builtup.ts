/**
 * The approximate `builtup` layer from OpenStreetMap evidence, by the rules in
 * geodata/src/builtup-rules.json. The extract has no land use and no buildings, so built-up
 * land is inferred from features that occur where people live and work (shops, restaurants,
 * schools, kindergartens, hospitals, clinics, bus stops, stations, sports pitches…):
 *
 * 1. evidence points: the OSM points of those classes and a point on each such outline;
 * 2. on a grid of cell_m cells over the district, a cell is built-up when the evidence within
 *    radius_m of its centre weighs at least min_weight; cells inside the outline of a school,
 *    hospital, mall or public building are built-up whatever the count;
 * 3. morphological closing by closing_cells (fills streets and blocks between evidence),
 *    then islands under min_island_ha and holes under max_hole_ha are dropped;
 * 4. traced (marching squares on the mask, lightly blurred), simplified, and intersected with
 *    the district's land minus the parks (greenspaces layer) and the protected forest (but
 *    not a station's own footprint, station_keep_m, where OSM draws a park over a station).
 *
 * Confidence is low: OSM's points are uneven (dense in the centre, thin in new towns), and
 * the result includes roads, small hills and industry inside the urban fabric.
 */
import * as turf from '@turf/turf';
import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import rules from '../src/builtup-rules.json';
import { finishGeometry, toLonLat, toXY } from './geo';
import { readOsm } from './osm';
import { anchorPoint } from './osm-source';

type Poly = Polygon | MultiPolygon;
type XY = [number, number];

interface Evidence {
  at: Position;
  weight: number;
}

/** The evidence points, in a fixed order (by file, then OSM id). */
function evidencePoints(): Evidence[] {
  const E = rules.evidence;
  const out: Evidence[] = [];
  const byId = <T extends { properties: { osm_id: string } }>(a: T, b: T) => Number(a.properties.osm_id) - Number(b.properties.osm_id);
  for (const f of [...readOsm<Point>('pois').features].sort(byId))
    if (E.pois.fclasses.includes(f.properties.fclass)) out.push({ at: f.geometry.coordinates, weight: E.pois.weight });
  for (const f of [...readOsm<Poly>('pois_a').features].sort(byId))
    if (E.pois_a.fclasses.includes(f.properties.fclass)) out.push({ at: anchorPoint(f), weight: E.pois_a.weight });
  for (const f of [...readOsm<Point>('transport').features].sort(byId))
    if (E.transport.fclasses.includes(f.properties.fclass))
      out.push({ at: f.geometry.coordinates, weight: f.properties.fclass === 'railway_station' ? E.transport.station_weight : E.transport.weight });
  for (const f of [...readOsm<Poly>('transport_a').features].sort(byId))
    if (E.transport_a.fclasses.includes(f.properties.fclass)) out.push({ at: anchorPoint(f), weight: E.transport_a.weight });
  return out;
}

/** Connected components of the set cells (4-neighbour), as index lists. */
function components(mask: Uint8Array, w: number, h: number, value: number): number[][] {
  const seen = new Uint8Array(w * h);
  const out: number[][] = [];
  for (let s = 0; s < w * h; s++) {
    if (mask[s] !== value || seen[s]) continue;
    const comp: number[] = [];
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      comp.push(c);
      const i = c % w;
      const j = (c - i) / w;
      for (const [di, dj] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= w || nj >= h) continue;
        const n = nj * w + ni;
        if (mask[n] === value && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    out.push(comp);
  }
  return out;
}

/** Dilation (grow = true) or erosion by r cells with a disc-shaped structuring element. */
function morph(mask: Uint8Array, w: number, h: number, r: number, grow: boolean): Uint8Array {
  const out = new Uint8Array(w * h);
  const offs: XY[] = [];
  for (let dj = -r; dj <= r; dj++) for (let di = -r; di <= r; di++) if (di * di + dj * dj <= r * r) offs.push([di, dj]);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      let v = grow ? 0 : 1;
      for (const [di, dj] of offs) {
        const ni = i + di;
        const nj = j + dj;
        const inside = ni >= 0 && nj >= 0 && ni < w && nj < h ? mask[nj * w + ni]! : 0;
        if (grow && inside) {
          v = 1;
          break;
        }
        if (!grow && !inside) {
          v = 0;
          break;
        }
      }
      out[j * w + i] = v;
    }
  }
  return out;
}

export interface BuiltupInput {
  district: Feature<Poly>;
  /** District minus rivers. */
  land: Feature<Poly>;
  /** Park polygons to take out (the greenspaces layer). */
  parks: Feature<Poly>[];
}

export interface BuiltupBuild {
  builtup: FeatureCollection;
  /** Area before taking out parks and the forest, and after (km²). */
  stats: { evidence: number; maskKm2: number; km2: number };
}

export function buildBuiltup({ district, land, parks }: BuiltupInput): BuiltupBuild {
  const cell = rules.cell_m;
  const pad = rules.radius_m + 4 * cell;
  const [w0, s0, e0, n0] = turf.bbox(district);
  const [x0, y0] = toXY([w0, s0]).map((v) => v - pad) as XY;
  const [x1, y1] = toXY([e0, n0]).map((v) => v + pad) as XY;
  const w = Math.ceil((x1 - x0) / cell);
  const h = Math.ceil((y1 - y0) / cell);
  // cell (i, j): centre at x0 + (i + ½)·cell, y1 − (j + ½)·cell (row 0 at the north)
  const centre = (i: number, j: number): XY => [x0 + (i + 0.5) * cell, y1 - (j + 0.5) * cell];

  // 1–2. evidence weight within radius of each cell centre
  const ev = evidencePoints();
  const weight = new Float64Array(w * h);
  const R = rules.radius_m;
  const rc = Math.ceil(R / cell);
  for (const e of ev) {
    const [ex, ey] = toXY(e.at);
    const ci = Math.floor((ex - x0) / cell);
    const cj = Math.floor((y1 - ey) / cell);
    for (let j = cj - rc - 1; j <= cj + rc + 1; j++) {
      if (j < 0 || j >= h) continue;
      for (let i = ci - rc - 1; i <= ci + rc + 1; i++) {
        if (i < 0 || i >= w) continue;
        const [cx, cy] = centre(i, j);
        if ((cx - ex) ** 2 + (cy - ey) ** 2 <= R * R) weight[j * w + i]! += e.weight;
      }
    }
  }
  let mask: Uint8Array = new Uint8Array(w * h);
  for (let c = 0; c < w * h; c++) mask[c] = weight[c]! >= rules.min_weight ? 1 : 0;
  // outlines that are built-up land themselves
  const outlines = readOsm<Poly>('pois_a').features.filter((f) => rules.evidence.pois_a.outline_fclasses.includes(f.properties.fclass));
  for (const f of outlines) {
    const [bw, bs, be, bn] = turf.bbox(f);
    const [ax, ay] = toXY([bw, bs]);
    const [bx, by] = toXY([be, bn]);
    for (let j = Math.max(0, Math.floor((y1 - by) / cell)); j <= Math.min(h - 1, Math.ceil((y1 - ay) / cell)); j++)
      for (let i = Math.max(0, Math.floor((ax - x0) / cell)); i <= Math.min(w - 1, Math.ceil((bx - x0) / cell)); i++)
        if (!mask[j * w + i] && turf.booleanPointInPolygon(toLonLat(...centre(i, j)), f)) mask[j * w + i] = 1;
  }

  // 3. closing, small islands and holes
  const k = rules.closing_cells;
  mask = morph(morph(mask, w, h, k, true), w, h, k, false);
  const cellHa = (cell * cell) / 10_000;
  for (const comp of components(mask, w, h, 1)) if (comp.length * cellHa < rules.min_island_ha) for (const c of comp) mask[c] = 0;
  for (const comp of components(mask, w, h, 0)) {
    const touchesEdge = comp.some((c) => c % w === 0 || c % w === w - 1 || c < w || c >= w * (h - 1));
    if (!touchesEdge && comp.length * cellHa < rules.max_hole_ha) for (const c of comp) mask[c] = 1;
  }

  // 4. trace: a 3 × 3 blur, then the 0.5 contour (smooth edges half-way between cell centres)
  const blur = new Float64Array(w * h);
  for (let j = 0; j < h; j++)
    for (let i = 0; i < w; i++) {
      let s = 0;
      for (let dj = -1; dj <= 1; dj++)
        for (let di = -1; di <= 1; di++) s += mask[Math.min(h - 1, Math.max(0, j + dj)) * w + Math.min(w - 1, Math.max(0, i + di))]!;
      blur[j * w + i] = s / 9;
    }
  const mp = contours()
    .size([w, h])
    .contour(blur as unknown as number[], 0.5);
  const traced: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: mp.coordinates.map((poly) => poly.map((ring) => ring.map(([gx, gy]) => toLonLat(x0 + gx! * cell, y1 - gy! * cell)))),
  };
  let g: Feature<Poly> | null = turf.simplify(turf.feature(traced), { tolerance: rules.smooth_tolerance_m / 111_000, highQuality: true });
  g = turf.intersect(turf.featureCollection([g, land]));
  const maskKm2 = g ? turf.area(g) / 1e6 : 0;
  // take out parks and the protected forest
  const protectedAreas = readOsm<Poly>('protected_areas_a').features;
  const holes = [...parks, ...protectedAreas].filter((p) => g && turf.booleanIntersects(p, g));
  if (g && holes.length) {
    let u: Feature<Poly> | null = holes.length > 1 ? turf.union(turf.featureCollection(holes)) : holes[0]!;
    // a station's own footprint stays built-up even where OSM draws a park over it
    const stations = readOsm<Point>('transport').features.filter(
      (f) => f.properties.fclass === 'railway_station' && u && turf.booleanPointInPolygon(f.geometry.coordinates, u),
    );
    for (const st of stations)
      if (u) u = turf.difference(turf.featureCollection([u, turf.circle(st.geometry.coordinates, rules.station_keep_m, { units: 'meters', steps: 16 })]));
    if (u) g = turf.difference(turf.featureCollection([g, u]));
  }
  if (!g) throw new Error('builtup: nothing left');
  let geometry = finishGeometry(g.geometry);
  // a park that touches the edge at one vertex leaves rings touching there (a "kink" to the
  // validator): an opening and closing by 0.5 m separates them without moving the outline
  const kinked = (x: Poly) => (x.type === 'Polygon' ? [x.coordinates] : x.coordinates).some((p) => turf.kinks(turf.polygon(p)).features.length > 0);
  if (kinked(geometry)) {
    const shrunk = turf.buffer(turf.feature(geometry), -0.5, { units: 'meters', steps: 2 });
    const grown = shrunk && turf.buffer(shrunk, 0.5, { units: 'meters', steps: 2 });
    if (grown) {
      geometry = finishGeometry(grown.geometry as Poly);
      // the buffer rounds every corner with extra vertices: take them out again (2 m)
      const simple = finishGeometry(turf.simplify(turf.feature(geometry), { tolerance: 2 / 111_000, highQuality: true }).geometry);
      if (!kinked(simple)) geometry = simple;
    }
  }
  const km2 = turf.area(turf.feature(geometry)) / 1e6;
  const feature: Feature = {
    type: 'Feature',
    id: 'builtup-osm',
    properties: {
      id: 'builtup-osm',
      name_zh: '建成区（据OSM推算）',
      name_en: 'Built-up land (inferred from OSM)',
      area_km2: Math.round(km2 * 100) / 100,
      approximate: true,
      schematic: true,
      method_en: `Inferred from ${ev.length} OpenStreetMap features that occur where people live and work (shops, restaurants, schools, kindergartens, hospitals, clinics, bus stops, stations, sports pitches…): a ${rules.cell_m} m cell is built-up where their weight within ${rules.radius_m} m reaches ${rules.min_weight}, or inside a school, hospital, mall or public building; closed by ${rules.closing_cells} cells, islands < ${rules.min_island_ha} ha and holes < ${rules.max_hole_ha} ha dropped; minus rivers, parks and the protected forest on the Tongluo ridge. Approximate: OSM's coverage is uneven and this includes roads, small hills and industry.`,
      method_zh: `据${ev.length}个OpenStreetMap要素推算（商店、餐馆、学校、幼儿园、医院、诊所、公交站、轨道站、运动场等只出现在居住和工作场所的要素）：${rules.cell_m}米网格中，${rules.radius_m}米内要素权重达到${rules.min_weight}的格子，或位于学校、医院、商场、公共建筑范围内的格子，计为建成区；经${rules.closing_cells}格闭运算，去除小于${rules.min_island_ha}公顷的碎块和小于${rules.max_hole_ha}公顷的孔洞；扣除江面、公园和铜锣山（铁山坪）保护林地。为近似范围：OSM数据覆盖不均，且含道路、小山体和工业用地。`,
      source: `derived from OpenStreetMap (© OpenStreetMap contributors, ODbL; extract of 2026-04-11): pois, pois_a, transport, transport_a (evidence), protected_areas_a, the rivers and greenspaces layers; rules in geodata/src/builtup-rules.json`,
      confidence: 'low',
    },
    geometry,
  };
  return { builtup: { type: 'FeatureCollection', features: [feature] }, stats: { evidence: ev.length, maskKm2, km2 } };
}
