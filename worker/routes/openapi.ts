/**
 * The OpenAPI 3.1 document, generated from the route contracts (../contract/routes.ts), the
 * parameters they read (../contract/params.ts) and the answer schemas (domain/api.ts): the
 * same objects the handlers validate with and return, so the document cannot fall behind.
 */
import { SCHEMAS } from '../../domain/api';
import { LIMITS } from '../analysis/validate-input';
import type { AnyParam } from '../contract/params';
import { CONTRACT, type Operation } from '../contract/routes';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nameOf = new Map<unknown, string>(Object.entries(SCHEMAS).map(([k, v]) => [v, k]));
const schemaRef = (s: unknown) => ref(nameOf.get(s) ?? 'FeatureCollection');
const errorBody = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

const SITES = {
  description: `GeoJSON FeatureCollection of at most ${LIMITS.maxFeatures} Point, MultiPoint, Polygon or MultiPolygon features (at most ${LIMITS.maxVertices} positions in all), each with properties.tier (leisure, garden or park, or their Chinese names) and optional id, name_zh, name_en; every position WGS-84 and within ${LIMITS.maxKmFromJiangbei} km of Jiangbei.`,
  type: 'object',
  required: ['type', 'features'],
  properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', maxItems: LIMITS.maxFeatures } },
};

type Method = 'get' | 'post' | 'put' | 'delete';

function operation(path: string, method: Method, o: Operation) {
  // Path and header parameters are where they say; the rest are in the query (a POST also
  // takes them in its body).
  const parameter = (p: AnyParam) => ({
    name: p.name,
    in: p.in ?? 'query',
    required: p.in === 'path' || ((p.in === 'header' || method === 'get') && (p.required ?? false)),
    description: p.description,
    schema: p.schema,
  });
  const ok = o.answer
    ? { description: 'OK.', content: { [o.geo ? 'application/geo+json' : 'application/json']: { schema: schemaRef(o.answer) } } }
    : { description: 'Done; no content.' };
  const analysisPost = method === 'post' && o.sites !== undefined;
  const out: Record<string, unknown> = {
    summary: o.summary,
    parameters: o.params.map(parameter),
    ...(o.editToken ? { security: [{ editToken: [] }] } : {}),
    responses: {
      [String(o.status ?? 200)]: ok,
      ...(method === 'get' && o.params.some((p) => !p.in) ? { '422': errorBody('A parameter out of range or unknown (the error names it).') } : {}),
      ...(analysisPost ? ANALYSIS_POST_ERRORS : {}),
      ...Object.fromEntries(Object.entries(o.errors ?? {}).map(([status, d]) => [status, errorBody(d)])),
    },
  };
  if (path === '/places') Object.assign(out.responses as object, { '400': errorBody('No search text, a text over 64 characters, or a bad limit.') });
  if (o.body) out.requestBody = { required: true, content: { 'application/json': { schema: schemaRef(o.body) } } };
  else if (analysisPost) {
    out.requestBody = {
      required: o.sites === 'required',
      description: 'Each parameter may also be given in the query string.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: o.sites === 'required' ? ['sites'] : [],
            properties: {
              sites: ref('Sites'),
              ...Object.fromEntries(o.params.map((p) => [p.name, { description: p.description, ...(p.bodySchema ?? p.schema) }])),
            },
          },
        },
      },
    };
  }
  return out;
}

const ANALYSIS_POST_ERRORS = {
  '400': errorBody('Malformed JSON.'),
  '413': errorBody(`Body over ${LIMITS.maxBodyBytes} bytes, or more than ${LIMITS.maxFeatures} features or ${LIMITS.maxVertices} positions.`),
  '415': errorBody('A body not sent as JSON (Content-Type application/json or another +json type).'),
  '422': errorBody(
    'JSON that is not acceptable: not GeoJSON, a wrong geometry type, coordinates out of range or far from Jiangbei, an unknown tier, a radius out of bounds, a parameter not of its type, or an analysis too large for the time limit (analysis_too_large). `details.problems` lists each problem with its feature index.',
  ),
};

/** The document, built at the first request for it (not at isolate start-up). */
let document: object | undefined;
export function openapiDocument(): object {
  document ??= {
    openapi: '3.1.0',
    info: {
      title: 'Jiangbei Green Map: green-space coverage API',
      version: '1.0.0',
      description:
        'Which land in Jiangbei District (江北区), Chongqing, is within reach of a leisure space (500 m), a street green garden (1000 m) and a park (2000 m), as the district plan asks. A higher tier serves the lower ones. Rates are shares of built-up land. All GeoJSON is WGS-84; map data © OpenStreetMap contributors (ODbL).',
    },
    servers: [{ url: '/api' }],
    paths: {
      ...Object.fromEntries(
        Object.entries(CONTRACT).map(([path, methods]) => [
          path,
          Object.fromEntries(Object.entries(methods).map(([m, o]) => [m, operation(path, m as Method, o as Operation)])),
        ]),
      ),
      '/openapi.json': { get: { summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1.' } } } },
    },
    components: {
      securitySchemes: {
        editToken: { type: 'http', scheme: 'bearer', description: 'The edit token answered once when the scenario was shared (256 random bits, base64url).' },
      },
      schemas: { ...SCHEMAS, Sites: SITES },
    },
  };
  return document;
}
