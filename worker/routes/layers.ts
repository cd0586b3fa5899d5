import { Hono } from 'hono';
import { getBundleText, getLayerText, listLayers } from '../data/layers';
import { ApiError } from '../errors';

export const layers = new Hono();

layers.get('/', (c) => c.json({ layers: listLayers() }));

/** All shipped layers as one FeatureCollection, each feature's `layer` naming its layer. */
layers.get('/all.geojson', (c) => c.body(getBundleText(), 200, { 'content-type': 'application/geo+json; charset=utf-8' }));

layers.get('/:id', (c) => {
  const id = c.req.param('id');
  const text = getLayerText(id);
  if (text === undefined) {
    const known = listLayers().map((l) => l.id);
    throw new ApiError(404, 'unknown_layer', `No layer "${id.slice(0, 64)}". Known layers: ${known.join(', ')}.`, { known });
  }
  return c.body(text, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
});
