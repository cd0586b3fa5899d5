/**
 * The derivation scripts: decoding, the half-step bias fix, GCJ-02 → WGS-84, and the
 * derived boundary, neighbours, rivers and bridges checked against independent figures
 * (the district's published area, a Wikipedia coordinate, the brief's tip position).
 */

import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildBoundary, buildNeighbours, gcjToWgs, loadChongqing } from '../../geodata/scripts/boundary';
import { decodeRing, STEP_DEG } from '../../geodata/scripts/echarts-decode';
import { distToLine, lineLength, pointAlong } from '../../geodata/scripts/geo';
import { buildAll, GENERATED_BY } from '../../geodata/scripts/layers';
import { englishName } from '../../geodata/scripts/names';
import { readOsm } from '../../geodata/scripts/osm';
import { mergeLines, railPieces } from '../../geodata/scripts/osm-railways';
import { buildOsmRivers, contextBox, nearestSection, type OsmRiverId, waterRings } from '../../geodata/scripts/osm-rivers';
import { osmSource } from '../../geodata/scripts/osm-source';
import { centrelines } from '../../geodata/scripts/rivers';

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

/** Features per tier inside / outside Jiangbei (geodata/README.md quotes these). */
const GREEN_INSIDE = { park: 18, garden: 56, leisure: 21 };
const GREEN_OUTSIDE = { park: 33, garden: 79, leisure: 67 };
const SPORTS_INSIDE = { park: 0, garden: 0, leisure: 60 };
const SPORTS_OUTSIDE = { park: 0, garden: 0, leisure: 75 };

const echarts = loadChongqing();
const boundary = buildBoundary(echarts);
const district = boundary.features[0] as Feature<Polygon>;
const km = (a: number[], b: number[]) => turf.distance(a, b, { units: 'kilometers' });
let built: ReturnType<typeof buildAll> | undefined;
/** One build shared by the describes that only read it (a build takes several seconds). */
const shared = () => (built ??= buildAll());
const osmWater = readOsm<Polygon | MultiPolygon>('water_simplified');

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

describe('rivers (OSM centrelines widened to OSM’s riverbanks)', () => {
  const layers = shared();
  const rivers = layers.rivers!;
  const c = centrelines(echarts);
  const osm = buildOsmRivers(district);
  const riverPolys = rivers.features as Feature<Polygon | MultiPolygon>[];
  const inRiver = (p: Position) => riverPolys.some((r) => turf.booleanPointInPolygon(p, r));
  const toWater = (p: Position) => Math.min(...riverPolys.map((r) => turf.pointToPolygonDistance(p, r, { units: 'meters' })));
  const widthAt = (id: OsmRiverId, p: Position) => {
    const s = nearestSection(osm.sections[id], p);
    return s.hl + s.hr;
  };

  it('hold Jiangbei’s river edge: ≥ 90 % of the mid-river border (every 50 m) in the water, the rest within 200 m of it', () => {
    // the echarts border is generalised (±100–200 m): measured 93.4 %, the farthest miss 173 m
    const edge = c.edge;
    expect(lineLength(edge) / 1000).toBeGreaterThan(60); // ~68 km of river frontage
    let n = 0;
    let wet = 0;
    for (let s = 0; s <= lineLength(edge); s += 50, n++) {
      const p = pointAlong(edge, s).point;
      if (inRiver(p)) wet++;
      else expect(toWater(p), p.join(',')).toBeLessThan(200);
    }
    expect(wet / n).toBeGreaterThan(0.9);
  }, 30_000);

  it('leave the land border with Yubei dry', () => {
    const ring = district.geometry.coordinates[0]!;
    const land = ring.filter((p) => distToLine(p, c.edge) > 1000);
    expect(land.length).toBeGreaterThan(50);
    expect(land.filter(inRiver)).toEqual([]);
  });

  it('fit OSM’s riverbank polygons: ≥ 90 % of their vertices along the two rivers within 150 m of the drawn banks', () => {
    // the riverbank polygons keep a vertex every 500–1,200 m, each on the real bank (measured: 93.9 %, median 36 m)
    const lines = (['jialing', 'yangtze'] as const).map((r) => osm.lines[r]);
    const banks = riverPolys.flatMap((r) => turf.flatten(turf.polygonToLine(r) as Feature<LineString>).features);
    const [w, s, e, n] = turf.bbox(rivers);
    const d: number[] = [];
    for (const id of waterRings().ids) {
      const f = osmWater.features.find((x) => x.properties.osm_id === id)!;
      for (const ring of f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat())
        for (const p of ring.slice(0, -1)) {
          if (p[0]! < w + 0.01 || p[0]! > e - 0.01 || p[1]! < s + 0.01 || p[1]! > n - 0.01) continue; // cut by the box
          if (Math.min(...lines.map((l) => distToLine(p, l))) > 1200) continue; // far side of an island, a tributary
          d.push(Math.min(...banks.map((b) => turf.pointToLineDistance(p, b, { units: 'meters' }))));
        }
    }
    expect(d.length).toBeGreaterThan(150);
    expect(d.filter((x) => x <= 150).length / d.length).toBeGreaterThan(0.9);
  }, 30_000);

  it('reach ~3 km past the district: over the analysis margin (2 km) and the stations’ context', () => {
    const [, ds, de, dn] = turf.bbox(district);
    const bb = (id: string) => turf.bbox(rivers.features.find((f) => f.properties!.id === id)!);
    expect(km([de, 29.66], [bb('yangtze')[2], 29.66])).toBeGreaterThan(2.5); // downstream, east
    expect(km([106.5, ds], [106.5, bb('yangtze')[1]])).toBeGreaterThan(2.5); // upstream past Chaotianmen, south
    expect(km([106.5, dn], [106.5, bb('jialing')[3]])).toBeGreaterThan(2.5); // up the Jialing, north
  });

  it('meet within 500 m of the Jiangbeizui tip (~106.583, 29.572)', () => {
    expect(km(osm.lines.jialing[osm.lines.jialing.length - 1]!, [106.583, 29.572])).toBeLessThan(0.5);
  });

  it('agree with an independent coordinate: the Chaotianmen Bridge (Wikipedia 29.588871 N, 106.57721 E) is on the Yangtze, on OSM’s deck', () => {
    const wiki = [106.57721, 29.588871];
    expect(inRiver(wiki)).toBe(true);
    expect(distToLine(wiki, osm.lines.yangtze)).toBeLessThan(100);
    const bridge = layers.bridges!.features.find((f) => f.properties!.id === 'chaotianmen') as Feature<LineString>;
    expect(turf.pointToLineDistance(wiki, bridge, { units: 'meters' })).toBeLessThan(100);
  });

  it('have plausible widths at named crossings (bank to bank, across the flow)', () => {
    const at = (id: string) => layers.bridges!.features.find((f) => f.properties!.id === id) as Feature<LineString>;
    const cross = (id: string, r: OsmRiverId) => turf.lineIntersect(at(id), turf.lineString(osm.lines[r])).features[0]!.geometry.coordinates;
    expect(widthAt('jialing', cross('qiansimen', 'jialing'))).toBeGreaterThan(300); // Qiansimen: measured 414 m
    expect(widthAt('jialing', cross('qiansimen', 'jialing'))).toBeLessThan(500);
    expect(widthAt('yangtze', cross('chaotianmen', 'yangtze'))).toBeGreaterThan(500); // Chaotianmen: measured 763 m
    expect(widthAt('yangtze', cross('chaotianmen', 'yangtze'))).toBeLessThan(900);
    const median = (id: OsmRiverId) => (rivers.features.find((f) => f.properties!.id === id)!.properties!.width_m as { median: number }).median;
    expect(median('jialing')).toBeGreaterThan(350);
    expect(median('jialing')).toBeLessThan(500);
    expect(median('yangtze')).toBeGreaterThan(600);
    expect(median('yangtze')).toBeLessThan(850);
  });

  it('let OSM’s rail decks across the two rivers land on the banks (ends out of the water, or within 10 m of its edge)', () => {
    // every OSM bridge=T deck that crosses a centreline inside the drawn stretch; measured: 26, one end 3 m in (Line 6 at Dongshuimen, Nan'an side)
    const [w, s, e, n] = turf.bbox(rivers);
    const inBox = (p: Position) => p[0]! > w && p[0]! < e && p[1]! > s && p[1]! < n;
    const groups = new Map<string, Position[][]>();
    for (const p of railPieces().filter((x) => x.bridge))
      (groups.get(`${p.name}|${p.fclass}`) ?? groups.set(`${p.name}|${p.fclass}`, []).get(`${p.name}|${p.fclass}`)!).push(p.c);
    let decks = 0;
    for (const parts of groups.values())
      for (const d of mergeLines(parts)) {
        const ends = [d[0]!, d[d.length - 1]!];
        if (!ends.every(inBox) || !(['jialing', 'yangtze'] as const).some((r) => turf.booleanIntersects(turf.lineString(d), turf.lineString(osm.lines[r]))))
          continue;
        decks++;
        // pointToPolygonDistance is negative inside: how far into the water an end reaches
        for (const p of ends)
          expect(Math.min(...riverPolys.map((r) => turf.pointToPolygonDistance(p, r, { units: 'meters' }))), p.join(',')).toBeGreaterThan(-10);
      }
    expect(decks).toBeGreaterThan(20);
  }, 30_000);
});

describe('bridges', () => {
  const layers = shared();
  const bridges = layers.bridges!.features as Feature<LineString>[];
  const riverPolys = layers.rivers!.features as Feature<Polygon | MultiPolygon>[];
  const inRiver = (p: Position) => riverPolys.some((r) => turf.booleanPointInPolygon(p, r));
  const byId = (id: string) => bridges.find((f) => f.properties!.id === id)!;

  it.each(bridges.map((f) => [String(f.properties!.name_zh), f] as const))('%s crosses a river from bank to bank', (_n, f) => {
    const line = f.geometry.coordinates;
    expect(inRiver(line[0]!)).toBe(false);
    expect(inRiver(line[line.length - 1]!)).toBe(false);
    expect(turf.booleanIntersects(f, riverPolys.find((r) => r.properties!.id === f.properties!.river)!)).toBe(true);
    // one end in Jiangbei, one outside it
    const ends = [line[0]!, line[line.length - 1]!].map((p) => turf.booleanPointInPolygon(p, district));
    expect(ends.sort()).toEqual([false, true]);
  });

  it('are 14 crossings: 9 a pedestrian can use (8 before + 双碑), 3 of them on OSM’s road-and-rail decks, and 5 rail-only', () => {
    const kinds = (k: string) =>
      bridges
        .filter((f) => f.properties!.kind === k)
        .map((f) => String(f.properties!.id))
        .sort();
    expect(bridges).toHaveLength(14);
    expect(kinds('road+rail')).toEqual(['chaotianmen', 'qiansimen', 'yuao']);
    expect(kinds('road')).toEqual(['dafosi', 'guojiatuo', 'huanghuayuan', 'jialingjiang', 'shimen', 'shuangbei']);
    expect(kinds('rail')).toHaveLength(5);
    expect(bridges.filter((f) => f.properties!.walkable === true)).toHaveLength(9);
  });

  it('describe a rail crossing whose name OSM lacks, never name it, and do not let pedestrians use it', () => {
    for (const f of bridges.filter((x) => x.properties!.kind === 'rail')) {
      expect(f.properties).toMatchObject({ unnamed: true, walkable: false, confidence: 'high' });
      expect(f.properties!.name_zh).toMatch(/桥（名称未知）$/);
      expect(f.properties!.name_en).toMatch(/\(name unknown\)$/);
      expect(f.properties!.id).toMatch(/^osm-\d+$/);
      expect(f.properties!.source).toMatch(/^deck: osm:way\/\d+/);
    }
    expect(byId('osm-907042297').properties!.name_zh).toBe('轨道交通10号线嘉陵江桥（名称未知）');
  });

  it('draw a road bridge that shares OSM’s rail deck on that deck: 渝澳大桥 is on Line 3, 20 m from OSM’s place node 重庆渝澳嘉陵江大桥', () => {
    for (const id of ['qiansimen', 'yuao', 'chaotianmen']) expect(byId(id).properties!.source, id).toMatch(/^deck: osm:way\/\d+/);
    expect(turf.pointToLineDistance([106.5367236, 29.5630541], byId('yuao'), { units: 'meters' })).toBeLessThan(30);
  });
});

describe('stations (OSM)', () => {
  const layers = shared();
  const st = layers.stations!.features as Feature<Point>[];
  const inside = st.filter((f) => !f.properties!.outside);

  it('are one feature per station: 观音桥’s two OSM nodes are one station', () => {
    const gyq = st.filter((f) => f.properties!.name_zh === '观音桥');
    expect(gyq).toHaveLength(1);
    expect(gyq[0]!.properties).toMatchObject({ id: 'osm-1856754755', name_en: 'Guanyinqiao Station', kind: 'metro', outside: false, confidence: 'high' });
  });

  it('count 40 inside Jiangbei (35 metro, 5 rail) and 77 within 3 km outside it', () => {
    expect(inside.filter((f) => f.properties!.kind === 'metro')).toHaveLength(35);
    expect(inside.filter((f) => f.properties!.kind === 'rail')).toHaveLength(5);
    expect(st.filter((f) => f.properties!.outside)).toHaveLength(77);
    for (const f of st) expect(f.properties!.outside, String(f.properties!.name_zh)).toBe(!turf.booleanPointInPolygon(f.geometry.coordinates, district));
  });

  it('keep a metro and a railway station of the same name apart (唐家沱)', () => {
    expect(
      st
        .filter((f) => f.properties!.name_zh === '唐家沱')
        .map((f) => f.properties!.kind)
        .sort(),
    ).toEqual(['metro', 'rail']);
  });
});

describe('railways (OSM, context)', () => {
  const layers = shared();
  const rw = layers.railways!.features;
  it('name CRT lines by the rules in geodata/src/railway-names.json', () => {
    const en = (zh: string) => rw.find((f) => f.properties!.name_zh === zh)!.properties!.name_en;
    expect(en('3号线')).toBe('CRT Line 3');
    expect(en('环线')).toBe('CRT Loop Line');
    expect(en('渝怀线')).toBe('Yuhuai Railway');
    expect(rw.some((f) => f.properties!.name_zh === '重慶軌道交通10號線')).toBe(false); // merged into 10号线
  });
  it('carry kind and tunnel, and stay in the context box', () => {
    const [w, s, e, n] = contextBox(district);
    const eps = 1e-6;
    for (const f of rw) {
      expect(['metro', 'monorail', 'rail']).toContain(f.properties!.kind);
      expect(typeof f.properties!.tunnel).toBe('boolean');
      const out = turf.coordAll(f).filter(([x, y]) => x! < w - eps || x! > e + eps || y! < s - eps || y! > n + eps);
      expect(out, String(f.properties!.id)).toEqual([]);
    }
  });
});

describe('built-up land (OSM evidence)', () => {
  const layers = shared();
  const bu = layers.builtup!.features as Feature<Polygon | MultiPolygon>[];
  const onBuiltup = (p: Position) => bu.some((f) => turf.booleanPointInPolygon(p, f));

  it('holds every metro station of Jiangbei', () => {
    const metro = layers.stations!.features.filter((f) => f.properties!.kind === 'metro' && !f.properties!.outside) as Feature<Point>[];
    expect(metro.length).toBeGreaterThan(30);
    expect(metro.filter((f) => !onBuiltup(f.geometry.coordinates)).map((f) => f.properties!.name_zh)).toEqual([]);
  });

  it('leaves out the forest on the Tongluo ridge (OSM protected area 1271417286, inside the district)', () => {
    const forest = readOsm<Polygon | MultiPolygon>('protected_areas_a').features.find((f) => f.properties.osm_id === '1271417286')!;
    expect(turf.booleanPointInPolygon(turf.centroid(forest), district)).toBe(true);
    for (const f of bu) {
      const o = turf.intersect(turf.featureCollection([f, forest as Feature<Polygon | MultiPolygon>]));
      expect(o ? turf.area(o) : 0).toBeLessThan(10_000); // < 1 ha of 974 ha
    }
  });

  it('is approximate and says so: low confidence, 40–70 km² (53.0 km²; the schematic layer was 61.4 km²)', () => {
    const km2 = bu.reduce((s, f) => s + turf.area(f), 0) / 1e6;
    expect(km2).toBeGreaterThan(40);
    expect(km2).toBeLessThan(70);
    for (const f of bu) expect(f.properties).toMatchObject({ confidence: 'low', approximate: true });
  });
});

describe('reproducibility', () => {
  it('the shipped files are exactly what `npm run geodata` builds (replacement layers excepted)', () => {
    const layers = shared(); // the build is pure: the one shared build is a fresh build
    let compared = 0;
    for (const [id, fc] of Object.entries(layers)) {
      const shipped = JSON.parse(readFileSync(new URL(`../../geodata/${id}.geojson`, import.meta.url), 'utf8')) as FeatureCollection & {
        generated_by?: string;
      };
      if (shipped.generated_by !== GENERATED_BY) continue; // a planner's authoritative file: kept as it is
      expect(JSON.parse(JSON.stringify(fc)), id).toEqual(shipped);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  }, 60_000);

  it('writes one feature per line, so a change reads as a line-by-line diff', () => {
    for (const id of ['greenspaces', 'sports']) {
      const text = readFileSync(new URL(`../../geodata/${id}.geojson`, import.meta.url), 'utf8');
      const n = (JSON.parse(text) as FeatureCollection).features.length;
      expect(text.trimEnd().split('\n'), id).toHaveLength(n + 2); // header line, one per feature, closing line
    }
  });
});

describe('green spaces and sports grounds from OpenStreetMap', () => {
  const layers = buildAll();
  const gs = layers.greenspaces!.features;
  const sp = layers.sports!.features;
  const byId = (id: string) => gs.find((f) => f.properties!.id === id)!;
  const stations = (
    JSON.parse(readFileSync(new URL('../../geodata/src/osm/transport.geojson', import.meta.url), 'utf8')) as FeatureCollection<Point>
  ).features.filter((f) => f.properties!.fclass === 'railway_station');
  const count = (fs: Feature[], outside: boolean) => {
    const c: Record<string, number> = { park: 0, garden: 0, leisure: 0 };
    for (const f of fs) if (f.properties!.outside === outside) c[String(f.properties!.tier)]!++;
    return c;
  };

  it('嘉陵公园 is an OSM outline (4.1 ha, garden) within 300 m of OSM’s 观音桥 station', () => {
    const f = gs.find((x) => x.properties!.name_zh === '嘉陵公园')!;
    expect(f.properties).toMatchObject({ id: 'osm-229876391', tier: 'garden', outside: false, unnamed: false, osm_fclass: 'park', confidence: 'high' });
    expect(f.geometry.type).toBe('Polygon');
    const gyq = stations.filter((s) => s.properties!.name === '观音桥');
    expect(gyq.length).toBeGreaterThan(0);
    const d = Math.min(...gyq.map((s) => turf.pointToPolygonDistance(s.geometry.coordinates, f as Feature<Polygon>, { units: 'meters' })));
    expect(d).toBeLessThan(300);
  });

  it('counts per tier, inside and outside the district (OSM 2026-04-11 + the kept hand-placed places)', () => {
    expect(count(gs, false)).toEqual(GREEN_INSIDE);
    expect(count(gs, true)).toEqual(GREEN_OUTSIDE);
    expect(count(sp, false)).toEqual(SPORTS_INSIDE);
    expect(count(sp, true)).toEqual(SPORTS_OUTSIDE);
  });

  it('has unique ids across both layers', () => {
    const ids = [...gs, ...sp].map((f) => String(f.properties!.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes unnamed places by a real OSM station (within 1.5 km) or place, never by an invented name', () => {
    const places = new Set(
      ['places', 'subdistrict_points'].flatMap((file) =>
        (JSON.parse(readFileSync(new URL(`../../geodata/src/osm/${file}.geojson`, import.meta.url), 'utf8')) as FeatureCollection).features.map((f) =>
          String(f.properties!.name ?? f.properties!.name_zh),
        ),
      ),
    );
    const unnamed = [...gs, ...sp].filter((f) => f.properties!.unnamed === true && String(f.properties!.source).startsWith('osm:'));
    expect(unnamed.length).toBeGreaterThan(100);
    for (const f of unnamed) {
      const p = f.properties!;
      const m = /^未命名.+（(?:[\d.]+ 公顷，)?近(.+?)(?:，.*)?）$/.exec(String(p.name_zh));
      expect(m, String(p.name_zh)).not.toBeNull();
      expect(String(p.name_en)).toMatch(/^Unnamed .+ near /);
      const near = m![1]!;
      const station = stations.filter((s) => `${String(s.properties!.name).replace(/站$/, '')}站` === near);
      if (station.length) {
        const at = f.geometry.type === 'Point' ? (f.geometry as Point).coordinates : turf.pointOnFeature(f).geometry.coordinates;
        expect(Math.min(...station.map((s) => turf.distance(at, s.geometry.coordinates, { units: 'meters' }))), String(p.name_zh)).toBeLessThan(1600);
      } else expect(places.has(near), `${String(p.name_zh)}: ${near} is neither an OSM station nor an OSM place`).toBe(true);
    }
  });

  it('keeps OSM names as they are and romanises them with the generic part translated', () => {
    expect(byId('osm-1014548064').properties).toMatchObject({ name_zh: '江北石子山体育公园', name_en: 'Jiangbei Shizishan Sports Park', tier: 'park' });
    expect(byId('osm-20130442').properties).toMatchObject({ name_zh: '鸿恩寺公园', name_en: "Hong'ensi Park", tier: 'park' });
    expect(englishName('聚贤岩广场')).toBe('Juxianyan Square');
    expect(englishName('石河溪湿地公园')).toBe('Shihexi Wetland Park');
  });

  it('takes 铁山坪森林公园’s outline from the OSM protected area on the Tongluo ridge, not the hand-placed ellipse', () => {
    const f = byId('osm-1271417286');
    expect(f.properties).toMatchObject({ name_zh: '铁山坪森林公园', tier: 'park', outside: false, osm_fclass: 'nature_reserve', confidence: 'medium' });
    expect(String(f.properties!.source)).toMatch(/^osm:way\/1271417286; OSM protected area/);
    expect(turf.area(f) / 1e4).toBeGreaterThan(900);
  });

  it('keeps a hand-placed green space only where OSM lacks the place', () => {
    const hand = gs.filter((f) => String(f.properties!.source).startsWith('hand-placed')).map((f) => String(f.properties!.id));
    expect(hand.sort()).toEqual(['baodingmen-wall', 'grand-theatre-square', 'guanyinqiao-square', 'shanshui-beibin', 'yuao-underbridge']);
    for (const gone of [
      'hongensi',
      'tieshanping',
      'shizishan-sports',
      'tashan',
      'jiangbeizui-jiangtan',
      'jiangbeizui-central',
      'fuyoulu-community',
      'gailanxi-sports',
      'jialing-park',
    ])
      expect(hand, gone).not.toContain(gone);
  });

  it('merges touching sports outlines into one ground and leaves school grounds out', () => {
    const dtw = sp.find((f) => f.properties!.name_zh === '大田湾体育场')!;
    expect(String(dtw.properties!.source)).toMatch(/merged into one ground/);
    for (const f of sp) expect(f.properties!.tier).toBe('leisure');
  });

  it('moves a landmark OSM has to OSM’s position and drops the hand-placed stations', () => {
    const lm = layers.landmarks!.features;
    expect(lm.filter((f) => f.properties!.kind === 'station')).toEqual([]);
    expect(String(lm.find((f) => f.properties!.id === 'chongqing-grand-theatre')!.properties!.source)).toMatch(/^osm:way\/486221629/);
  });
});

describe('OSM source labels', () => {
  it('say node / relation / way only when the id and geometry prove it', () => {
    const sq = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.3, 0.3],
      [0.3, 0.2],
      [0.2, 0.2],
    ];
    expect(osmSource('5', { type: 'Point', coordinates: [0, 0] })).toBe('osm:node/5');
    expect(osmSource('17380382', { type: 'Polygon', coordinates: [sq, hole] })).toBe('osm:relation/17380382');
    expect(osmSource('1271417286', { type: 'Polygon', coordinates: [sq] })).toBe('osm:way/1271417286');
    expect(osmSource('20130442', { type: 'Polygon', coordinates: [sq] })).toBe('osm:way-or-relation/20130442');
  });
});
