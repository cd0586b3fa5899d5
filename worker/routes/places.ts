import { Hono } from 'hono';
import { readParams } from '../contract/params';
import { CONTRACT } from '../contract/routes';
import { getLayer } from '../data/layers';
import { buildPlaceIndex, type PlaceIndex, searchPlaces } from '../search/places';

/** Layers whose named features can be searched, most useful first. */
const SEARCHABLE = ['greenspaces', 'stations', 'landmarks', 'zones', 'cores', 'belt', 'bridges'];

let index: PlaceIndex | undefined;
const placeIndex = () => (index ??= buildPlaceIndex(Object.fromEntries(SEARCHABLE.map((id) => [id, getLayer(id)]))));

export const places = new Hono();

/** GET /api/places?q=<Chinese, pinyin or English, partial>&limit=1..20 */
places.get('/', (c) => {
  const { q, limit } = readParams(CONTRACT['/places'].get.params, (k) => c.req.query(k));
  return c.json({ query: q, places: searchPlaces(placeIndex(), q, limit) });
});
