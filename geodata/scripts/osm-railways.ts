/**
 * The `railways` context layer from OpenStreetMap (railways.geojson): metro (subway),
 * monorail and main-line rail, one feature per line name, kind and tunnel flag, clipped to
 * the district's context box and simplified for display. Context only: the analysis does
 * not read it. Also the line-name rules (geodata/src/railway-names.json) that the bridges
 * and stations layers share.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import rules from '../src/railway-names.json';
import { lineLength, round6 } from './geo';
import { readOsm } from './osm';

/** Geofabrik fclasses drawn (funicular and narrow_gauge left out: two short tourist lines). */
const RAIL_FCLASSES = ['subway', 'monorail', 'rail'] as const;
export type RailKind = 'metro' | 'monorail' | 'rail';
/** Display simplification (m): Douglas–Peucker at ~5 m, under a pixel at the zooms the layer is drawn. */
const RAIL_SIMPLIFY_M = 5;
/** Pieces shorter than this after clipping and merging are sidings and yard stubs: dropped (m). */
const MIN_PIECE_M = 150;

export const railKind = (fclass: string): RailKind => (rules.kinds as Record<string, RailKind>)[fclass] ?? 'rail';

/** OSM's line name with the spelling variants of one line made the same (重慶軌道交通10號線 → 10号线). */
const normaliseLine = (name: string | null | undefined): string | null => {
  const n = name?.trim();
  if (!n) return null;
  return (rules.normalise as Record<string, string>)[n] ?? n;
};

function romanise(zh: string): string {
  const w = rules.words.find(([k]) => zh.startsWith(k!) && zh.length > k!.length);
  if (w) return `${w[1]} ${romanise(zh.slice(w[0]!.length))}`;
  const s = (pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[])
    .join('')
    .replace(/[（）()]/g, ' ')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** English name of a line and whether it is a CRT (metro) line, by the first matching rule. */
function lineEnglish(nameZh: string): { en: string; metro: boolean } {
  for (const r of rules.rules) {
    const m = new RegExp(r.pattern).exec(nameZh);
    if (!m) continue;
    const en = r.en.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? '').replace(/\{py(\d)\}/g, (_, k: string) => romanise(m[Number(k)] ?? ''));
    return { en, metro: (r as { metro?: boolean }).metro === true };
  }
  return { en: romanise(nameZh), metro: false };
}

/** Chinese / English descriptions of a rail crossing with no known bridge name (never a made-up name). */
export function describeCrossing(line: string | null, kind: RailKind, river: 'jialing' | 'yangtze'): { zh: string; en: string } {
  const rv = rules.rivers[river];
  if (!line) {
    const u = rules.unnamed[kind];
    return { zh: `${u.zh.replace(/（.*$/, '')}${rv.zh}桥（名称未知）`, en: `${u.en.replace(/ \(.*$/, '')} bridge over ${rv.en} (name unknown)` };
  }
  const { en, metro } = lineEnglish(line);
  return { zh: `${metro ? '轨道交通' : ''}${line}${rv.zh}桥（名称未知）`, en: `${en} bridge over ${rv.en} (name unknown)` };
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/** Joins lines that meet end to end (same coordinate) into longer lines; deterministic for a given input order. */
export function mergeLines(parts: Position[][]): Position[][] {
  const lines = parts.map((p) => [...p]);
  let merged = true;
  while (merged) {
    merged = false;
    const ends = new Map<string, number[]>();
    lines.forEach((l, i) => {
      for (const k of [key(l[0]!), key(l[l.length - 1]!)]) (ends.get(k) ?? ends.set(k, []).get(k)!).push(i);
    });
    for (let i = 0; i < lines.length && !merged; i++) {
      const a = lines[i]!;
      for (const [atEnd, p] of [
        [true, a[a.length - 1]!],
        [false, a[0]!],
      ] as const) {
        const j = (ends.get(key(p)) ?? []).find((x) => x !== i);
        if (j === undefined) continue;
        // only where exactly two pieces meet: at a junction of three the line branches
        if ((ends.get(key(p)) ?? []).length !== 2) continue;
        const b = lines[j]!;
        const bb = key(b[0]!) === key(p) ? b : [...b].reverse();
        lines[i] = atEnd ? [...a, ...bb.slice(1)] : [...[...bb].reverse(), ...a.slice(1)];
        lines.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return lines;
}

/** Railway pieces (flattened to lines) of the given fclasses. */
export function railPieces(): { id: string; fclass: string; name: string | null; tunnel: boolean; bridge: boolean; c: Position[] }[] {
  return readOsm<LineString | MultiLineString>('railways')
    .features.filter((f) => (RAIL_FCLASSES as readonly string[]).includes(f.properties.fclass))
    .sort((a, b) => Number(a.properties.osm_id) - Number(b.properties.osm_id))
    .flatMap((f) =>
      (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).map((c) => ({
        id: f.properties.osm_id,
        fclass: f.properties.fclass,
        name: normaliseLine(f.properties.name),
        tunnel: f.properties.tunnel === 'T',
        bridge: f.properties.bridge === 'T',
        c,
      })),
    );
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The railways layer, clipped to `box` ([w, s, e, n]). */
export function buildRailways(box: [number, number, number, number]): FeatureCollection {
  const groups = new Map<string, { name: string | null; kind: RailKind; tunnel: boolean; ways: Set<string>; fclasses: Set<string>; parts: Position[][] }>();
  for (const p of railPieces()) {
    const kind = railKind(p.fclass);
    const k = `${kind}|${p.name ?? ''}|${p.tunnel}`;
    const g = groups.get(k) ?? groups.set(k, { name: p.name, kind, tunnel: p.tunnel, ways: new Set(), fclasses: new Set(), parts: [] }).get(k)!;
    const clipped = turf.bboxClip(turf.lineString(p.c), box).geometry as LineString | MultiLineString;
    const pieces: Position[][] = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
    for (const c of pieces) if (c.length >= 2) g.parts.push(c);
    if (pieces.some((c) => c.length >= 2)) {
      g.ways.add(p.id);
      g.fclasses.add(p.fclass);
    }
  }
  const features: Feature[] = [];
  const order = [...groups.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || (a.name ?? '~').localeCompare(b.name ?? '~') || Number(a.tunnel) - Number(b.tunnel),
  );
  for (const g of order) {
    const lines = mergeLines(g.parts)
      .filter((l) => lineLength(l) >= MIN_PIECE_M)
      .map((l) =>
        (turf.simplify(turf.lineString(l), { tolerance: RAIL_SIMPLIFY_M / 111_000, highQuality: true }).geometry as LineString).coordinates.map((p) =>
          p.map(round6),
        ),
      )
      .filter((l) => l.length >= 2)
      .sort((a, b) => a[0]![0]! - b[0]![0]! || a[0]![1]! - b[0]![1]!);
    if (!lines.length) continue;
    const named = g.name
      ? { name_zh: g.name, name_en: lineEnglish(g.name).en, unnamed: false }
      : { name_zh: rules.unnamed[g.kind].zh, name_en: rules.unnamed[g.kind].en, unnamed: true };
    // ids: CRT lines by their English name (line-6, loop-line), others by the pinyin of the whole name (unique where English names are not)
    const base = !g.name ? 'unnamed' : lineEnglish(g.name).metro ? slug(lineEnglish(g.name).en.replace(/^CRT /, '')) : slug(romanise(g.name));
    const id = `${g.kind}-${base}${g.tunnel ? '-tunnel' : ''}`;
    features.push({
      type: 'Feature',
      id,
      properties: {
        id,
        ...named,
        kind: g.kind,
        tunnel: g.tunnel,
        source: `OpenStreetMap (© OpenStreetMap contributors, ODbL; Geofabrik extract of 2026-04-11), railways layer: ${g.ways.size} way(s) fclass ${[...g.fclasses].sort().join('/')}${g.name ? ` named ${g.name}` : ' without a name'}, tunnel=${g.tunnel ? 'T' : 'F'}; clipped to the context box, joined end to end, pieces < ${MIN_PIECE_M} m dropped, simplified at ${RAIL_SIMPLIFY_M} m`,
        confidence: 'high',
      },
      geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines },
    });
  }
  return { type: 'FeatureCollection', features };
}
