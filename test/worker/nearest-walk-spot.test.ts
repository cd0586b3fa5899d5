/**
 * GET /api/nearest in walk mode from awkward spots a phone gives (issue 16, citizen journey):
 * a GPS fix on the water near the bank or beside a bridge's deck walks from the nearest bank
 * or deck and says so (`walk_start`), the way there counted in every distance; out on the river
 * with no bank or bridge within 300 m the answer says why nothing is given (`no_walk`), not
 * "none found"; standing inside a park is 0 m from it on foot, as in a straight line.
 */
import { describe, expect, it } from 'vitest';
import type { Nearest } from '../../domain/api';
import { call, json } from './http';

const get = async (lon: number, lat: number, mode: 'walk' | 'radius' = 'walk') => json<Nearest>(await call(`/api/nearest?lon=${lon}&lat=${lat}&mode=${mode}`));

/** Metres between two lon/lat points (haversine; ample for tens of metres). */
function metres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

/** On the Jialing, ~110 m off the Jiangbei bank between the Huanghuayuan and Qiansimen bridges. */
const JIALING: [number, number] = [106.565, 29.57];
/** On the Jialing, ~34 m beside Huanghuayuan Bridge's deck, ~250 m from either bank. */
const BESIDE_BRIDGE: [number, number] = [106.558706, 29.569887];
/** Out on the Yangtze north of the Chaotianmen bridge, ~400 m from either bank. */
const MID_YANGTZE: [number, number] = [106.5778, 29.5945];
/** Inside Hong'ensi Park's outline (鸿恩寺公园, osm-20130442). */
const HONGENSI: [number, number] = [106.50415, 29.57275];

describe('nearest on foot from a spot on the water', () => {
  it.each([
    ['110 m out on the Jialing', JIALING, 'bank', 111.3],
    ['beside Huanghuayuan Bridge’s deck', BESIDE_BRIDGE, 'bridge', 34.2],
  ] as const)('%s: walks from the nearest %s, that way counted in every distance, each way starting with it', async (_, spot, on, offset) => {
    const walk = await get(...spot);
    expect(walk.no_walk).toBeUndefined();
    const start = walk.walk_start!;
    expect(start).toMatchObject({ on, distance_m: offset });
    // The walk's start is that far from the spot (rounded to 0.1 m, lon/lat to 1e-6°).
    expect(Math.abs(metres(spot, [start.lon, start.lat]) - offset)).toBeLessThan(0.3);
    // Every tier answered and five sites listed, as from the bank itself plus the way to it.
    const fromStart = await get(start.lon, start.lat);
    expect(fromStart.walk_start).toBeUndefined();
    expect(walk.sites).toHaveLength(5);
    expect(walk.sites.map((s) => s.id)).toEqual(fromStart.sites.map((s) => s.id));
    walk.sites.forEach((s, k) => expect(Math.abs(s.distance_m - (offset + fromStart.sites[k]!.distance_m)), s.id).toBeLessThan(0.5));
    walk.tiers.forEach((t, k) => {
      expect(t.id).toBe(fromStart.tiers[k]!.id);
      expect(Math.abs(t.distance_m! - (offset + fromStart.tiers[k]!.distance_m!))).toBeLessThan(0.5);
      expect(t.covered).toBe(t.distance_m! <= t.radius_m);
    });
    // Each way: from the spot, to the walk's start, then on.
    for (const s of walk.sites) {
      const [p0, p1] = s.path!.coordinates;
      expect(metres(p0!, spot)).toBeLessThan(0.2);
      expect(p1).toEqual([start.lon, start.lat]);
    }
    // Never shorter than the straight line; straight-line mode is not affected.
    const radius = await get(...spot, 'radius');
    expect(radius.walk_start).toBeUndefined();
    walk.tiers.forEach((t, k) => expect(t.distance_m!).toBeGreaterThanOrEqual(radius.tiers[k]!.distance_m!));
  });

  it('out on the Yangtze, no bank or bridge within 300 m: 200, nothing given, and why', async () => {
    const res = await call(`/api/nearest?lon=${MID_YANGTZE[0]}&lat=${MID_YANGTZE[1]}&mode=walk`);
    const walk = await json<Nearest>(res);
    expect(walk.no_walk).toEqual({ reason: 'on_water', within_m: 300 });
    expect(walk.walk_start).toBeUndefined();
    expect(walk.sites).toEqual([]);
    expect(walk.tiers.map((t) => [t.tier, t.id, t.distance_m, t.covered])).toEqual([
      ['leisure', null, null, false],
      ['garden', null, null, false],
      ['park', null, null, false],
    ]);
    // In a straight line the same spot has its answer.
    const radius = await get(...MID_YANGTZE, 'radius');
    expect(radius.no_walk).toBeUndefined();
    expect(radius.tiers.every((t) => t.distance_m !== null && t.distance_m > 300)).toBe(true);
  });
});

describe('nearest on foot from inside a park', () => {
  it('standing in Hong’ensi Park: 0 m from it on foot, as in a straight line', async () => {
    const [walk, radius] = [await get(...HONGENSI), await get(...HONGENSI, 'radius')];
    const park = walk.tiers.find((t) => t.tier === 'park')!;
    expect(park).toMatchObject({ id: 'osm-20130442', name_zh: '鸿恩寺公园', distance_m: 0, walk_min: 0, covered: true });
    expect(radius.tiers.find((t) => t.tier === 'park')).toMatchObject({ id: 'osm-20130442', distance_m: 0 });
    // Every tier's nearest is as far as in a straight line (0 m: the park serves them all).
    expect(walk.tiers.map((t) => t.distance_m)).toEqual(radius.tiers.map((t) => t.distance_m));
    expect(walk.sites[0]).toMatchObject({ id: radius.sites[0]!.id, distance_m: 0 });
    expect(walk.walk_start).toBeUndefined();
    // The way to where one stands is the spot itself.
    expect(park.path!.coordinates).toEqual([HONGENSI, HONGENSI]);
  });
});
