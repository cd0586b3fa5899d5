import type { Position } from 'geojson';
import { districtGeometry, type EncodedFeature, loadChongqing, ringsOf, sharedRuns } from './boundary';
import { distToLine, lineLength, sliceAlong, toXY } from './geo';

export const RIVER_WIDTH_M = { jialing: 380, yangtze: 760 } as const;
export type RiverId = keyof typeof RIVER_WIDTH_M;
/** How far beyond Jiangbei the context stretches reach, upstream and downstream (m). */
const CONTEXT_M = 4000;

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
function jiangbeiRiverEdge(features: EncodedFeature[]): Position[] {
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
