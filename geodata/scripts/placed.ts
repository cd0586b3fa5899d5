/**
 * Turns the hand-placed source files (geodata/src/*.source.json) into WGS-84 geometry:
 * CRS conversion (GCJ-02 / BD-09 → WGS-84 with gcoord), positions relative to the derived
 * river centrelines, offsets from other features, and simple schematic shapes clipped to
 * the district minus the rivers. See geodata/src/README.md for the placement forms.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { finishGeometry, locate, pointAlong, sliceAlong, toLonLat, toXY } from './geo';
import { type Centrelines, RIVER_WIDTH_M, type RiverId } from './rivers';

export function readSource<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../src/${name}`, import.meta.url)), 'utf8')) as T;
}

type Crs = 'WGS84' | 'GCJ02' | 'BD09';
export interface Along {
  river: RiverId;
  from_confluence_m: number;
  inland_m?: number;
}
export type Place =
  | { point: [number, number]; crs: Crs }
  | { along: Along }
  | { near: string; east_m?: number; north_m?: number }
  | { strip: { from: Along; to: Along; inland_m: [number, number] } };
export type Shape = { circle_m: number } | { ellipse_m: [number, number, number] } | { area_ha: number };

/** Converts a coordinate given in `crs` to WGS-84. */
function toWgs84(p: [number, number], crs: Crs): Position {
  if (crs === 'WGS84') return p;
  const from = crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform(p, from, gcoord.WGS84) as Position;
}

/** The least distance past the water's edge at which a bank place that fell in the water is put (m). */
const SHORE_M = 30;

/** Placement context: the river centrelines, the land polygon, and named anchors (landmarks, bridge ends). */
export class Placer {
  readonly anchors = new Map<string, Position>();
  private readonly station0: Record<RiverId, number>;

  /** Land within d metres of the water, per d (bands measured from the real water's edge). */
  private readonly nearWater = new Map<number, Feature<Polygon | MultiPolygon>>();

  constructor(
    readonly rivers: Centrelines,
    /** Jiangbei minus the river polygons: where land features may go. */
    readonly land: Feature<Polygon | MultiPolygon>,
    /**
     * The river polygons (rivers layer). When given, bands and strips along the bank are
     * measured from this water's edge; the centrelines then only fix where along the river
     * they start and end. Without it, from the nominal bank (centreline ± RIVER_WIDTH_M / 2).
     */
    readonly water?: Feature<Polygon | MultiPolygon>,
  ) {
    this.station0 = {
      jialing: locate(rivers.jialing, rivers.confluence),
      yangtze: locate(rivers.yangtze, rivers.confluence),
    };
  }

  line(river: RiverId): Position[] {
    return this.rivers[river];
  }

  /** Distance along the river's centreline (from its upstream end) for a station relative to the confluence. */
  station(a: Pick<Along, 'river' | 'from_confluence_m'>): number {
    return this.station0[a.river] + a.from_confluence_m;
  }

  /** Point `inland_m` from mid-river onto Jiangbei's bank (Jiangbei lies left of the flow), and the flow direction. */
  along(a: Along): { point: Position; dir: [number, number]; left: [number, number] } {
    const { point, dir } = pointAlong(this.line(a.river), this.station(a));
    const left: [number, number] = [-dir[1], dir[0]];
    const [x, y] = toXY(point);
    const d = a.inland_m ?? 0;
    return { point: toLonLat(x + left[0] * d, y + left[1] * d), dir, left };
  }

  point(place: Place): Position {
    if ('point' in place) return toWgs84(place.point, place.crs);
    if ('along' in place) {
      const { point, left } = this.along(place.along);
      // a place on the bank that lands in the (OSM) water is moved inland along the same
      // normal: as far past the real water's edge as it was meant to be past the nominal one
      // (inland_m − RIVER_WIDTH_M / 2), at least SHORE_M; its inland_m was measured for the
      // nominal river width, which the real channel exceeds in places
      const inland = place.along.inland_m ?? 0;
      if (!this.water || inland <= 0 || !turf.booleanPointInPolygon(point, this.water)) return point;
      const past = Math.max(SHORE_M, inland - RIVER_WIDTH_M[place.along.river] / 2);
      const [x, y] = toXY(point);
      for (let d = 10; d <= 1000; d += 10) {
        const q = toLonLat(x + left[0] * d, y + left[1] * d);
        if (!turf.booleanPointInPolygon(q, this.water)) return toLonLat(x + left[0] * (d + past), y + left[1] * (d + past));
      }
      return point;
    }
    if ('near' in place) {
      const key = place.near.replace(/^landmark:/, '');
      const base = this.anchors.get(key);
      if (!base) throw new Error(`unknown anchor "${place.near}"`);
      const [x, y] = toXY(base);
      return toLonLat(x + (place.east_m ?? 0), y + (place.north_m ?? 0));
    }
    throw new Error('a strip has no single point');
  }

  /** A polygon of the given shape around `centre`, optionally clipped to land. */
  shape(centre: Position, shape: Shape, clip: boolean): Polygon | MultiPolygon {
    const [cx, cy] = toXY(centre);
    let a: number;
    let b: number;
    let az = 0;
    if ('circle_m' in shape) a = b = shape.circle_m;
    else if ('area_ha' in shape) a = b = Math.sqrt((shape.area_ha * 10_000) / Math.PI);
    else [a, b, az] = shape.ellipse_m;
    const th = (az * Math.PI) / 180; // azimuth of the major axis, clockwise from north
    const ring: Position[] = [];
    const n = 48;
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      const u = a * Math.cos(t); // along the major axis
      const v = b * Math.sin(t);
      ring.push(toLonLat(cx + u * Math.sin(th) + v * Math.cos(th), cy + u * Math.cos(th) - v * Math.sin(th)));
    }
    ring.push(ring[0]!);
    let g: Polygon | MultiPolygon = { type: 'Polygon', coordinates: [ring] };
    if (clip) {
      const cut = turf.intersect(turf.featureCollection([turf.feature(g), this.land]));
      if (!cut) throw new Error(`shape at ${centre.join(',')} lies entirely off land`);
      g = cut.geometry;
    }
    return finishGeometry(g);
  }

  /** The bank line on Jiangbei's side between two stations of one river, offset `inland_m` from mid-river. */
  bankLine(river: RiverId, from: number, to: number, inlandM: number): Position[] {
    const line = sliceAlong(this.line(river), from, to);
    const out: Position[] = [];
    for (let i = 0; i < line.length; i++) {
      const a = line[Math.max(0, i - 1)]!;
      const b = line[Math.min(line.length - 1, i + 1)]!;
      const [ax, ay] = toXY(a);
      const [bx, by] = toXY(b);
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const [x, y] = toXY(line[i]!);
      out.push(toLonLat(x - ((by - ay) / len) * inlandM, y + ((bx - ax) / len) * inlandM));
    }
    return out;
  }

  /** The Jiangbei bank between two stations (possibly on both rivers, via the confluence) as a line on the bank. */
  bankPath(from: Along, to: Along, inlandM: (river: RiverId) => number): Position[][] {
    if (from.river === to.river) return [this.bankLine(from.river, this.station(from), this.station(to), inlandM(from.river))];
    // Jialing down to the confluence, then Yangtze from the confluence
    return [
      this.bankLine('jialing', this.station(from), this.station0.jialing, inlandM('jialing')),
      this.bankLine('yangtze', this.station0.yangtze, this.station(to), inlandM('yangtze')),
    ];
  }

  private withinOfWater(m: number): Feature<Polygon | MultiPolygon> {
    let g = this.nearWater.get(m);
    if (!g) {
      g = turf.buffer(this.water!, m, { units: 'meters', steps: 8 }) as Feature<Polygon | MultiPolygon>;
      this.nearWater.set(m, g);
    }
    return g;
  }

  /**
   * A strip of land along Jiangbei's bank from `nearM` to `nearM + depthM` metres from the
   * water's edge (the rivers layer), between two stations on the centrelines: the land in
   * that distance of the water inside a corridor cut square at the two stations (the union
   * of the quadrilaterals between the centreline and a line far enough inland).
   */
  bankBand(from: Along, to: Along, nearM: number, depthM: number): Polygon | MultiPolygon {
    if (!this.water) return this.nominalBankBand(from, to, nearM, depthM);
    const reach = (r: RiverId) => RIVER_WIDTH_M[r] / 2 + nearM + depthM + 400; // the real bank lies within ~±380 m of the nominal one
    const inner = this.bankPath(from, to, () => 0);
    const outer = this.bankPath(from, to, reach);
    const quads: Feature<Polygon>[] = [];
    inner.forEach((a, k) => {
      const b = outer[k]!;
      for (let i = 0; i + 1 < a.length; i++) quads.push(turf.convex(turf.points([a[i]!, a[i + 1]!, b[i + 1]!, b[i]!]))!);
    });
    let g: Feature<Polygon | MultiPolygon> | null = turf.union(turf.featureCollection(quads));
    if (g) g = turf.intersect(turf.featureCollection([g, this.land]));
    if (g) g = turf.intersect(turf.featureCollection([g, this.withinOfWater(nearM + depthM)]));
    if (g && nearM > 0) g = turf.difference(turf.featureCollection([g, this.withinOfWater(nearM)]));
    if (!g) throw new Error('band lies off land');
    const simple = turf.simplify(g, { tolerance: 0.00005, highQuality: true });
    return finishGeometry(simple.geometry);
  }

  /** A strip of land along Jiangbei's bank, `depth_m` deep from the water's edge (nominal river width). */
  private nominalBankBand(from: Along, to: Along, nearM: number, depthM: number): Polygon | MultiPolygon {
    // a buffer around a line inside the band, reaching 30 m into the water (clipped off below) so the
    // band meets the water's edge cleanly, and exactly depthM onto the land
    const paths = this.bankPath(from, to, (r) => RIVER_WIDTH_M[r] / 2 + nearM + depthM / 2 - 15);
    const parts = paths.map((p) => turf.buffer(turf.lineString(p), depthM / 2 + 15, { units: 'meters', steps: 4 })!);
    let g: Feature<Polygon | MultiPolygon> = parts[0]!;
    for (const p of parts.slice(1)) g = turf.union(turf.featureCollection([g, p]))!;
    const cut = turf.intersect(turf.featureCollection([g, this.land]));
    if (!cut) throw new Error('band lies off land');
    const simple = turf.simplify(cut, { tolerance: 0.00005, highQuality: true });
    return finishGeometry(simple.geometry);
  }

  /** A bridge: perpendicular to the centreline at the station, river width plus a landing each side. */
  bridge(river: RiverId, fromConfluenceM: number, landingM: number): LineString {
    const half = RIVER_WIDTH_M[river] / 2 + landingM;
    const jb = this.along({ river, from_confluence_m: fromConfluenceM, inland_m: half }).point;
    const far = this.along({ river, from_confluence_m: fromConfluenceM, inland_m: -half }).point;
    return finishGeometry({ type: 'LineString', coordinates: [far, jb] }); // drawn from the far bank to Jiangbei
  }
}

export function pointGeometry(p: Position): Point {
  return finishGeometry({ type: 'Point', coordinates: p });
}
