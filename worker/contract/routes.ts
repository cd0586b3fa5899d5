/**
 * One contract per route: what it is for, the parameters it reads and the answer it gives.
 * The handlers read their parameters through these very lists (readParams), and the OpenAPI
 * document (../routes/openapi.ts) is generated from them.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  CoverageSchema,
  FeatureCollectionSchema,
  GapPiecesSchema,
  GapsSchema,
  HealthSchema,
  LayersSchema,
  NearestSchema,
  PlacesSchema,
  RingsSchema,
  ScenarioCreatedSchema,
  ScenarioFileSchema,
  ScenarioVersionListSchema,
  ScenarioVersionSchema,
  SuggestionsSchema,
} from '../../domain/api';
import { LIMITS } from '../analysis/validate-input';
import { SCENARIO_LIMITS as SL } from '../scenarios/limits';
import {
  type AnyParam,
  count,
  ifMatch,
  lat,
  limit,
  lon,
  minKm2,
  mode,
  pieceLimit,
  population,
  q,
  radii,
  radiusOnly,
  scenarioId,
  sports,
  tier,
  versionNumber,
} from './params';

export interface Operation<P extends readonly AnyParam[] = readonly AnyParam[]> {
  summary: string;
  /** Parameters, read from the query string (GET) or from the query or the body (POST), or from where each says. */
  params: P;
  /** An analysis POST: whether the body must carry `sites` (its other members are the params). */
  sites?: 'required' | 'optional';
  /** A body of its own schema instead (e.g. a scenario file). */
  body?: TSchema;
  /** The answer's schema; none for an empty answer. */
  answer?: TSchema;
  /** Success status, if not 200. */
  status?: 201 | 204;
  /** Answered as application/geo+json. */
  geo?: boolean;
  /** Needs the scenario's edit token as a bearer token. */
  editToken?: boolean;
  /** Refusals the route gives beyond the common ones (e.g. 404 for an unknown layer). */
  errors?: Record<string, string>;
}

const op = <const P extends readonly AnyParam[]>(o: Operation<P>) => o;

/** What a shared-scenario route may refuse (limits in ../scenarios/limits.ts). */
const READ = {
  '404': 'No such scenario (scenario_not_found): never stored, or deleted.',
  '503': 'The database did not answer (storage_unavailable); nothing was stored or changed.',
};
const AUTH = {
  '401': 'No edit token (token_required): send Authorization: Bearer <token>. A read link never edits.',
  '403': 'The token is not this scenario’s (token_invalid).',
  '404': READ['404'],
};
const SCENARIO_WRITE = {
  '400': 'Malformed JSON.',
  '413': `Limits: body over ${SL.maxBodyBytes} bytes (body_too_large), more than ${SL.maxFeatures} proposed sites (too_many_features), more than ${SL.maxClosures} closures (too_many_closures), more than ${LIMITS.maxVertices} positions (too_many_vertices). \`details.limit\` names the limit.`,
  '415': 'Not sent as JSON.',
  '422': `Not a scenario file the workbench can open or the analysis can run: invalid_scenario, invalid_geojson, unknown_tier, far_from_district, unsupported_geometry, invalid_radius, invalid_mode; a name over ${SL.maxNameChars} characters (name_too_long).`,
  '429': `More than ${SL.writesPerMinute} writes (POST, PUT, DELETE) a minute from one client (rate_limited); Retry-After says when to try again.`,
  '503': READ['503'],
};
const common = [mode, radii, sports] as const;

export const CONTRACT = {
  '/coverage': {
    get: op({ summary: 'Coverage rates per tier for the district and each core, zone and belt (shipped sites).', params: common, answer: CoverageSchema }),
    post: op({
      summary: 'Coverage rates over your sites; with `population`, in people beside area.',
      params: [...common, population] as const,
      sites: 'required',
      answer: CoverageSchema,
    }),
  },
  '/coverage/rings': {
    get: op({
      summary: 'One dissolved (multi)polygon per tier: the land within reach, clipped to the district.',
      params: common,
      answer: RingsSchema,
      geo: true,
    }),
    post: op({ summary: 'Rings over your sites.', params: common, sites: 'required', answer: RingsSchema, geo: true }),
  },
  '/gaps': {
    get: op({
      summary: 'Uncovered built-up land for a tier, one polygon per gap, largest first.',
      params: [tier, ...common, minKm2] as const,
      answer: GapsSchema,
      geo: true,
    }),
    post: op({ summary: 'Gaps left by your sites.', params: [tier, ...common, minKm2] as const, sites: 'required', answer: GapsSchema, geo: true }),
  },
  '/gaps/pieces': {
    get: op({
      summary:
        'Gap pieces: the uncovered built-up land of a tier cut along core, zone and belt lines, by the rivers and into 1 km² square tiles; each with the zone it lies in, the nearest named station or landmark, and the single best site to close it with its gain. Largest first.',
      params: [tier, ...common, minKm2, pieceLimit] as const,
      answer: GapPiecesSchema,
      geo: true,
    }),
    post: op({
      summary: 'Gap pieces left by your sites; with `population`, ranked by unserved people.',
      params: [tier, ...common, minKm2, pieceLimit, population] as const,
      sites: 'required',
      answer: GapPiecesSchema,
      geo: true,
    }),
  },
  '/nearest': {
    get: op({
      summary:
        'For each tier, the nearest serving site from a point: distance, walking minutes (80 m/min), whether within the radius; and the 5 nearest sites of any tier, closest first. In walk mode distances are on foot (rivers crossed on bridges), each with its path, up to `walk_reach_m`.',
      params: [lon, lat, ...common] as const,
      answer: NearestSchema,
    }),
    post: op({ summary: 'Nearest among your sites.', params: [lon, lat, ...common] as const, sites: 'required', answer: NearestSchema }),
  },
  '/suggest': {
    get: op({
      summary: 'Greedy placement of `count` new sites of a tier, each covering the most still-uncovered built-up land (straight-line reach).',
      params: [tier, count, radii, sports, radiusOnly] as const,
      answer: SuggestionsSchema,
      geo: true,
    }),
    post: op({
      summary: 'Suggestions given your sites (without `sites`, the shipped ones); with `population`, each pick serves the most people not yet served.',
      params: [tier, count, radii, sports, radiusOnly, population] as const,
      sites: 'optional',
      answer: SuggestionsSchema,
      geo: true,
    }),
  },
  '/places': {
    get: op({
      summary: 'Search the named places (green spaces, stations, landmarks, zones, cores, belt, bridges).',
      params: [q, limit] as const,
      answer: PlacesSchema,
    }),
  },
  '/layers': { get: op({ summary: 'The shipped layers: titles, counts, sources and confidence.', params: [], answer: LayersSchema }) },
  '/layers/all.geojson': {
    get: op({
      summary: 'Every shipped layer in one FeatureCollection; each feature’s `layer` names its layer.',
      params: [],
      answer: FeatureCollectionSchema,
      geo: true,
    }),
  },
  '/layers/{id}': {
    get: op({
      summary: 'One shipped layer.',
      params: [],
      answer: FeatureCollectionSchema,
      geo: true,
      errors: { '404': 'No layer of that id (the answer lists the known ones).' },
    }),
  },
  '/health': { get: op({ summary: 'Liveness.', params: [], answer: HealthSchema }) },
  '/scenarios': {
    post: op({
      summary:
        'Share a scenario: stores the workbench’s scenario file as version 1 and answers its id, read link and edit token (shown once; only its hash is kept).',
      params: [],
      body: ScenarioFileSchema,
      answer: ScenarioCreatedSchema,
      status: 201,
      errors: { ...SCENARIO_WRITE },
    }),
  },
  '/scenarios/{id}': {
    get: op({
      summary: 'The latest version of a shared scenario (anyone with the id); ETag "v<n>", 304 on If-None-Match.',
      params: [scenarioId],
      answer: ScenarioVersionSchema,
      errors: { ...READ },
    }),
    put: op({
      summary:
        'Save a new version: needs the edit token, and If-Match naming the version the edit is based on. If another version was saved since, nothing is written: 409 with the current version in `details.current`.',
      params: [scenarioId, ifMatch],
      body: ScenarioFileSchema,
      answer: ScenarioVersionSchema,
      editToken: true,
      errors: {
        ...SCENARIO_WRITE,
        ...AUTH,
        '400': 'Malformed JSON, or an If-Match that names no version (invalid_if_match).',
        '409':
          'version_conflict: the edit is based on an older version; `details.base` is the version named, `details.current` the current version. Nothing was overwritten.',
        '428': 'No If-Match (if_match_required).',
      },
    }),
    delete: op({
      summary: 'Delete a shared scenario and all its versions (edit token needed).',
      params: [scenarioId],
      status: 204,
      editToken: true,
      errors: { ...AUTH, '429': SCENARIO_WRITE['429'], '503': READ['503'] },
    }),
  },
  '/scenarios/{id}/versions': {
    get: op({
      summary: `The versions kept (the latest ${SL.versionsKept}), newest first, without their contents.`,
      params: [scenarioId],
      answer: ScenarioVersionListSchema,
      errors: { ...READ },
    }),
  },
  '/scenarios/{id}/versions/{n}': {
    get: op({
      summary: 'One version.',
      params: [scenarioId, versionNumber],
      answer: ScenarioVersionSchema,
      errors: {
        ...READ,
        '400': 'n is not a whole number from 1 (invalid_version).',
        '404': 'No such scenario, or no such version yet (version_not_found).',
        '410': `version_pruned: only the latest ${SL.versionsKept} versions are kept.`,
      },
    }),
  },
} as const;
