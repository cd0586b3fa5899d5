import { exports } from 'cloudflare:workers';
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';

const get = (path: string) => exports.default.fetch(new Request(`http://127.0.0.1${path}`));

describe('API in workerd', () => {
  it('reports health', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean };
    expect(body.ok).toBe(true);
  });

  it('lists the boundary layer with its feature count and kind', async () => {
    const res = await get('/api/layers');
    const { layers } = (await res.json()) as { layers: { id: string; count: number; geometry: string; title_zh: string; title_en: string }[] };
    const boundary = layers.find((l) => l.id === 'boundary');
    expect(boundary).toMatchObject({ count: 1, geometry: 'polygon', title_zh: '江北区界' });
    expect(boundary!.title_en).toMatch(/Jiangbei/);
  });

  it('serves the boundary as WGS-84 GeoJSON of about 221 km² around Jiangbei', async () => {
    const res = await get('/api/layers/boundary');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.properties).toMatchObject({ name_zh: '江北区', adcode: '500105' });
    const km2 = turf.area(fc) / 1e6;
    expect(km2).toBeGreaterThan(210);
    expect(km2).toBeLessThan(235);
    const [lon, lat] = turf.centroid(fc).geometry.coordinates as [number, number];
    expect(lon).toBeCloseTo(106.65, 1);
    expect(lat).toBeCloseTo(29.62, 1);
  });

  it('serves every layer in one FeatureCollection, each feature tagged with its layer and otherwise unchanged', async () => {
    const res = await get('/api/layers/all.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const all = (await res.json()) as FeatureCollection;
    const { layers } = (await (await get('/api/layers')).json()) as { layers: { id: string; count: number }[] };
    expect(layers.length).toBeGreaterThanOrEqual(10);
    expect(all.features.length).toBe(layers.reduce((n, l) => n + l.count, 0));
    for (const l of layers) {
      const own = (await (await get(`/api/layers/${l.id}`)).json()) as FeatureCollection;
      const tagged = all.features.filter((f) => f.properties?.layer === l.id);
      expect(tagged.length, l.id).toBe(own.features.length);
      tagged.forEach((f, k) => {
        const { layer, ...props } = f.properties!;
        expect(props, `${l.id} #${k}`).toEqual(own.features[k]!.properties);
        expect(f.geometry).toEqual(own.features[k]!.geometry);
      });
    }
  });

  it('answers an unknown layer with a 404 JSON error naming it', async () => {
    const res = await get('/api/layers/nope');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unknown_layer');
    expect(body.error.message).toContain('nope');
  });

  it('answers an unknown API route with a 404 JSON error', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
