/**
 * Place search over the shipped layers: by Chinese name, pinyin (full or initials, with or
 * without spaces) or English, tolerant of partial input. Pure: give it FeatureCollections,
 * get an index; pinyin comes from pinyin-pro, computed once per index, so a replaced data
 * file is searchable by pinyin without any extra property.
 *
 * A feature whose name is a description (`unnamed: true`, "未命名公园（0.4 公顷，近…）") is
 * not a place anyone searches for by name, and is left out. Stations keep OpenStreetMap's
 * name (观音桥), and are also found as people say it: 观音桥站, "Guanyinqiao Station".
 * One place mapped as several pieces under one name is one result.
 */

import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { pinyin } from 'pinyin-pro';
import type { Place } from '../../domain/api';

export type { Place };

interface Entry {
  place: Place;
  zh: string;
  /** Other forms of the name, normalised (a station's name with 站, and its pinyin). */
  alt: string[];
  en: string;
  enWords: string[];
  py: string; // "hongensisenlingongyuan"
  pyWords: string[]; // ["hong", "en", ...]
  initials: string; // "hessgy"
}

export interface PlaceIndex {
  entries: Entry[];
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-–—·'’()（）]/g, '');

function kindOf(layer: string, f: Feature): string {
  const p = f.properties ?? {};
  return String(p.tier ?? p.kind ?? layer.replace(/s$/, ''));
}

/** Pieces of one place: the same name in one layer, within this distance (degrees, ~1 km). */
const SAME_PLACE_DEG = 0.01;
const STATION = '站';

export function buildPlaceIndex(layers: Record<string, FeatureCollection | undefined>): PlaceIndex {
  const entries: Entry[] = [];
  for (const [layer, fc] of Object.entries(layers)) {
    if (!fc) continue;
    const kept: Place[] = [];
    for (const f of fc.features) {
      const p = f.properties ?? {};
      if (p.unnamed === true) continue;
      const zh = typeof p.name_zh === 'string' ? p.name_zh : '';
      const en = typeof p.name_en === 'string' ? p.name_en : '';
      if (!zh && !en) continue;
      if (!f.geometry) continue;
      const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
      if (kept.some((k) => k.name_zh === zh && k.name_en === en && Math.abs(k.lon - lon) < SAME_PLACE_DEG && Math.abs(k.lat - lat) < SAME_PLACE_DEG)) continue;
      const station = layer === 'stations';
      // "Guanyinqiao Station" if the data's English name does not already say so.
      const enFull = station && en && !/station$/i.test(en) ? `${en} Station` : en;
      const words = zh ? pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }) : [];
      const alt =
        station && zh && !zh.endsWith(STATION) ? [norm(zh + STATION), [...words, ...pinyin(STATION, { toneType: 'none', type: 'array' })].join('')] : [];
      const place: Place = {
        id: String(p.id ?? f.id ?? ''),
        layer,
        kind: kindOf(layer, f),
        name_zh: zh,
        name_en: en,
        pinyin: words.join(' '),
        lon: Math.round(lon * 1e6) / 1e6,
        lat: Math.round(lat * 1e6) / 1e6,
      };
      kept.push(place);
      entries.push({
        place,
        zh: norm(zh),
        alt,
        en: norm(enFull),
        enWords: enFull.toLowerCase().split(/[\s\-–—()]+/),
        py: words.join(''),
        pyWords: words,
        initials: words.map((w) => w[0]).join(''),
      });
    }
  }
  return { entries };
}

/** Lower is better; undefined when the entry does not match. */
function score(e: Entry, q: string): number | undefined {
  if (!q) return undefined;
  if (e.zh === q || e.en === q || e.py === q || e.alt.includes(q)) return 0;
  if (e.zh.startsWith(q) || e.py.startsWith(q) || e.en.startsWith(q) || e.alt.some((a) => a.startsWith(q))) return 1;
  if (e.initials.startsWith(q) && q.length >= 2) return 2;
  if (e.zh.includes(q)) return 3;
  // Any pinyin syllable or English word starting the query ("senlin", "forest").
  if (e.pyWords.some((_, i) => e.pyWords.slice(i).join('').startsWith(q))) return 4;
  if (e.enWords.some((w) => w.startsWith(q))) return 4;
  if (e.en.includes(q) && q.length >= 3) return 5;
  return undefined;
}

export function searchPlaces(index: PlaceIndex, query: string, limit = 8): Place[] {
  const q = norm(query).slice(0, 64);
  if (!q) return [];
  const hits: { s: number; e: Entry }[] = [];
  for (const e of index.entries) {
    const s = score(e, q);
    if (s !== undefined) hits.push({ s, e });
  }
  hits.sort((a, b) => a.s - b.s || a.e.place.name_zh.length - b.e.place.name_zh.length);
  return hits.slice(0, limit).map((h) => h.e.place);
}
