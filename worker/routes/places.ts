import { Hono } from 'hono';
import { ApiError } from '../errors';
import { getLayer } from '../data/layers';
import { buildPlaceIndex, searchPlaces, type PlaceIndex } from '../search/places';

/** Layers whose named features can be searched, most useful first. */
const SEARCHABLE = ['greenspaces', 'stations', 'landmarks', 'zones', 'cores', 'belt', 'bridges'];

let index: PlaceIndex | undefined;
const placeIndex = () => (index ??= buildPlaceIndex(Object.fromEntries(SEARCHABLE.map((id) => [id, getLayer(id)]))));

export const places = new Hono();

/** GET /api/places?q=<Chinese, pinyin or English, partial>&limit=1..20 */
places.get('/', (c) => {
  const q = c.req.query('q') ?? '';
  if (q.trim() === '') throw new ApiError(400, 'missing_query', 'Give a search text as ?q= (Chinese, pinyin or English; partial names work).');
  if (q.length > 64) throw new ApiError(400, 'query_too_long', 'The search text is longer than 64 characters.');
  const limitText = c.req.query('limit') ?? '8';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new ApiError(400, 'invalid_limit', `limit must be a whole number from 1 to 20, not "${limitText.slice(0, 16)}".`);
  return c.json({ query: q, places: searchPlaces(placeIndex(), q, limit) });
});
