/**
 * English names and descriptions for OSM green spaces and sports grounds, by the rules in
 * geodata/src/osm-rules.json (`names`). Nothing is invented: an English name is OSM's own
 * (Geofabrik carries only `name`, so usually none) or a romanisation of the Chinese name
 * with its generic part translated (…公园 → … Park); an unnamed place gets a description
 * ("Unnamed park, 0.4 ha, near Guanyinqiao Station"), never a name.
 */
import * as turf from '@turf/turf';
import type { Point, Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import rules from '../src/osm-rules.json';
import { readOsm } from './osm';

const N = rules.names;
const HAN = /[\u3400-\u9fff]/;

/** Pinyin of a run of Chinese characters, one lower-case syllable per character, overrides applied. */
function syllables(run: string): string[] {
  const out = pinyin(run, { toneType: 'none', type: 'array' }) as string[];
  for (const [word, py] of Object.entries(N.pinyin_overrides)) {
    for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) py.split(' ').forEach((s, k) => (out[at + k] = s));
  }
  return out;
}

/** One word of a place name: syllables joined, an apostrophe before a/o/e (Xi'an), capitalised. */
function word(syl: string[]): string {
  const w = syl.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A run of Chinese characters as words: ≤ 4 characters one word, longer ones in pairs (the first taking an odd one). */
function runWords(run: string): string[] {
  const syl = syllables(run);
  if (syl.length <= 4) return [word(syl)];
  const out: string[] = [];
  let i = syl.length % 2 === 1 ? 3 : 2;
  out.push(word(syl.slice(0, i)));
  for (; i < syl.length; i += 2) out.push(word(syl.slice(i, i + 2)));
  return out;
}

/** The specific part of a name as English words: known words first, other Chinese romanised, the rest kept. */
function specificWords(s: string): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(...runWords(run));
    run = '';
  };
  const split = [...s].filter((c) => HAN.test(c)).length > 3;
  for (let i = 0; i < s.length; ) {
    const known = split ? N.words.find(([zh]) => s.startsWith(zh!, i)) : undefined;
    if (known) {
      flush();
      out.push(known[1] ?? word(syllables(known[0]!)));
      i += known[0]!.length;
      continue;
    }
    const ch = s[i]!;
    if (HAN.test(ch)) run += ch;
    else {
      flush();
      let j = i;
      while (j < s.length && !HAN.test(s[j]!)) j++;
      const other = s
        .slice(i, j)
        .replace(/[()（）]/g, ' ')
        .trim();
      if (other) out.push(other);
      i = j;
      continue;
    }
    i++;
  }
  flush();
  return out;
}

/** Splits off the longest generic suffix of the rules (…体育公园, …公园, …广场). */
function splitGeneric(nameZh: string): { specific: string; generic: readonly [string, string] | null } {
  for (const g of N.generics)
    if (nameZh.endsWith(g[0]!) && nameZh.length > g[0]!.length) return { specific: nameZh.slice(0, -g[0]!.length), generic: [g[0]!, g[1]!] };
  return { specific: nameZh, generic: null };
}

/** English name: OSM's name:en if it has one, else pinyin of the specific part + the generic part translated. */
export function englishName(nameZh: string, osmEnglish?: string | null): string {
  if (osmEnglish?.trim()) return osmEnglish.trim();
  const { specific, generic } = splitGeneric(nameZh.trim());
  return [...specificWords(specific), ...(generic ? [generic[1]] : [])].join(' ');
}

/** English for a station: pinyin + ' Station' (OSM station names here lack 站: 观音桥 → Guanyinqiao Station). */
export function stationEnglish(nameZh: string): string {
  return `${specificWords(nameZh.replace(/站$/, '')).join(' ')} Station`;
}

/** English for a place (subdistrict, town, village): pinyin + the translated suffix (观音桥街道 → Guanyinqiao Subdistrict). */
function placeEnglish(nameZh: string): string {
  const suf = N.place_suffixes.find(([zh]) => nameZh.endsWith(zh!) && nameZh.length > zh!.length);
  const core = suf ? nameZh.slice(0, -suf[0]!.length) : nameZh;
  return [...specificWords(core), ...(suf ? [suf[1]!] : [])].join(' ');
}

interface Landmark {
  zh: string;
  en: string;
  at: Position;
  kind: 'station' | 'place';
}

let anchorsCache: { stations: Landmark[]; places: Landmark[] } | null = null;

/** OSM metro/rail stations (one per name, the first node) and places (subdistricts, towns, villages…). */
function nearAnchors(): { stations: Landmark[]; places: Landmark[] } {
  if (anchorsCache) return anchorsCache;
  const stations = new Map<string, Landmark>();
  for (const f of readOsm<Point>('transport').features) {
    const name = f.properties.name?.trim();
    if (f.properties.fclass !== 'railway_station' || !name || stations.has(name)) continue;
    stations.set(name, { zh: name.endsWith('站') ? name : `${name}站`, en: stationEnglish(name), at: f.geometry.coordinates, kind: 'station' });
  }
  const places = new Map<string, Landmark>();
  const addPlace = (name: string | null | undefined, at: Position) => {
    const n = name?.trim();
    if (!n || places.has(n) || /废止|\(|（/.test(n)) return;
    places.set(n, { zh: n, en: placeEnglish(n), at, kind: 'place' });
  };
  for (const f of readOsm<Point>('places').features) if (f.properties.fclass !== 'city') addPlace(f.properties.name, f.geometry.coordinates);
  for (const f of readOsm<Point>('subdistrict_points').features) addPlace((f.properties as unknown as { name_zh: string }).name_zh, f.geometry.coordinates);
  anchorsCache = { stations: [...stations.values()], places: [...places.values()] };
  return anchorsCache;
}

/** The nearest OSM station within station_max_m of p, else the nearest OSM place; with its distance (m). */
function nearestAnchor(p: Position): { anchor: Landmark; m: number } {
  const { stations, places } = nearAnchors();
  const best = (list: Landmark[]) => {
    let b: { anchor: Landmark; m: number } | null = null;
    for (const a of list) {
      const m = turf.distance(p, a.at, { units: 'meters' });
      if (!b || m < b.m) b = { anchor: a, m };
    }
    return b!;
  };
  const s = best(stations);
  return s.m <= N.station_max_m ? s : best(places);
}

const fmtHa = (ha: number) => (ha < 0.1 ? ha.toFixed(2) : ha.toFixed(1));
const COMPASS_ZH = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
const COMPASS_EN = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/**
 * A description for an unnamed place: 未命名公园（0.4 公顷，近观音桥站） / Unnamed park, 0.4 ha,
 * near Guanyinqiao Station. With `precise`, the bearing and distance from the anchor are added
 * (used when two descriptions would otherwise be the same).
 */
export function describeUnnamed(fclass: string, areaHa: number | null, at: Position, precise = false): { zh: string; en: string } {
  const kinds = N.kinds as Record<string, string[]>;
  const [kZh, kEn] = kinds[fclass] ?? ['绿地', 'green space'];
  const { anchor, m } = nearestAnchor(at);
  const size = areaHa === null ? null : fmtHa(areaHa);
  let zh = `未命名${kZh}（${size === null ? '' : `${size} 公顷，`}近${anchor.zh}`;
  let en = `Unnamed ${kEn}, ${size === null ? '' : `${size} ha, `}near ${anchor.en}`;
  if (precise) {
    const dir = Math.round(((turf.bearing(anchor.at, at) + 360) % 360) / 45) % 8;
    const d = Math.round(m / 10) * 10;
    zh += `，${COMPASS_ZH[dir]} ${d} 米`;
    en += `, ${d} m ${COMPASS_EN[dir]}`;
  }
  return { zh: `${zh}）`, en };
}
