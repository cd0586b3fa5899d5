/**
 * The shared-scenario routes in OpenAPI 3.1, as data in one place: `scenarioPaths` and
 * `scenarioSchemas` are spread into ../routes/openapi.ts (so a generated document later
 * can take them whole). Keep in step with ../routes/scenarios.ts.
 */
import { LIMITS } from '../analysis/validate-input';
import { SCENARIO_LIMITS as L } from './limits';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const ok = (schema: object, description: string, headers: Record<string, object> = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema } },
});

const id = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The scenario id: 128 random bits, base64url (22 characters). Knowing it is what allows reading.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
};
const bearer = [{ editToken: [] }];
const etag = {
  ETag: {
    description: 'The version number as a strong validator, e.g. "v3": send it back as If-Match when saving an edit of this version.',
    schema: { type: 'string' },
  },
};
const fileBody = {
  required: true,
  content: { 'application/json': { schema: ref('ScenarioFile') } },
};

const writeErrors = {
  '400': err('Malformed JSON, or an If-Match that names no version (invalid_if_match).'),
  '413': err(
    `Limits: body over ${L.maxBodyBytes} bytes (body_too_large), more than ${L.maxFeatures} proposed sites (too_many_features), more than ${L.maxClosures} closures (too_many_closures), more than ${LIMITS.maxVertices} positions (too_many_vertices). \`details.limit\` names the limit.`,
  ),
  '415': err('Not sent as JSON.'),
  '422': err(
    `Not a scenario file the workbench can open or the analysis can run: invalid_scenario, invalid_geojson, unknown_tier, far_from_district, unsupported_geometry, invalid_radius, invalid_mode; name over ${L.maxNameChars} characters (name_too_long).`,
  ),
  '429': err(`More than ${L.writesPerMinute} writes (POST, PUT, DELETE) a minute from one client (rate_limited); Retry-After says when to try again.`),
  '503': err('The database did not answer (storage_unavailable); nothing was stored or changed.'),
};
const authErrors = {
  '401': err('No edit token (token_required): send Authorization: Bearer <token>. A read link never edits.'),
  '403': err('The token is not this scenario’s (token_invalid).'),
  '404': err('No such scenario (scenario_not_found): never stored, or deleted.'),
};

export const scenarioPaths = {
  '/scenarios': {
    post: {
      summary:
        'Share a scenario: stores the workbench’s scenario file as version 1 and answers its id, read link and edit token (shown once; only its hash is kept).',
      requestBody: fileBody,
      responses: {
        '201': ok(ref('ScenarioCreated'), 'Stored.', { ...etag, Location: { description: '/api/scenarios/{id}', schema: { type: 'string' } } }),
        ...writeErrors,
      },
    },
  },
  '/scenarios/{id}': {
    get: {
      summary: 'The latest version of a shared scenario (anyone with the id).',
      parameters: [id],
      responses: {
        '200': ok(ref('ScenarioVersion'), 'The latest version.', etag),
        '304': { description: 'Not modified (If-None-Match).' },
        '404': authErrors['404'],
        '503': writeErrors['503'],
      },
    },
    put: {
      summary:
        'Save a new version: needs the edit token, and If-Match naming the version the edit is based on. If another version was saved since, nothing is written: 409 with the current version in `details.current`.',
      security: bearer,
      parameters: [
        id,
        {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ETag of the version the edit started from, e.g. "v3".',
          schema: { type: 'string' },
        },
      ],
      requestBody: fileBody,
      responses: {
        '200': ok(ref('ScenarioVersion'), 'The new version.', etag),
        ...authErrors,
        '409': err(
          'version_conflict: the edit is based on an older version. `details.base` is the version named, `details.current` the current version (ScenarioVersion); nothing was overwritten.',
        ),
        '428': err('No If-Match (if_match_required).'),
        ...writeErrors,
      },
    },
    delete: {
      summary: 'Delete a shared scenario and all its versions (edit token needed).',
      security: bearer,
      parameters: [id],
      responses: { '204': { description: 'Deleted.' }, ...authErrors, '429': writeErrors['429'], '503': writeErrors['503'] },
    },
  },
  '/scenarios/{id}/versions': {
    get: {
      summary: `The versions kept (the latest ${L.versionsKept}), newest first, without their contents.`,
      parameters: [id],
      responses: { '200': ok(ref('ScenarioVersionList'), 'Versions.'), '404': authErrors['404'], '503': writeErrors['503'] },
    },
  },
  '/scenarios/{id}/versions/{n}': {
    get: {
      summary: 'One version.',
      parameters: [id, { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: {
        '200': ok(ref('ScenarioVersion'), 'The version.', etag),
        '400': err('n is not a whole number from 1 (invalid_version).'),
        '404': err('No such scenario, or no such version yet (version_not_found).'),
        '410': err(`version_pruned: only the latest ${L.versionsKept} versions are kept.`),
        '503': writeErrors['503'],
      },
    },
  },
} as const;

export const scenarioSecuritySchemes = {
  editToken: { type: 'http', scheme: 'bearer', description: 'The edit token answered once when the scenario was shared (256 random bits, base64url).' },
} as const;

export const scenarioSchemas = {
  ScenarioFile: {
    description: `The workbench’s scenario file (what Plan → Export scenario writes): a GeoJSON FeatureCollection of at most ${L.maxFeatures} proposed sites (Point or Polygon, properties.tier leisure|garden|park, optional id and name), within ${LIMITS.maxKmFromJiangbei} km of Jiangbei, with the rest in the foreign member jiangbei_scenario. Stored as the workbench would export it.`,
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      features: { type: 'array', maxItems: L.maxFeatures },
      jiangbei_scenario: {
        type: 'object',
        properties: {
          version: { const: 1 },
          name: { type: 'string', maxLength: L.maxNameChars, description: 'Plain text: stored and answered as given, never interpreted.' },
          closures: { type: 'array', maxItems: L.maxClosures, items: { type: 'string' }, description: 'Ids of shipped green spaces taken out of service.' },
          radii: { type: 'object', properties: { leisure: { type: 'number' }, garden: { type: 'number' }, park: { type: 'number' } } },
          mode: { type: 'string', enum: ['radius', 'walk'] },
        },
      },
    },
  },
  ScenarioCreated: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      version: { const: 1 },
      name: { type: 'string' },
      created: { type: 'string', format: 'date-time' },
      data_version: { type: 'string', description: 'Hash of the shipped layers the scenario was made on.' },
      read_link: { type: 'string', description: 'The page opening it read-only: /?scenario={id}.' },
      edit_token: { type: 'string', description: 'Shown once. Needed to save versions or delete; keep it secret.' },
    },
  },
  ScenarioVersion: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      version: { type: 'integer' },
      latest: { type: 'integer' },
      name: { type: 'string' },
      created: { type: 'string', format: 'date-time', description: 'When the scenario was first shared.' },
      saved: { type: 'string', format: 'date-time', description: 'When this version was saved.' },
      features: { type: 'integer' },
      data: {
        type: 'object',
        description: 'How the version stands against today’s shipped layers.',
        properties: {
          version: { type: 'string' },
          current: { type: 'string' },
          matches: { type: 'boolean' },
          missing_closures: { type: 'array', items: { type: 'string' }, description: 'Closed green spaces no longer in the shipped layer.' },
        },
      },
      scenario: ref('ScenarioFile'),
    },
  },
  ScenarioVersionList: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      latest: { type: 'integer' },
      kept: { type: 'integer' },
      versions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            version: { type: 'integer' },
            name: { type: 'string' },
            saved: { type: 'string' },
            features: { type: 'integer' },
            data_version: { type: 'string' },
          },
        },
      },
    },
  },
} as const;
