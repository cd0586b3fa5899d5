import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, renderError } from './errors';
import { layers } from './routes/layers';
import { analysis } from './routes/coverage';
import { places } from './routes/places';

/** The API, as a value tests can call with `app.request(...)`. Mounted under /api. */
export const api = new Hono();

api.use('*', etag());
api.get('/health', (c) => c.json({ ok: true, service: 'jiangbei-green-map', time: new Date().toISOString() }));
api.route('/layers', layers);
api.route('/places', places);
api.route('/', analysis);

export const app = new Hono();
app.use('*', secureHeaders());
app.route('/api', api);
app.all('/api/*', (c) => {
  throw new ApiError(404, 'not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`);
});
app.onError(renderError);
