/**
 * Place search over the shipped layers: by Chinese name, pinyin (full or initials, with or
 * without spaces) or English, tolerant of partial input. Pure: give it FeatureCollections,
 * get an index; pinyin comes from pinyin-pro, computed once per index, so a replaced data
 * file is searchable by pinyin without any extra property.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { pinyin } from 'pinyin-pro';

export interface Place {
  id: string;
  layer: string;
  kind: string;
  name_zh: string;
  name_en: string;
  pinyin: string;
  lon: number;
  lat: number;
}

interface Entry {
  place: Place;
  zh: string;
  en: string;
  py: string; // "hongensisenlingongyuan"
  pyWords: string[]; // ["hong", "en", ...]
  initials: string; // "hessgy"
}

export interface PlaceIndex {
  entries: Entry[];
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-–—·'’()（）]/g, '');

function kindOf(layer: string, f: Feature): string {
  const p = f.properties ?? {};
  return String(p.tier ?? p.kind ?? layer.replace(/s$/, ''));
}

export function buildPlaceIndex(layers: Record<string, FeatureCollection | undefined>): PlaceIndex {
  const entries: Entry[] = [];
  for (const [layer, fc] of Object.entries(layers)) {
    if (!fc) continue;
    for (const f of fc.features) {
      const p = f.properties ?? {};
      const zh = typeof p.name_zh === 'string' ? p.name_zh : '';
      const en = typeof p.name_en === 'string' ? p.name_en : '';
      if (!zh && !en) continue;
      if (!f.geometry) continue;
      const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
      const words = zh ? pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }) : [];
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
      entries.push({ place, zh: norm(zh), en: norm(en), py: words.join(''), pyWords: words, initials: words.map((w) => w[0]).join('') });
    }
  }
  return { entries };
}

/** Lower is better; undefined when the entry does not match. */
function score(e: Entry, q: string, enWords: string[]): number | undefined {
  if (!q) return undefined;
  if (e.zh === q || e.en === q || e.py === q) return 0;
  if (e.zh.startsWith(q) || e.py.startsWith(q) || e.en.startsWith(q)) return 1;
  if (e.initials.startsWith(q) && q.length >= 2) return 2;
  if (e.zh.includes(q)) return 3;
  // Any pinyin syllable or English word starting the query ("senlin", "forest").
  if (e.pyWords.some((_, i) => e.pyWords.slice(i).join('').startsWith(q))) return 4;
  if (enWords.some((w) => w.startsWith(q))) return 4;
  if (e.en.includes(q) && q.length >= 3) return 5;
  return undefined;
}

export function searchPlaces(index: PlaceIndex, query: string, limit = 8): Place[] {
  const q = norm(query).slice(0, 64);
  if (!q) return [];
  const hits: { s: number; e: Entry }[] = [];
  for (const e of index.entries) {
    const s = score(e, q, e.place.name_en.toLowerCase().split(/[\s\-–—()]+/));
    if (s !== undefined) hits.push({ s, e });
  }
  hits.sort((a, b) => a.s - b.s || a.e.place.name_zh.length - b.e.place.name_zh.length);
  return hits.slice(0, limit).map((h) => h.e.place);
}
