import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { ApiError, renderError } from './errors';
import { analysis } from './routes/coverage';
import { layers } from './routes/layers';
import { places } from './routes/places';
import { scenarios } from './routes/scenarios';
import { apiCors, securityHeaders } from './security';
import { finishUnreadBody } from './unread-body';

/** The API, as a value tests can call with `app.request(...)`. Mounted under /api. */
const api = new Hono();

// Browsers may read API answers from the app's own origin, and from ALLOWED_ORIGINS
// (wrangler.toml [vars]); other origins get no CORS headers.
api.use('*', apiCors());
api.use('*', etag());
api.get('/health', (c) => c.json({ ok: true, service: 'jiangbei-green-map', time: new Date().toISOString() }));
api.route('/layers', layers);
api.route('/places', places);
api.route('/scenarios', scenarios);
api.route('/', analysis);

export const app = new Hono();
app.use('*', finishUnreadBody());
// The same headers as the static files get from public/_headers (see worker/security.ts).
app.use('*', securityHeaders());
app.route('/api', api);
app.all('/api/*', (c) => {
  throw new ApiError(404, 'not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`);
});
app.onError(renderError);
