import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildPlaceIndex, searchPlaces } from '../../worker/search/places';

const layer = (id: string) => JSON.parse(readFileSync(`geodata/${id}.geojson`, 'utf8')) as FeatureCollection;
const index = buildPlaceIndex({ greenspaces: layer('greenspaces'), landmarks: layer('landmarks'), zones: layer('zones'), cores: layer('cores') });
const ids = (q: string) => searchPlaces(index, q).map((p) => p.id);

describe('place search on the shipped data', () => {
  it('finds a park by its Chinese name, whole or partial', () => {
    expect(ids('鸿恩寺森林公园')[0]).toBe('hongensi');
    expect(ids('鸿恩')).toContain('hongensi');
  });

  it('finds a park by pinyin: full, spaced, partial, or initials', () => {
    expect(ids('hongensi')[0]).toBe('hongensi');
    expect(ids('hong en si')[0]).toBe('hongensi');
    expect(ids('Hongen')).toContain('hongensi');
    expect(ids('hes')).toContain('hongensi');
    expect(ids('tieshanping')[0]).toBe('tieshanping');
  });

  it('finds places by English, case-insensitive and partial', () => {
    expect(ids('Hongensi Forest')).toContain('hongensi');
    expect(ids('forest').length).toBeGreaterThan(0);
    expect(ids('guanyinqiao').length).toBeGreaterThan(1); // the core, the square, the landmark, the station
  });

  it('gives each place a point on the feature, inside Jiangbei’s extent', () => {
    for (const p of searchPlaces(index, 'park', 20)) {
      expect(p.lon).toBeGreaterThan(106.44);
      expect(p.lon).toBeLessThan(106.9);
      expect(p.lat).toBeGreaterThan(29.55);
      expect(p.lat).toBeLessThan(29.69);
    }
  });

  it('returns nothing for nonsense and empty input', () => {
    expect(ids('zzzzqqq')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });
});
