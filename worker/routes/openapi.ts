/**
 * OpenAPI 3.1 description of the coverage analysis API, written by hand as data and served
 * at /api/openapi.json. Keep it in step with coverage.ts and ../analysis/README.md.
 */
import { LIMITS } from '../analysis/validate-input';
import { DEFAULT_RADII, MAX_RADIUS_M, MIN_RADIUS_M } from '../analysis/tiers';
import { scenarioPaths, scenarioSchemas, scenarioSecuritySchemes } from '../scenarios/openapi';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string, description: string, schema: object, required = false) => ({ name, in: 'query', required, description, schema });

const mode = param('mode', 'Distance mode: `radius` (straight line from the site edge, default) or `walk` (on foot; rivers crossed only on bridges).', {
  type: 'string',
  enum: ['radius', 'walk'],
  default: 'radius',
});
const radii = param(
  'radii',
  `Service radii in metres as tier:metres pairs separated by commas, any subset (the rest keep their defaults), each ${MIN_RADIUS_M}–${MAX_RADIUS_M}. Default \`leisure:${DEFAULT_RADII.leisure},garden:${DEFAULT_RADII.garden},park:${DEFAULT_RADII.park}\`.`,
  { type: 'string', example: 'leisure:500,garden:1000,park:2000' },
);
const sportsDoc =
  'Count the shipped sports grounds (layer `sports`: pitches, sports centres, stadiums, tracks) as leisure spaces (休闲空间), in addition to the green spaces: `true` or `false` (default). A no-op while no sports layer ships. Echoed as `sports` in every answer.';
const sports = param('sports', sportsDoc, { type: 'boolean', default: false });
const tier = (dflt: string) => param('tier', 'Tier: leisure (休闲空间), garden (街头绿园) or park (公园).', { type: 'string', enum: ['leisure', 'garden', 'park'], default: dflt });

const errors = {
  '400': { description: 'Malformed JSON.', content: { 'application/json': { schema: ref('Error') } } },
  '413': { description: `Body over ${LIMITS.maxBodyBytes} bytes, or too many features/positions.`, content: { 'application/json': { schema: ref('Error') } } },
  '415': { description: 'A POST body not sent as JSON (Content-Type application/json or another +json type).', content: { 'application/json': { schema: ref('Error') } } },
  '422': {
    description: 'Input that is JSON but not acceptable: not GeoJSON, wrong geometry type, coordinates out of range or far from Jiangbei, unknown tier, radius out of bounds, `sports` not true/false (invalid_parameter). `details.problems` lists each problem with its feature index. Code `analysis_too_large`: the analysis is estimated to need more CPU than one request may use; the message says what to reduce.',
    content: { 'application/json': { schema: ref('Error') } },
  },
};

const body = (extra: Record<string, object> = {}) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['sites'],
        properties: {
          sites: ref('Sites'),
          radii: { type: 'object', properties: { leisure: { type: 'number' }, garden: { type: 'number' }, park: { type: 'number' } }, additionalProperties: false },
          mode: { type: 'string', enum: ['radius', 'walk'] },
          sports: { type: 'boolean', default: false, description: `${sportsDoc} With your sites: the sports grounds are added to them.` },
          ...extra,
        },
      },
    },
  },
});

const json = (schema: object, description: string, type = 'application/json') => ({ description, content: { [type]: { schema } } });

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Jiangbei Green Map: green-space coverage API',
    version: '1.0.0',
    description:
      'Which land in Jiangbei District (江北区), Chongqing, is within reach of a leisure space (500 m), a street green garden (1000 m) and a park (2000 m), as the district plan asks. A higher tier serves the lower ones. Distances run from the site edge. GET routes use the shipped green spaces (cached, with ETag); POST routes take your own sites. All GeoJSON is WGS-84. Method and accuracy: worker/analysis/README.md.',
  },
  servers: [{ url: '/api' }],
  paths: {
    '/coverage': {
      get: {
        summary: 'Coverage rates per tier, for the district and each core, zone and belt (shipped sites).',
        parameters: [mode, radii, sports],
        responses: { '200': json(ref('Coverage'), 'Rates.'), ...errors },
      },
      post: { summary: 'Coverage rates over your sites.', requestBody: body(), responses: { '200': json(ref('Coverage'), 'Rates.'), ...errors } },
    },
    '/coverage/rings': {
      get: {
        summary: 'One dissolved (multi)polygon per tier: the land within reach, clipped to the district.',
        parameters: [mode, radii, sports],
        responses: { '200': json(ref('FeatureCollection'), 'Features with properties tier, radius_m, mode, area_km2.', 'application/geo+json'), ...errors },
      },
      post: { summary: 'Rings over your sites.', requestBody: body(), responses: { '200': json(ref('FeatureCollection'), 'Rings.', 'application/geo+json'), ...errors } },
    },
    '/gaps': {
      get: {
        summary: 'Uncovered built-up land for a tier, one polygon per gap, largest first.',
        parameters: [tier('leisure'), mode, radii, sports, param('min_km2', 'Smallest gap returned (km²).', { type: 'number', default: 0.0025 })],
        responses: { '200': json(ref('FeatureCollection'), 'Features with properties rank, tier, radius_m, mode, area_km2, zone {id,name_zh,name_en} | null.', 'application/geo+json'), ...errors },
      },
      post: {
        summary: 'Gaps left by your sites (tier in the query or body).',
        parameters: [tier('leisure')],
        requestBody: body({ tier: { type: 'string', enum: ['leisure', 'garden', 'park'] }, min_km2: { type: 'number' } }),
        responses: { '200': json(ref('FeatureCollection'), 'Gaps.', 'application/geo+json'), ...errors },
      },
    },
    '/nearest': {
      get: {
        summary: 'For each tier, the nearest serving site from a point: distance, walking minutes (80 m/min), whether within the radius; in walk mode the path.',
        parameters: [param('lon', 'Longitude (WGS-84).', { type: 'number' }, true), param('lat', 'Latitude (WGS-84).', { type: 'number' }, true), mode, radii, sports],
        responses: { '200': json(ref('Nearest'), 'Nearest sites.'), ...errors },
      },
      post: {
        summary: 'Nearest among your sites (lon, lat in the query or body).',
        requestBody: body({ lon: { type: 'number' }, lat: { type: 'number' } }),
        responses: { '200': json(ref('Nearest'), 'Nearest sites.'), ...errors },
      },
    },
    '/suggest': {
      get: {
        summary: 'Greedy placement of `count` new sites of a tier, each covering the most still-uncovered built-up land (straight-line reach).',
        parameters: [tier('leisure'), param('count', `How many (1–${LIMITS.maxSuggest}).`, { type: 'integer', default: 5 }), radii, sports],
        responses: { '200': json(ref('FeatureCollection'), 'Points with properties rank, tier, radius_m, gain_km2, gain_pp; the gains add up to the rise in the rate.', 'application/geo+json'), ...errors },
      },
      post: {
        summary: 'Suggestions given your sites (optional; without `sites`, the shipped ones).',
        requestBody: {
          required: false,
          content: { 'application/json': { schema: { type: 'object', properties: { sites: ref('Sites'), radii: { type: 'object' }, tier: { type: 'string' }, count: { type: 'integer' }, sports: { type: 'boolean', default: false, description: sportsDoc } } } } },
        },
        responses: { '200': json(ref('FeatureCollection'), 'Suggestions.', 'application/geo+json'), ...errors },
      },
    },
    '/openapi.json': { get: { summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1.' } } } },
    ...scenarioPaths,
  },
  components: {
    securitySchemes: scenarioSecuritySchemes,
    schemas: {
      ...scenarioSchemas,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', examples: ['invalid_json', 'invalid_geojson', 'unsupported_geometry', 'unknown_tier', 'invalid_radius', 'far_from_district', 'too_many_features', 'body_too_large'] },
              message: { type: 'string' },
              details: {
                type: 'object',
                properties: { problems: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } } } } },
              },
            },
          },
        },
      },
      Sites: {
        description: `GeoJSON FeatureCollection of at most ${LIMITS.maxFeatures} Point, MultiPoint, Polygon or MultiPolygon features (at most ${LIMITS.maxVertices} positions), each with properties.tier (leisure|garden|park) and optionally id, name_zh, name_en; within ${LIMITS.maxKmFromJiangbei} km of Jiangbei.`,
        type: 'object',
        required: ['type', 'features'],
        properties: { type: { const: 'FeatureCollection' }, features: { type: 'array' } },
      },
      FeatureCollection: {
        type: 'object',
        properties: { type: { const: 'FeatureCollection' }, features: { type: 'array' }, sports: { type: 'boolean', description: 'Whether the sports grounds counted as leisure spaces (a foreign member, echoed).' } },
      },
      TierRate: {
        type: 'object',
        properties: {
          tier: { type: 'string' },
          radius_m: { type: 'number' },
          covered_km2: { type: 'number' },
          total_km2: { type: 'number' },
          coverage_pct: { type: 'number', description: 'Share of what `of` names (built-up land, or land).' },
          land_covered_km2: { type: 'number' },
          land_total_km2: { type: 'number' },
          land_coverage_pct: { type: 'number', description: 'Share of all land (district without water).' },
        },
      },
      Coverage: {
        type: 'object',
        properties: {
          mode: { type: 'string' },
          radii: { type: 'object' },
          of: { type: 'string', enum: ['builtup', 'land'] },
          sports: { type: 'boolean', description: 'Whether the sports grounds counted as leisure spaces (echoed).' },
          sites: { type: 'integer', description: 'Sites analysed (with `sports`, the sports grounds included).' },
          tiers: { type: 'array', items: ref('TierRate') },
          areas: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['district', 'core', 'zone', 'belt'] }, name_zh: { type: 'string' }, name_en: { type: 'string' }, tiers: { type: 'array', items: ref('TierRate') } },
            },
          },
          computed_ms: { type: 'number', description: 'Compute time; reads 0 in workerd, whose clock advances only across I/O.' },
        },
      },
      Nearest: {
        type: 'object',
        properties: {
          mode: { type: 'string' },
          sports: { type: 'boolean', description: 'Whether the sports grounds counted as leisure spaces (echoed).' },
          tiers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                tier: { type: 'string' },
                id: { type: ['string', 'null'] },
                name_zh: { type: ['string', 'null'] },
                name_en: { type: ['string', 'null'] },
                distance_m: { type: ['number', 'null'] },
                walk_min: { type: ['number', 'null'] },
                covered: { type: 'boolean' },
                radius_m: { type: 'number' },
                path: { type: 'object', description: 'walk mode: GeoJSON LineString from the point to the site.' },
              },
            },
          },
          sites: {
            type: 'array',
            description: 'The nearest sites of any tier, closest first: radius mode the 5 closest; walk mode the tiers’ nearest without repeats (with paths).',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, tier: { type: 'string' }, name_zh: { type: 'string' }, name_en: { type: 'string' }, distance_m: { type: 'number' }, walk_min: { type: 'number' }, path: { type: 'object' } },
            },
          },
        },
      },
    },
  },
} as const;
