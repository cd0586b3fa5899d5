/**
 * The derivation scripts: decoding, the half-step bias fix, GCJ-02 → WGS-84, and the
 * derived boundary, neighbours, rivers and bridges checked against independent figures
 * (the district's published area, a Wikipedia coordinate, the brief's tip position).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBoundary, buildNeighbours, gcjToWgs, loadChongqing } from '../../geodata/scripts/boundary';
import { decodeRing, STEP_DEG } from '../../geodata/scripts/echarts-decode';
import { distToLine, lineLength } from '../../geodata/scripts/geo';
import { buildAll, GENERATED_BY } from '../../geodata/scripts/layers';
import { centrelines, RIVER_WIDTH_M } from '../../geodata/scripts/rivers';

/** ECharts' encoder for one ring (zig-zag deltas + 64), used to make known strings. */
function encode(points: [number, number][], offset: [number, number]): string {
  let s = '';
  let [px, py] = offset;
  for (const [x, y] of points) {
    for (const d of [x - px, y - py]) s += String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    px = x;
    py = y;
  }
  return s;
}

const echarts = loadChongqing();
const boundary = buildBoundary(echarts);
const district = boundary.features[0] as Feature<Polygon>;
const km = (a: number[], b: number[]) => turf.distance(a, b, { units: 'kilometers' });

describe('echarts decoding', () => {
  it('decodes a known string: zig-zag deltas from the offset, in 1/1024°', () => {
    // '@@' = no move, 'BA' = +1 east, −1 north, 'DD' = +2, +2
    const ring = decodeRing('@@BADD', [106 * 1024, 29 * 1024]);
    const h = STEP_DEG / 2;
    expect(ring).toEqual([
      [106 + h, 29 + h],
      [106 + 1 / 1024 + h, 29 - 1 / 1024 + h],
      [106 + 3 / 1024 + h, 29 + 1 / 1024 + h],
    ]);
  });

  it('round-trips larger and negative steps', () => {
    const pts: [number, number][] = [
      [109_000, 30_000],
      [109_013, 29_990],
      [108_950, 30_031],
    ];
    const ring = decodeRing(encode(pts, [109_000, 30_000]), [109_000, 30_000]);
    ring.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(pts[i]![0] / 1024 + STEP_DEG / 2, 12);
      expect(p[1]).toBeCloseTo(pts[i]![1] / 1024 + STEP_DEG / 2, 12);
    });
  });

  it('adds half a grid step (~50 m) to remove the floor bias', () => {
    expect(STEP_DEG / 2).toBeCloseTo(1 / 2048, 12);
    const [p] = decodeRing('@@', [0, 0]);
    expect(turf.distance([0, 0], p!, { units: 'meters' })).toBeGreaterThan(60); // ½ step in both axes ≈ 77 m at the equator
    expect(turf.distance([0, 0], p!, { units: 'meters' })).toBeLessThan(80);
  });
});

describe('GCJ-02 → WGS-84', () => {
  it('shifts points 400–500 m here, towards the north-west', () => {
    for (const p of [
      [106.58, 29.57],
      [106.65, 29.62],
      [106.85, 29.64],
    ]) {
      const w = gcjToWgs(p);
      const d = turf.distance(p, w, { units: 'meters' });
      expect(d).toBeGreaterThan(400);
      expect(d).toBeLessThan(520);
      expect(w[0]).toBeLessThan(p[0]!); // GCJ-02 is offset east…
      expect(w[1]).toBeGreaterThan(p[1]!); // …and south of WGS-84 here
    }
  });
});

describe('boundary', () => {
  it('has about the published area (221 km²)', () => {
    const a = turf.area(district) / 1e6;
    expect(a).toBeGreaterThan(215);
    expect(a).toBeLessThan(230);
  });

  it('has its centroid near (106.65, 29.62) and the expected extent', () => {
    expect(km(turf.centroid(district).geometry.coordinates, [106.65, 29.62])).toBeLessThan(1.5);
    const [w, s, e, n] = turf.bbox(district);
    expect(w).toBeCloseTo(106.4477, 2);
    expect(s).toBeCloseTo(29.556, 2);
    expect(e).toBeCloseTo(106.8911, 2);
    expect(n).toBeCloseTo(29.6819, 2);
  });

  it('is RFC 7946: closed, counter-clockwise, 6 decimals', () => {
    const ring = district.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(turf.booleanClockwise(ring)).toBe(false);
    for (const p of ring) for (const v of p) expect(Math.abs(v * 1e6 - Math.round(v * 1e6))).toBeLessThan(1e-6);
  });
});

describe('neighbours', () => {
  const n = buildNeighbours(echarts);
  it('are exactly the five districts that share a border with Jiangbei', () => {
    expect(n.features.map((f) => f.properties!.name_zh).sort()).toEqual(['南岸区', '巴南区', '沙坪坝区', '渝中区', '渝北区'].sort());
  });
  it('each touch Jiangbei (share boundary, do not overlap it)', () => {
    for (const f of n.features) {
      const g = f as Feature<Polygon | MultiPolygon>;
      expect(turf.booleanIntersects(g, district), String(f.properties!.name_zh)).toBe(true);
      const overlap = turf.intersect(turf.featureCollection([g, district]));
      expect(overlap ? turf.area(overlap) / 1e6 : 0, String(f.properties!.name_zh)).toBeLessThan(0.5);
    }
  });
});

describe('rivers', () => {
  const layers = buildAll();
  const rivers = layers.rivers!;
  const c = centrelines(echarts);
  const riverPolys = rivers.features as Feature<Polygon | MultiPolygon>[];
  const inRiver = (p: number[]) => riverPolys.some((r) => turf.booleanPointInPolygon(p, r));

  it('cover Jiangbei’s whole river edge: every vertex in the water or within 100 m of it', () => {
    const edge = c.edge;
    expect(lineLength(edge) / 1000).toBeGreaterThan(60); // ~68 km of river frontage
    for (const p of edge) {
      if (inRiver(p)) continue;
      const d = Math.min(...riverPolys.map((r) => turf.pointToPolygonDistance(p, r, { units: 'meters' })));
      expect(d, p.join(',')).toBeLessThan(100);
    }
  });

  it('leave the land border with Yubei dry', () => {
    const ring = district.geometry.coordinates[0]!;
    const edge = c.edge;
    const land = ring.filter((p) => distToLine(p, edge) > 1000);
    expect(land.length).toBeGreaterThan(50);
    expect(land.filter(inRiver)).toEqual([]);
  });

  it('reach a few km beyond the district, upstream and downstream', () => {
    expect(lineLength(c.jialing) - lineLength(c.edge.slice(0, c.edge.indexOf(c.confluence) + 1))).toBeGreaterThan(3000);
    const eastCorner = c.edge[c.edge.length - 1]!;
    expect(km(eastCorner, c.yangtze[c.yangtze.length - 1]!)).toBeGreaterThan(3); // on past Jiangbei's east end
    expect(km(c.confluence, c.yangtze[0]!)).toBeGreaterThan(3); // and up the Yangtze past Chaotianmen
  });

  it('have realistic widths: area / centreline length', () => {
    const width = (id: 'jialing' | 'yangtze') => turf.area(rivers.features.find((f) => f.properties!.id === id)!) / lineLength(c[id]);
    expect(width('jialing')).toBeGreaterThan(300);
    expect(width('jialing')).toBeLessThan(450);
    expect(width('yangtze')).toBeGreaterThan(600);
    expect(width('yangtze')).toBeLessThan(900);
    expect(RIVER_WIDTH_M.jialing).toBeLessThan(RIVER_WIDTH_M.yangtze);
  });

  it('meet where the brief puts the Jiangbeizui tip (~106.583, 29.572)', () => {
    expect(km(c.confluence, [106.583, 29.572])).toBeLessThan(0.5);
  });

  it('agree with an independent coordinate: the Chaotianmen Bridge (Wikipedia 29.588871 N, 106.57721 E) is on the Yangtze', () => {
    const wiki = [106.57721, 29.588871];
    expect(distToLine(wiki, c.yangtze)).toBeLessThan(400);
    const bridge = layers.bridges!.features.find((f) => f.properties!.id === 'chaotianmen') as Feature<LineString>;
    expect(turf.pointToLineDistance(wiki, bridge, { units: 'meters' })).toBeLessThan(300);
  });
});

describe('bridges', () => {
  const layers = buildAll();
  const riverPolys = layers.rivers!.features as Feature<Polygon | MultiPolygon>[];
  const inRiver = (p: number[]) => riverPolys.some((r) => turf.booleanPointInPolygon(p, r));
  it.each(layers.bridges!.features.map((f) => [String(f.properties!.name_zh), f] as const))('%s crosses a river from bank to bank', (_n, f) => {
    const line = (f as Feature<LineString>).geometry.coordinates;
    expect(inRiver(line[0]!)).toBe(false);
    expect(inRiver(line[line.length - 1]!)).toBe(false);
    expect(turf.booleanIntersects(f, riverPolys.find((r) => r.properties!.id === f.properties!.river)!)).toBe(true);
    // one end in Jiangbei, one outside it
    const ends = [line[0]!, line[line.length - 1]!].map((p) => turf.booleanPointInPolygon(p, district));
    expect(ends.sort()).toEqual([false, true]);
  });
});

describe('reproducibility', () => {
  it('the shipped files are exactly what `npm run geodata` builds (replacement layers excepted)', () => {
    const layers = buildAll();
    let compared = 0;
    for (const [id, fc] of Object.entries(layers)) {
      const shipped = JSON.parse(readFileSync(new URL(`../../geodata/${id}.geojson`, import.meta.url), 'utf8')) as FeatureCollection & { generated_by?: string };
      if (shipped.generated_by !== GENERATED_BY) continue; // a planner's authoritative file: kept as it is
      expect(JSON.parse(JSON.stringify(fc)), id).toEqual(shipped);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('Hongensi park is drawn at its reported size (1,100 mu ≈ 73 ha)', () => {
    const f = buildAll().greenspaces!.features.find((x) => x.properties!.id === 'hongensi')!;
    expect(turf.area(f) / 1e4).toBeGreaterThan(66);
    expect(turf.area(f) / 1e4).toBeLessThan(80);
  });
});
