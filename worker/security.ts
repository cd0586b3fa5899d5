/**
 * Security headers and CORS: one policy for every response. The worker sets these headers on
 * its own answers (the API); the static assets get the very same lines from `public/_headers`,
 * which Workers static assets apply before the worker would run (a test compares the two on
 * the running app, and `headersFileText()` prints the file).
 *
 * The Content-Security-Policy allows no inline script and no eval. What the page needs:
 * - scripts and Web Workers from its own origin only (MapLibre's worker and the upload
 *   check are same-origin module files);
 * - images from itself, `data:` and `blob:` (exports, handouts, MapLibre's own images), and
 *   tiles from OpenStreetMap, fetched only when the user turns the online basemap on;
 * - `fetch()` of a `data:` URL (the map PNG export) and of those tiles (MapLibre fetches
 *   tiles from its worker, which gets this same policy with its script);
 * - inline style *attributes* and the page's one `<style>` block: MapLibre and Lit position
 *   elements with `style=""`; styles cannot run script.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

const OSM_TILES = 'https://tile.openstreetmap.org';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', OSM_TILES],
  connectSrc: ["'self'", 'data:', OSM_TILES],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

/** The CSP header value, as secureHeaders renders it. */
const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${kebab(k)} ${v.join(' ')}`)
  .join('; ');

/** Every security header, name → value: the worker's answers and the static files alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=()',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-DNS-Prefetch-Control': 'off',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

/** Hono's secureHeaders, set to exactly SECURITY_HEADERS. */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    xContentTypeOptions: SECURITY_HEADERS['X-Content-Type-Options'],
    referrerPolicy: SECURITY_HEADERS['Referrer-Policy'],
    xFrameOptions: SECURITY_HEADERS['X-Frame-Options'],
    crossOriginOpenerPolicy: SECURITY_HEADERS['Cross-Origin-Opener-Policy'],
    crossOriginResourcePolicy: SECURITY_HEADERS['Cross-Origin-Resource-Policy'],
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    xDownloadOptions: false,
    permissionsPolicy: { geolocation: ['self'], camera: [], microphone: [] },
    strictTransportSecurity: SECURITY_HEADERS['Strict-Transport-Security'],
    xDnsPrefetchControl: SECURITY_HEADERS['X-DNS-Prefetch-Control'],
    xPermittedCrossDomainPolicies: SECURITY_HEADERS['X-Permitted-Cross-Domain-Policies'],
    xXssProtection: SECURITY_HEADERS['X-XSS-Protection'],
  });

/** The `_headers` file for the static assets (public/_headers holds this text). */
export function headersFileText(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return ['# Generated from worker/security.ts (headersFileText); a test checks they match.', '/*', ...lines, ''].join('\n');
}

interface CorsEnv {
  /** Comma-separated origins, besides the app's own, that may call the API from a browser. */
  ALLOWED_ORIGINS?: string;
}

/** Origins allowed to read API answers cross-origin: the app's own, plus ALLOWED_ORIGINS. */
function allowedOrigin(origin: string, c: Context): string | null {
  if (!origin) return null;
  if (origin === new URL(c.req.url).origin) return origin;
  const extra = ((c.env as CorsEnv | undefined)?.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return extra.includes('*') || extra.includes(origin) ? origin : null;
}

/**
 * CORS for the API, for allowed origins only (others get no CORS headers): GET and POST,
 * and PUT/DELETE with Authorization and If-Match for shared scenarios (routes/scenarios.ts).
 */
export const apiCors = (): MiddlewareHandler =>
  cors({
    origin: allowedOrigin,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['content-type', 'accept', 'if-none-match', 'if-match', 'authorization'],
    exposeHeaders: ['etag', 'x-cache', 'location', 'retry-after'],
    maxAge: 600,
  });
