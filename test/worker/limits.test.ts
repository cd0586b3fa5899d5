import { exports } from 'cloudflare:workers';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../domain/api';
import { BUDGET } from '../../worker/analysis/budget';

const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));
const post = (path: string, body: unknown, type = 'application/json') =>
  call(path, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A star-shaped (not convex) park of n vertices about 2 km across, 5-decimal positions. */
function wigglyPark(n: number): Feature {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 0.02 * (1 + 0.3 * Math.sin(a * 997));
    ring.push([Math.round((106.66 + r * Math.cos(a)) * 1e5) / 1e5, Math.round((29.6 + r * Math.sin(a)) * 1e5) / 1e5]);
  }
  ring.push(ring[0]!);
  return { type: 'Feature', properties: { tier: 'park', name_en: 'wiggly' }, geometry: { type: 'Polygon', coordinates: [ring] } };
}
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, tier = 'leisure'): Feature => ({
  type: 'Feature',
  properties: { tier },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('limits, in workerd', () => {
  it('refuses before it starts an analysis that would overrun the CPU budget, saying what to reduce', async () => {
    const sites = fc(wigglyPark(100_000));
    for (const path of ['/api/coverage/rings', '/api/gaps?tier=park', '/api/coverage']) {
      const res = await post(path, { sites });
      expect(res.status, path).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('analysis_too_large');
      expect(body.error.message).toMatch(/simplify the polygon outlines \(100000 edges/);
      expect(body.error.message).toMatch(/smaller radii/);
      expect(body.error.details!.estimated_ms as number).toBeGreaterThan(BUDGET.maxMs);
      expect(body.error.details!.max_ms).toBe(BUDGET.maxMs);
    }
  }, 60_000);

  it('still answers the same sites where the work is small: nearest, and a simpler outline', async () => {
    const res = await post('/api/nearest?lon=106.6&lat=29.6', { sites: fc(wigglyPark(100_000)) });
    expect(res.status).toBe(200);
    const ok = await post('/api/coverage/rings', { sites: fc(wigglyPark(500)) });
    expect(ok.status).toBe(200);
  }, 60_000);

  it('accepts 10,000 point sites at the largest radii for rates', async () => {
    const features = Array.from({ length: 10_000 }, (_, i) =>
      point(106.5 + (i % 100) * 0.003, 29.5 + Math.floor(i / 100) * 0.0025, ['leisure', 'garden', 'park'][i % 3]),
    );
    const res = await post('/api/coverage', { sites: fc(...features), radii: { leisure: 3000, garden: 3000, park: 3000 } });
    expect(res.status).toBe(200);
  }, 60_000);

  it('wants JSON: another content type → 415 unsupported_media_type', async () => {
    const body = JSON.stringify({ sites: fc(point(106.6, 29.6)) });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await post('/api/coverage', body, type);
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as ErrorBody).error.code).toBe('unsupported_media_type');
    }
    expect((await post('/api/coverage', body, 'application/geo+json; charset=utf-8')).status).toBe(200);
  }, 30_000);

  it('found by the fuzz test: coordinates nested 100,000 deep, and an empty ring → 422, not a 5xx', async () => {
    const deep = `{"sites":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"tier":"park"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}106.6,29.6${']'.repeat(100_000)}}}]}}`;
    const res = await post('/api/coverage', deep);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/nested deeper than GeoJSON allows/);
    for (const coordinates of [[[]], [[[]]]]) {
      const type = coordinates[0]!.length && Array.isArray(coordinates[0]![0]) ? 'MultiPolygon' : 'Polygon';
      const r = await post('/api/coverage', { sites: fc({ type: 'Feature', properties: { tier: 'park' }, geometry: { type, coordinates } as never }) });
      expect(r.status, JSON.stringify(coordinates)).toBe(422);
      expect(((await r.json()) as ErrorBody).error.code).toBe('invalid_geojson');
    }
    const radii = await post(
      '/api/coverage',
      `{"sites":{"type":"FeatureCollection","features":[]},"radii":{"park":${'['.repeat(50_000)}1${']'.repeat(50_000)}}}`,
    );
    expect(radii.status).toBe(422);
  }, 30_000);
});
