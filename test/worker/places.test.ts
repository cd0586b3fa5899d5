import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const get = (path: string) => exports.default.fetch(new Request(`http://127.0.0.1${path}`));

describe('GET /api/places in workerd', () => {
  // The first search builds the index (pinyin for every name): allow for a loaded machine.
  it('finds a park by pinyin, with a point to fly to', { timeout: 30_000 }, async () => {
    // 'tieshanping' alone is first the metro station 铁山坪; the park's name goes on.
    const res = await get('/api/places?q=tieshanping%20sen');
    expect(res.status).toBe(200);
    const { places } = (await res.json()) as { places: { id: string; name_zh: string; pinyin: string; lon: number; lat: number }[] };
    // OpenStreetMap's outline of the forest park (an 'osm-…' id since the data came from OSM).
    expect(places[0]).toMatchObject({ layer: 'greenspaces', name_zh: '铁山坪森林公园', pinyin: 'tie shan ping sen lin gong yuan' });
    expect(places[0]!.lon).toBeGreaterThan(106.6);
  });

  it('finds a metro station as people say it, 观音桥站, and in pinyin', async () => {
    for (const q of ['观音桥站', 'guanyinqiaozhan']) {
      const { places } = (await (await get(`/api/places?q=${encodeURIComponent(q)}`)).json()) as { places: { layer: string; name_zh: string; kind: string }[] };
      expect(places[0], q).toMatchObject({ layer: 'stations', name_zh: '观音桥', kind: 'metro' });
    }
  });

  it('explains a missing or bad query with a 400', async () => {
    for (const [path, code] of [
      ['/api/places', 'missing_query'],
      ['/api/places?q=a&limit=999', 'invalid_limit'],
      [`/api/places?q=${'x'.repeat(65)}`, 'query_too_long'],
    ]) {
      const res = await get(path!);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });
});
