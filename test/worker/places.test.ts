import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const get = (path: string) => exports.default.fetch(new Request(`http://127.0.0.1${path}`));

describe('GET /api/places in workerd', () => {
  // The first search builds the index (pinyin for every name): allow for a loaded machine.
  it('finds a park by pinyin, with a point to fly to', { timeout: 30_000 }, async () => {
    const res = await get('/api/places?q=tieshanping');
    expect(res.status).toBe(200);
    const { places } = (await res.json()) as { places: { id: string; name_zh: string; pinyin: string; lon: number; lat: number }[] };
    expect(places[0]).toMatchObject({ id: 'tieshanping', name_zh: '铁山坪森林公园', pinyin: 'tie shan ping sen lin gong yuan' });
    expect(places[0]!.lon).toBeGreaterThan(106.6);
  });

  it('explains a missing or bad query with a 400', async () => {
    for (const [path, code] of [['/api/places', 'missing_query'], ['/api/places?q=a&limit=999', 'invalid_limit'], [`/api/places?q=${'x'.repeat(65)}`, 'query_too_long']]) {
      const res = await get(path!);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });
});
