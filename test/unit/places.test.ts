/**
 * Place search on the shipped data: every expectation is read from the layers (a named OSM
 * park, a station), so the test follows the data instead of a list of hand-picked names.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, searchPlaces } from '../../worker/search/places';

const layer = (id: string) => JSON.parse(readFileSync(`geodata/${id}.geojson`, 'utf8')) as FeatureCollection;
const greenspaces = layer('greenspaces');
const stations = layer('stations');
const index = buildPlaceIndex({ greenspaces, stations, landmarks: layer('landmarks'), zones: layer('zones'), cores: layer('cores') });
const search = (q: string, limit = 8) => searchPlaces(index, q, limit);
const syllables = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' });

const props = (f: Feature) => f.properties ?? {};
/** The largest named OpenStreetMap park of the district, with a name of three or more characters. */
const park = greenspaces.features
  .filter((f) => props(f).unnamed !== true && props(f).outside !== true && String(props(f).source).startsWith('osm:') && String(props(f).name_zh).length >= 3)
  .sort((a, b) => Number(props(b).area_ha) - Number(props(a).area_ha))[0]!;
const parkName = String(props(park).name_zh);

describe('place search on the shipped data', () => {
  it('has a named OSM park to look for', () => {
    expect(park, 'a named OSM park inside Jiangbei').toBeDefined();
  });

  it('finds a named OSM park by its Chinese name, whole or partial', () => {
    expect(search(parkName)[0]!.name_zh).toBe(parkName);
    expect(search(parkName.slice(0, 2)).map((p) => p.name_zh)).toContain(parkName);
  });

  it('finds it by pinyin: full, spaced, partial, or initials', () => {
    const py = syllables(parkName);
    for (const q of [py.join(''), py.join(' '), py.slice(0, 2).join('').toUpperCase(), py.map((w) => w[0]).join('')]) {
      expect(
        search(q, 20).map((p) => p.name_zh),
        q,
      ).toContain(parkName);
    }
  });

  it('finds it by its English name, case-insensitive and partial', () => {
    const en = String(props(park).name_en);
    expect(search(en.toLowerCase()).map((p) => p.name_zh)).toContain(parkName);
    expect(search(en.split(' ')[0]!.slice(0, 5), 20).map((p) => p.name_zh)).toContain(parkName);
  });

  it('never offers an unnamed place by its description', () => {
    const unnamed = greenspaces.features.filter((f) => props(f).unnamed === true);
    const ids = new Set(unnamed.map((f) => String(props(f).id)));
    for (const f of unnamed.slice(0, 20)) {
      expect(search(String(props(f).name_zh), 20).filter((p) => ids.has(p.id))).toEqual([]);
      expect(search(String(props(f).name_en), 20).filter((p) => ids.has(p.id))).toEqual([]);
    }
  });

  it('lists one place once, however many pieces it is mapped in', () => {
    const hits = search(parkName, 20).filter((p) => p.name_zh === parkName && p.layer === 'greenspaces');
    for (const [i, a] of hits.entries())
      for (const b of hits.slice(i + 1)) expect(Math.hypot(a.lon - b.lon, a.lat - b.lat), `${a.id} ${b.id}`).toBeGreaterThan(0.01);
  });

  it('finds a station by its name with 站, by pinyin and in English', () => {
    const station = stations.features.find((f) => props(f).name_zh === '观音桥' || props(f).name_zh === '观音桥站');
    expect(station, 'Guanyinqiao station in the stations layer').toBeDefined();
    const id = String(props(station!).id);
    expect(search('观音桥站')[0]!.id).toBe(id);
    expect(search('观音桥站')[0]!.layer).toBe('stations');
    expect(search('guanyinqiao').map((p) => p.id)).toContain(id);
    expect(search('guanyinqiaozhan')[0]!.id).toBe(id);
    expect(search('Guanyinqiao Station')[0]!.id).toBe(id);
  });

  it('gives each place a point near Jiangbei (the district and the few km around it)', () => {
    for (const p of search('park', 20).concat(search('gongyuan', 20))) {
      expect(p.lon).toBeGreaterThan(106.38);
      expect(p.lon).toBeLessThan(106.97);
      expect(p.lat).toBeGreaterThan(29.5);
      expect(p.lat).toBeLessThan(29.74);
    }
  });

  it('returns nothing for nonsense and empty input', () => {
    expect(search('zzzzqqq')).toEqual([]);
    expect(search('   ')).toEqual([]);
  });
});
