/**
 * The `rivers` layer from OpenStreetMap: the Jialing (嘉陵江) and the Yangtze (长江) as water
 * polygons that follow the real channels.
 *
 * OSM has two kinds of river evidence in the extract, and neither is enough alone:
 * - the centrelines (waterways.geojson, fclass river): precise, vertex every ~300–450 m on
 *   smooth curves, drawn down the middle of the channel;
 * - the riverbank polygons (water_simplified.geojson): the real banks, but simplified to a
 *   vertex every 500–1,200 m, so a bank between two vertices is a chord (tens of metres off
 *   on a bend).
 * So the polygon is a variable-width buffer of the precise centreline whose widths come from
 * the riverbank polygons. The centreline is resampled every STEP_M and lightly smoothed;
 * at each section a ray goes out each side along the normal until it leaves the water
 * (the union of the riverbank polygons the centrelines run through); each side's distance
 * profile is cleaned (running median, then running mean, SMOOTH_*), and the water is the
 * area between the two bank lines so obtained. The two sides are kept apart because OSM's
 * centreline is not always mid-channel (it runs ~100 m off the middle below the Grand
 * Theatre, where a symmetric buffer put the Qiansimen Bridge's south end in the water).
 *
 * The area between the banks is traced as the zero level of a signed distance on a 20 m
 * grid over the context box (marching squares) and simplified by SIMPLIFY_DEG: robust on
 * tight bends, deterministic, and cut cleanly at the box. The Jialing stops JOIN_M inside
 * the Yangtze and is cut back to it, so the two do not overlap. Fit figures: README.
 */
import * as turf from '@turf/turf';
import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { finishGeometry, lineLength, pointAlong, sliceAlong, toLonLat, toXY } from './geo';
import { readOsm } from './osm';

export type OsmRiverId = 'jialing' | 'yangtze';

/** The OSM river names (waterways fclass river) that make up each centreline. */
const OSM_RIVER_NAME: Record<OsmRiverId, string> = { jialing: '嘉陵江', yangtze: '长江' };
/** Water evidence for the width: the riverbank polygons and the Three Gorges reservoir (the Yangtze east of ~106.88 E is tagged as the reservoir). Wetlands and tidal flats are left out (dry most of the year). */
const WATER_FCLASSES = ['riverbank', 'reservoir'];
/** Spacing of the width measurements along the centreline (m). */
const STEP_M = 25;
/** The centreline is smoothed by a running mean over ±SMOOTH_LINE_M (m) before it is buffered. */
const SMOOTH_LINE_M = 150;
/** Normal of a section: perpendicular to the chord from TANGENT_M behind to TANGENT_M ahead (m) on the smoothed line. */
const TANGENT_M = 50;
/** A ray longer than this has run up a tributary mouth, along a bend or into the other river: dropped (m). */
const MAX_RAY_M = 1500;
/** Width profile cleaning: running median over ±SMOOTH_MEDIAN_M (drops tributary mouths, piers of islands), then running mean over ±SMOOTH_MEAN_M (the chords). */
const SMOOTH_MEDIAN_M = 400;
const SMOOTH_MEAN_M = 300;
/** Raster cell for tracing the buffer (m) and the display simplification (degrees, ~4 m). */
const CELL_M = 20;
const SIMPLIFY_DEG = 0.00004;
/** The Jialing's buffer reaches this far into the Yangtze's (m), so the two meet without a gap. */
const JOIN_M = 100;
/** How far past the district's bounding box the rivers are drawn (m): covers the analysis margin (2 km) and the stations' context (3 km). */
const CONTEXT_M = 3000;

type XY = [number, number];

/** The river's centreline as one line running downstream (OSM draws waterways in flow direction). */
function osmCentreline(river: OsmRiverId): Position[] {
  const name = OSM_RIVER_NAME[river];
  const ways = readOsm<LineString | MultiLineString>('waterways').features.filter((f) => f.properties.fclass === 'river' && f.properties.name === name);
  const parts: Position[][] = ways
    .flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates))
    .sort((a, b) => a[0]![0]! - b[0]![0]! || a[0]![1]! - b[0]![1]!);
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const byStart = new Map(parts.map((p) => [key(p[0]!), p]));
  const ends = new Set(parts.map((p) => key(p[p.length - 1]!)));
  const heads = parts.filter((p) => !ends.has(key(p[0]!)));
  if (heads.length !== 1) throw new Error(`${name}: expected one upstream end, found ${heads.length}`);
  const out: Position[] = [...heads[0]!];
  const used = new Set([heads[0]]);
  for (;;) {
    const next = byStart.get(key(out[out.length - 1]!));
    if (!next || used.has(next)) break;
    used.add(next);
    out.push(...next.slice(1));
  }
  if (used.size !== parts.length) throw new Error(`${name}: ${parts.length - used.size} OSM way(s) do not chain`);
  return out;
}

/** The OSM ids of the ways of a river, for `source`. */
function centrelineIds(river: OsmRiverId): string[] {
  return readOsm('waterways')
    .features.filter((f) => f.properties.fclass === 'river' && f.properties.name === OSM_RIVER_NAME[river])
    .map((f) => f.properties.osm_id)
    .sort();
}

/** The district's bounding box widened by CONTEXT_M, as [west, south, east, north]. */
export function contextBox(district: Feature<Polygon | MultiPolygon>, m = CONTEXT_M): [number, number, number, number] {
  const [w, s, e, n] = turf.bbox(district);
  const [x0, y0] = toXY([w, s]);
  const [x1, y1] = toXY([e, n]);
  const sw = toLonLat(x0 - m, y0 - m);
  const ne = toLonLat(x1 + m, y1 + m);
  return [sw[0]!, sw[1]!, ne[0]!, ne[1]!];
}

/**
 * The OSM water polygons used as width evidence, unioned, as rings in local metres: those of
 * WATER_FCLASSES that the two centrelines run through (a tributary's riverbank, e.g. the
 * Mudong or Yulin rivers', would let a ray run up the tributary).
 */
export function waterRings(): { rings: XY[][]; ids: string[] } {
  const lines = (['jialing', 'yangtze'] as const).map((r) => turf.lineString(osmCentreline(r)));
  const polys = readOsm<Polygon | MultiPolygon>('water_simplified')
    .features.filter((f) => WATER_FCLASSES.includes(f.properties.fclass) && lines.some((l) => turf.booleanIntersects(f, l)))
    .sort((a, b) => Number(a.properties.osm_id) - Number(b.properties.osm_id));
  const union = polys.length > 1 ? turf.union(turf.featureCollection(polys)) : polys[0];
  if (!union) throw new Error('no water polygons');
  const g = union.geometry;
  const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().map((r) => r.map(toXY));
  return { rings, ids: polys.map((f) => f.properties.osm_id) };
}

function inside(p: XY, rings: XY[][]): boolean {
  let c = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

/**
 * Distance along direction u from p to the first crossing of a ring edge (∞ if none within
 * max; NaN if the first thing the ray meets is one of the `stops` lines).
 */
function rayExit(p: XY, u: XY, rings: XY[][], max: number, stops: XY[][] = []): number {
  let best = Infinity;
  let stopped = false;
  const scan = (lines: XY[][], isStop: boolean) => {
    for (const r of lines) {
      for (let i = 0; i + 1 < r.length; i++) {
        const [ax, ay] = r[i]!;
        const [bx, by] = r[i + 1]!;
        const ex = bx - ax;
        const ey = by - ay;
        const den = u[0] * ey - u[1] * ex;
        if (den === 0) continue;
        const dx = ax - p[0];
        const dy = ay - p[1];
        const t = (dx * ey - dy * ex) / den; // along the ray
        const s = (dx * u[1] - dy * u[0]) / den; // along the edge
        if (t > 0 && t < best && t <= max && s >= 0 && s <= 1) {
          best = t;
          stopped = isStop;
        }
      }
    }
  };
  scan(rings, false);
  scan(stops, true);
  return stopped ? NaN : best;
}

export interface Section {
  /** Distance along the centreline (m). */
  s: number;
  p: XY;
  /** Unit normal to the left of the flow. */
  n: XY;
  /** Measured distances to the water's edge, left and right (NaN: no measurement). */
  left: number;
  right: number;
  /** Cleaned distances (m) from the centreline to the left and right edges of the buffer, and their sum. */
  hl: number;
  hr: number;
  width: number;
}

function runningMedian(v: number[], half: number): number[] {
  return v.map((_, i) => {
    const w = v.slice(Math.max(0, i - half), i + half + 1).filter((x) => Number.isFinite(x));
    if (!w.length) return NaN;
    w.sort((a, b) => a - b);
    return w.length % 2 ? w[(w.length - 1) / 2]! : (w[w.length / 2 - 1]! + w[w.length / 2]!) / 2;
  });
}

function runningMean(v: number[], half: number): number[] {
  return v.map((_, i) => {
    const w = v.slice(Math.max(0, i - half), i + half + 1).filter((x) => Number.isFinite(x));
    return w.length ? w.reduce((a, b) => a + b, 0) / w.length : NaN;
  });
}

/**
 * Sections every STEP_M along a centreline: the distance to the water's edge each side,
 * measured against the water rings. A ray that meets `other` (the other river's
 * centreline) first has run into the confluence: no measurement (filled from neighbours).
 */
function sections(line: Position[], rings: XY[][], other: Position[] = []): Section[] {
  const stops = [other.map(toXY)];
  // the centreline resampled every STEP_M, then smoothed by a running mean over ±SMOOTH_LINE_M:
  // OSM's vertices are ~300–450 m apart, and a buffer of the raw polyline bulges round each
  // vertex on the outside of a bend (the smoothing moves a bend of radius 1 km by ~4 m)
  const len = lineLength(line);
  const raw: XY[] = [];
  for (let s = 0; s <= len; s += STEP_M) raw.push(toXY(pointAlong(line, s).point));
  const k = Math.round(SMOOTH_LINE_M / STEP_M);
  const pts: XY[] = raw.map((_, i) => {
    const h = Math.min(k, i, raw.length - 1 - i); // symmetric window, shrinking at the ends (ends stay put)
    let x = 0;
    let y = 0;
    for (let j = i - h; j <= i + h; j++) {
      x += raw[j]![0];
      y += raw[j]![1];
    }
    return [x / (2 * h + 1), y / (2 * h + 1)];
  });
  const t = Math.max(1, Math.round(TANGENT_M / STEP_M));
  const out: Section[] = [];
  for (let i = 0; i < pts.length; i++) {
    const s = i * STEP_M;
    const p = pts[i]!;
    const a = pts[Math.max(0, i - t)]!;
    const b = pts[Math.min(pts.length - 1, i + t)]!;
    const d = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const n: XY = [-(b[1] - a[1]) / d, (b[0] - a[0]) / d];
    let left = NaN;
    let right = NaN;
    if (inside(p, rings)) {
      const l = rayExit(p, n, rings, MAX_RAY_M, stops);
      const r = rayExit(p, [-n[0], -n[1]], rings, MAX_RAY_M, stops);
      if (Number.isFinite(l)) left = l;
      if (Number.isFinite(r)) right = r;
    }
    out.push({ s, p, n, left, right, hl: NaN, hr: NaN, width: NaN });
  }
  const clean = (v: number[]) => {
    const med = runningMedian(v, Math.round(SMOOTH_MEDIAN_M / STEP_M));
    // fill gaps (centreline outside the coarse polygon) from the nearest measured sections
    const filled = med.map((x, i) => {
      if (Number.isFinite(x)) return x;
      let k = 1;
      while (k < med.length && !Number.isFinite(med[i - k] ?? NaN) && !Number.isFinite(med[i + k] ?? NaN)) k++;
      const a = med[i - k] ?? NaN;
      const b = med[i + k] ?? NaN;
      return Number.isFinite(a) && Number.isFinite(b) ? (a + b) / 2 : Number.isFinite(a) ? a : b;
    });
    return runningMean(filled, Math.round(SMOOTH_MEAN_M / STEP_M));
  };
  const left = clean(out.map((x) => x.left));
  const right = clean(out.map((x) => x.right));
  out.forEach((x, i) => {
    x.hl = left[i]!;
    x.hr = right[i]!;
    x.width = x.hl + x.hr;
  });
  return out;
}

/** Convex hull of a few points, counter-clockwise (monotone chain). */
function hull(pts: XY[]): XY[] {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: XY[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: XY[] = [];
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The water between the two bank lines (left bank p + n·hl, right bank p − n·hr of each
 * section), as a polygon in lon/lat clipped to the box. Each pair of consecutive sections
 * spans a quadrilateral (its convex hull where a tight bend twists it); the union of these
 * is traced as the zero level of max over quads of the signed distance to the quad's edges
 * (exact near the banks), on a CELL_M grid with linear interpolation. The ends are flat.
 */
function bufferSections(secs: Section[], box: [number, number, number, number]): Polygon | MultiPolygon {
  const [x0, y0] = toXY([box[0], box[1]]);
  const [x1, y1] = toXY([box[2], box[3]]);
  const w = Math.ceil((x1 - x0) / CELL_M);
  const h = Math.ceil((y1 - y0) / CELL_M);
  const field = new Float64Array(w * h).fill(-1e4);
  const bank = (x: Section, side: 1 | -1): XY => {
    const d = side > 0 ? x.hl : x.hr;
    return [x.p[0] + side * x.n[0] * d, x.p[1] + side * x.n[1] * d];
  };
  // cell (i, j): centre at x0 + (i + ½)·CELL, y1 − (j + ½)·CELL (row 0 at the north)
  for (let k = 0; k + 1 < secs.length; k++) {
    const q = hull([bank(secs[k]!, 1), bank(secs[k + 1]!, 1), bank(secs[k + 1]!, -1), bank(secs[k]!, -1)]);
    if (q.length < 3) continue;
    // inward unit normals of the hull's edges (CCW: inside is to the left)
    const edges = q.map((a, e) => {
      const b = q[(e + 1) % q.length]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      return { a, nx: -(b[1] - a[1]) / len, ny: (b[0] - a[0]) / len };
    });
    const xs = q.map((v) => v[0]);
    const ys = q.map((v) => v[1]);
    const pad = 2 * CELL_M;
    const i0 = Math.max(0, Math.floor((Math.min(...xs) - pad - x0) / CELL_M));
    const i1 = Math.min(w - 1, Math.ceil((Math.max(...xs) + pad - x0) / CELL_M));
    const j0 = Math.max(0, Math.floor((y1 - Math.max(...ys) - pad) / CELL_M));
    const j1 = Math.min(h - 1, Math.ceil((y1 - Math.min(...ys) + pad) / CELL_M));
    for (let j = j0; j <= j1; j++) {
      const cy = y1 - (j + 0.5) * CELL_M;
      for (let i = i0; i <= i1; i++) {
        const cx = x0 + (i + 0.5) * CELL_M;
        let v = Infinity;
        for (const e of edges) v = Math.min(v, (cx - e.a[0]) * e.nx + (cy - e.a[1]) * e.ny);
        const c = j * w + i;
        if (v > field[c]!) field[c] = v;
      }
    }
  }
  const mp = contours()
    .size([w, h])
    .smooth(true)
    .contour(field as unknown as number[], 0);
  const coordinates = mp.coordinates.map((poly) => poly.map((ring) => ring.map(([gx, gy]) => toLonLat(x0 + gx! * CELL_M, y1 - gy! * CELL_M))));
  const g: MultiPolygon = { type: 'MultiPolygon', coordinates };
  const simple = turf.simplify(turf.feature(g), { tolerance: SIMPLIFY_DEG, highQuality: true }).geometry;
  return simple.coordinates.length === 1 ? { type: 'Polygon', coordinates: simple.coordinates[0]! } : simple;
}

const RIVER_NAMES_EN: Record<OsmRiverId, string> = { jialing: 'Jialing River', yangtze: 'Yangtze River (Chang Jiang)' };

export interface OsmRivers {
  rivers: FeatureCollection;
  /** The centrelines (downstream), for checks and bridges. */
  lines: Record<OsmRiverId, Position[]>;
  sections: Record<OsmRiverId, Section[]>;
}

/** Builds the two river polygons, clipped to the district's context box. */
export function buildOsmRivers(district: Feature<Polygon | MultiPolygon>): OsmRivers {
  const box = contextBox(district);
  const water = waterRings();
  const lines = { jialing: osmCentreline('jialing'), yangtze: osmCentreline('yangtze') };
  const ySecs = sections(lines.yangtze, water.rings, lines.jialing);
  const yangtze = bufferSections(ySecs, box);
  // the Jialing is drawn until it is inside the Yangtze (+ JOIN_M of overlap): measured beyond
  // that, its rays run out into the confluence and widen it into the Jiangbeizui tip
  const yPoly = turf.feature(yangtze);
  const jLen = lineLength(lines.jialing);
  let enter = jLen;
  for (let s = 0; s <= jLen; s += STEP_M) {
    if (turf.booleanPointInPolygon(pointAlong(lines.jialing, s).point, yPoly)) {
      enter = s;
      break;
    }
  }
  const jSecs = sections(sliceAlong(lines.jialing, 0, Math.min(jLen, enter + JOIN_M)), water.rings, lines.yangtze);
  const secs = { jialing: jSecs, yangtze: ySecs };
  const jialingAll = bufferSections(jSecs, box);
  const jialing = turf.difference(turf.featureCollection([turf.feature(jialingAll), turf.feature(yangtze)]))!.geometry;
  const widthsIn = (id: OsmRiverId) => {
    const ws = secs[id].filter((x) => turf.booleanPointInPolygon(toLonLat(...x.p), turf.bboxPolygon(box))).map((x) => x.width);
    ws.sort((a, b) => a - b);
    return { min: Math.round(ws[0]!), median: Math.round(ws[Math.floor(ws.length / 2)]!), max: Math.round(ws[ws.length - 1]!) };
  };
  const feature = (id: OsmRiverId, g: Polygon | MultiPolygon): Feature => {
    const wd = widthsIn(id);
    return {
      type: 'Feature',
      id,
      properties: {
        id,
        name_zh: OSM_RIVER_NAME[id],
        name_en: RIVER_NAMES_EN[id],
        width_m: wd,
        source: `OpenStreetMap (© OpenStreetMap contributors, ODbL; extract of 2026-04-11): centreline = waterway=river ways ${centrelineIds(id).join(', ')}; distance to each bank measured every ${STEP_M} m against the simplified riverbank/reservoir polygons ${water.ids.join(', ')}, smoothed`,
        confidence: 'medium',
        note_en: `Water surface: OSM's centreline widened to the banks of OSM's (coarse) riverbank polygon, measured every ${STEP_M} m each side and smoothed (${wd.min}–${wd.max} m wide, median ${wd.median} m, in the drawn stretch). Banks are good to about ±50–150 m; real banks move with the season and the Three Gorges reservoir level.`,
        note_zh: `水面：以OSM河道中心线为基准，每${STEP_M}米分别量取至OSM（简化）河岸面两岸的距离并平滑后展宽（所绘江段宽${wd.min}–${wd.max}米，中位数${wd.median}米）。岸线误差约±50–150米；实际岸线随季节和三峡水库水位变化。`,
      },
      geometry: finishGeometry(g),
    };
  };
  return { rivers: { type: 'FeatureCollection', features: [feature('jialing', jialing), feature('yangtze', yangtze)] }, lines, sections: secs };
}

/** The section nearest to p (a lon/lat point) on a river: where a crossing there would start and end. */
export function nearestSection(secs: Section[], p: Position): Section {
  const [x, y] = toXY(p);
  let best = secs[0]!;
  let bd = Infinity;
  for (const sct of secs) {
    const d = Math.hypot(sct.p[0] - x, sct.p[1] - y);
    if (d < bd) {
      bd = d;
      best = sct;
    }
  }
  return best;
}
