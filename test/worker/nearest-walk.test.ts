/**
 * GET /api/nearest in walk mode lists the five nearest sites of any tier (issue 16, "the five
 * nearest are five"), as radius mode does: by walking distance, closest first, each with its
 * way there; the walk never shorter than the straight line to that very site, measured by the
 * app's own straight-line answer for that site alone.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, json, post } from './http';

interface Hit {
  id: string;
  tier: string;
  distance_m: number;
  walk_min: number;
  path?: { type: string; coordinates: [number, number][] };
}
interface Nearest {
  mode: string;
  tiers: (Omit<Hit, 'id' | 'distance_m'> & { id: string | null; distance_m: number | null })[];
  sites: Hit[];
  walk_reach_m?: number;
}

const get = async <T>(path: string) => json<T>(await call(path));

/** Spots in Jiangbei: Guanyinqiao (dense), near the Tieshanping hills (sparse), and near the Jialing's bank. */
const SPOTS: [string, number, number][] = [
  ['Guanyinqiao', 106.5299, 29.5703],
  ['east of Tieshanping', 106.7, 29.65],
  ['by the Jialing', 106.545, 29.575],
];

describe('nearest, walk mode: the five nearest sites of any tier', () => {
  let greens: Feature[];
  beforeAll(async () => {
    greens = (await get<FeatureCollection>('/api/layers/greenspaces')).features;
  }, 60_000);

  it.each(SPOTS)(
    '%s: five distinct sites, closest first, each walked no shorter than its straight line, the first the nearest leisure space',
    async (_, lon, lat) => {
      const walk = await get<Nearest>(`/api/nearest?lon=${lon}&lat=${lat}&mode=walk`);
      expect(walk.mode).toBe('walk');
      expect(walk.sites).toHaveLength(5);
      const ids = walk.sites.map((s) => s.id);
      expect(new Set(ids).size).toBe(5);
      const d = walk.sites.map((s) => s.distance_m);
      expect([...d].sort((a, b) => a - b)).toEqual(d);
      // Every site serves the leisure tier, so its nearest is the first of the five, at the same walk.
      const leisure = walk.tiers.find((t) => t.tier === 'leisure')!;
      expect(walk.sites[0]!.id).toBe(leisure.id);
      expect(walk.sites[0]!.distance_m).toBe(leisure.distance_m);
      // And no tier's nearest is farther than a listed site serving that tier.
      for (const t of walk.tiers) {
        const rank = ['leisure', 'garden', 'park'].indexOf(t.tier);
        const listed = walk.sites.find((s) => ['leisure', 'garden', 'park'].indexOf(s.tier) >= rank);
        if (listed) expect(t.distance_m!).toBeLessThanOrEqual(listed.distance_m);
      }
      for (const s of walk.sites) {
        // The way there: from the spot, as long as the distance given.
        expect(s.path?.type).toBe('LineString');
        const [x0, y0] = s.path!.coordinates[0]!;
        expect(Math.abs(x0 - lon) + Math.abs(y0 - lat)).toBeLessThan(1e-5);
        expect(s.walk_min).toBeCloseTo(s.distance_m / 80, 1);
        // The straight line to this site alone, as the app measures it (radius mode, one site).
        const f = greens.find((g) => g.properties!.id === s.id)!;
        expect(f, s.id).toBeDefined();
        const one = await json<Nearest>(await post('/api/nearest', { sites: { type: 'FeatureCollection', features: [f] }, lon, lat, mode: 'radius' }));
        const straight = one.sites[0]!;
        expect(straight.id).toBe(s.id);
        expect(s.distance_m, `${s.id}: walk ${s.distance_m} m, straight ${straight.distance_m} m`).toBeGreaterThanOrEqual(straight.distance_m);
      }
      // The answer says how far the walk search looks; all five lie within it.
      expect(walk.walk_reach_m).toBe(15000);
      expect(d[4]!).toBeLessThanOrEqual(walk.walk_reach_m!);
    },
  );

  it('fewer sites than five within reach: lists all there are, and says how far the walk looked', async () => {
    const features = [
      { type: 'Feature', properties: { id: 'a', tier: 'leisure' }, geometry: { type: 'Point', coordinates: [106.53, 29.571] } },
      { type: 'Feature', properties: { id: 'b', tier: 'leisure' }, geometry: { type: 'Point', coordinates: [106.535, 29.575] } },
      { type: 'Feature', properties: { id: 'c', tier: 'park' }, geometry: { type: 'Point', coordinates: [106.54, 29.58] } },
    ];
    const walk = await json<Nearest>(await post('/api/nearest', { sites: { type: 'FeatureCollection', features }, lon: 106.5299, lat: 29.5703, mode: 'walk' }));
    expect(walk.sites.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(walk.walk_reach_m).toBe(15000);
    // Radius mode has no reach: every site is measured.
    const radius = await json<Nearest>(await post('/api/nearest', { sites: { type: 'FeatureCollection', features }, lon: 106.5299, lat: 29.5703 }));
    expect(radius.sites.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(radius.walk_reach_m).toBeUndefined();
  });
});
