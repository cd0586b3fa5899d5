import { Hono } from 'hono';
import { ApiError } from '../errors';
import { getLayerText, listLayers } from '../data/layers';

export const layers = new Hono();

layers.get('/', (c) => c.json({ layers: listLayers() }));

layers.get('/:id', (c) => {
  const id = c.req.param('id');
  const text = getLayerText(id);
  if (text === undefined) {
    const known = listLayers().map((l) => l.id);
    throw new ApiError(404, 'unknown_layer', `No layer "${id.slice(0, 64)}". Known layers: ${known.join(', ')}.`, { known });
  }
  return c.body(text, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
});
