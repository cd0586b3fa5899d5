/**
 * Derives the `rivers` layer: the Yangtze (长江) and the Jialing (嘉陵江) as water polygons.
 *
 * Chongqing's district borders run down the middle of the two rivers, so in the echarts
 * data the river is where districts on opposite banks meet. Jiangbei's whole boundary
 * except its land border with Yubei (渝北) is river: the Jialing against Shapingba and
 * Yuzhong, then the Yangtze against Nan'an and Banan. The centrelines are those shared
 * edges (plus a few km of the Shapingba–Yubei, Yuzhong–Nan'an and Yubei–Banan edges for
 * context), simplified by 25 m and buffered to a nominal width: Jialing 380 m, Yangtze 760 m.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Polygon, MultiPolygon, Position } from 'geojson';
import { districtGeometry, loadChongqing, ringsOf, sharedRuns, SOURCE, type EncodedFeature } from './boundary';
import { distToLine, finishGeometry, lineLength, locate, sliceAlong, toXY } from './geo';

export const RIVER_WIDTH_M = { jialing: 380, yangtze: 760 } as const;
export type RiverId = keyof typeof RIVER_WIDTH_M;
/** How far beyond Jiangbei the context stretches reach, upstream and downstream (m). */
export const CONTEXT_M = 4000;

const near = (a: Position, b: Position) => {
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  return Math.hypot(ax - bx, ay - by);
};

/**
 * Jiangbei's river edge: its boundary minus the land border with Yubei, as one line running
 * downstream (CCW ring order): from the Jialing at the Shapingba–Yubei corner, past the
 * confluence, to the Yangtze at the Banan–Yubei corner.
 */
export function jiangbeiRiverEdge(features: EncodedFeature[]): Position[] {
  const ring = ringsOf(districtGeometry(features, '江北区'))[0]!;
  const yubei = ringsOf(districtGeometry(features, '渝北区'));
  const pts = ring.slice(0, -1);
  const onYubei = pts.map((p) => yubei.some((r) => distToLine(p, r) <= 40));
  // longest cyclic run of vertices not on the Yubei border, widened by the two corner vertices
  const n = pts.length;
  let best: number[] = [];
  let cur: number[] = [];
  const start = onYubei.findIndex(Boolean);
  for (let k = 1; k <= n; k++) {
    const i = (start + k) % n;
    if (!onYubei[i]) cur.push(i);
    else {
      if (cur.length > best.length) best = cur;
      cur = [];
    }
  }
  if (cur.length > best.length) best = cur;
  const first = (best[0]! - 1 + n) % n;
  const last = (best[best.length - 1]! + 1) % n;
  return [pts[first]!, ...best.map((i) => pts[i]!), pts[last]!];
}

/** The shared edge between two districts that touches `at`, oriented to start there. */
function contextEdge(features: EncodedFeature[], a: string, b: string, at: Position, tolM: number): Position[] {
  const ringA = ringsOf(districtGeometry(features, a))[0]!;
  const runs = sharedRuns(ringA, districtGeometry(features, b), tolM);
  let best: Position[] | undefined;
  let bestD = Infinity;
  for (const r of runs) {
    for (const cand of [r, [...r].reverse()]) {
      const d = near(cand[0]!, at);
      if (d < bestD) {
        bestD = d;
        best = cand;
      }
    }
  }
  if (!best || bestD > 1500) throw new Error(`no shared ${a}/${b} edge near ${at.join(',')}`);
  return bestD > 1 ? [at, ...best] : best;
}

function trimTo(line: Position[], m: number): Position[] {
  return lineLength(line) <= m ? line : sliceAlong(line, 0, m);
}

export interface Centrelines {
  jialing: Position[];
  yangtze: Position[];
  /** Jiangbei's own river edge (subset of the two centrelines). */
  edge: Position[];
  /** Index in `edge` of the confluence vertex (Jiangbei–Yuzhong–Nan'an corner). */
  confluence: Position;
}

export function centrelines(features = loadChongqing()): Centrelines {
  const edge = jiangbeiRiverEdge(features);
  // the confluence: the vertex of Jiangbei's edge where the Yuzhong–Nan'an border arrives
  const yzRuns = sharedRuns(ringsOf(districtGeometry(features, '渝中区'))[0]!, districtGeometry(features, '南岸区'));
  const yzEnds = yzRuns.flatMap((r) => [r[0]!, r[r.length - 1]!]);
  let ci = 0;
  let cd = Infinity;
  edge.forEach((p, i) => {
    for (const e of yzEnds) {
      const d = near(p, e);
      if (d < cd) {
        cd = d;
        ci = i;
      }
    }
  });
  const confluence = edge[ci]!;
  const jialingInJb = edge.slice(0, ci + 1);
  const yangtzeInJb = edge.slice(ci);
  const upJialing = trimTo(contextEdge(features, '沙坪坝区', '渝北区', edge[0]!, 150), CONTEXT_M).reverse();
  const upYangtze = trimTo(contextEdge(features, '渝中区', '南岸区', confluence, 40), 1e9).reverse();
  const downYangtze = trimTo(contextEdge(features, '渝北区', '巴南区', edge[edge.length - 1]!, 40), CONTEXT_M);
  const join = (...parts: Position[][]) => {
    const out: Position[] = [];
    for (const p of parts) for (const q of p) if (!out.length || near(out[out.length - 1]!, q) > 1) out.push(q);
    return out;
  };
  return {
    jialing: join(upJialing, jialingInJb),
    yangtze: join(upYangtze, yangtzeInJb, downYangtze),
    edge,
    confluence,
  };
}

/** Simplify a centreline by ~25 m, keeping its ends. */
function simplifyLine(line: Position[]): Position[] {
  return (turf.simplify(turf.lineString(line), { tolerance: 0.00025, highQuality: true }) as Feature<LineString>).geometry.coordinates;
}

function riverPolygon(line: Position[], widthM: number): Polygon | MultiPolygon {
  const buf = turf.buffer(turf.lineString(simplifyLine(line)), widthM / 2, { units: 'meters', steps: 6 });
  if (!buf) throw new Error('buffer failed');
  const simple = turf.simplify(buf, { tolerance: 0.00008, highQuality: true });
  return finishGeometry(simple.geometry as Polygon | MultiPolygon);
}

export const RIVER_NAMES: Record<RiverId, { name_zh: string; name_en: string }> = {
  jialing: { name_zh: '嘉陵江', name_en: 'Jialing River' },
  yangtze: { name_zh: '长江', name_en: 'Yangtze River (Chang Jiang)' },
};

export function buildRivers(features = loadChongqing()): FeatureCollection {
  const c = centrelines(features);
  const out: Feature[] = (['jialing', 'yangtze'] as const).map((id) => ({
    type: 'Feature',
    id,
    properties: {
      id,
      ...RIVER_NAMES[id],
      width_m: RIVER_WIDTH_M[id],
      source: `Centreline = district borders that run mid-river in ${SOURCE}; buffered to a nominal ${RIVER_WIDTH_M[id]} m width`,
      confidence: 'medium',
      note_en: `Schematic water surface: the mid-river district border (±50–100 m) widened to a typical ${RIVER_WIDTH_M[id]} m; real banks vary with the season and the reservoir level.`,
      note_zh: `示意水面：以江心区界（误差约50–100米）为中线，按典型宽度${RIVER_WIDTH_M[id]}米展宽；实际岸线随季节和水位变化。`,
    },
    geometry: riverPolygon(c[id], RIVER_WIDTH_M[id]),
  }));
  return { type: 'FeatureCollection', features: out };
}

/** Distance along a centreline (m) from its upstream end to the point nearest p. */
export function stationOf(line: Position[], p: Position): number {
  return locate(line, p);
}
