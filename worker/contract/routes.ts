/**
 * One contract per route: what it is for, the parameters it reads and the answer it gives.
 * The handlers read their parameters through these very lists (readParams), and the OpenAPI
 * document (../routes/openapi.ts) is generated from them.
 */
import type { TSchema } from '@sinclair/typebox';
import { CoverageSchema, FeatureCollectionSchema, GapPiecesSchema, GapsSchema, HealthSchema, LayersSchema, NearestSchema, PlacesSchema, RingsSchema, SuggestionsSchema } from '../../domain/api';
import { type AnyParam, count, lat, limit, lon, minKm2, mode, pieceLimit, population, q, radii, radiusOnly, sports, tier } from './params';

export interface Operation<P extends readonly AnyParam[] = readonly AnyParam[]> {
  summary: string;
  /** Parameters, read from the query string (GET) or from the query or the body (POST). */
  params: P;
  /** POST only: whether the body must carry `sites`. */
  sites?: 'required' | 'optional';
  answer: TSchema;
  /** Answered as application/geo+json. */
  geo?: boolean;
  /** Refusals the route gives beyond the common ones (e.g. 404 for an unknown layer). */
  errors?: Record<string, string>;
}

const op = <const P extends readonly AnyParam[]>(o: Operation<P>) => o;
const common = [mode, radii, sports] as const;

export const CONTRACT = {
  '/coverage': {
    get: op({ summary: 'Coverage rates per tier for the district and each core, zone and belt (shipped sites).', params: common, answer: CoverageSchema }),
    post: op({ summary: 'Coverage rates over your sites; with `population`, in people beside area.', params: [...common, population] as const, sites: 'required', answer: CoverageSchema }),
  },
  '/coverage/rings': {
    get: op({ summary: 'One dissolved (multi)polygon per tier: the land within reach, clipped to the district.', params: common, answer: RingsSchema, geo: true }),
    post: op({ summary: 'Rings over your sites.', params: common, sites: 'required', answer: RingsSchema, geo: true }),
  },
  '/gaps': {
    get: op({ summary: 'Uncovered built-up land for a tier, one polygon per gap, largest first.', params: [tier, ...common, minKm2] as const, answer: GapsSchema, geo: true }),
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
    post: op({ summary: 'Gap pieces left by your sites; with `population`, ranked by unserved people.', params: [tier, ...common, minKm2, pieceLimit, population] as const, sites: 'required', answer: GapPiecesSchema, geo: true }),
  },
  '/nearest': {
    get: op({
      summary: 'For each tier, the nearest serving site from a point: distance, walking minutes (80 m/min), whether within the radius; in walk mode the path.',
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
    get: op({ summary: 'Search the named places (green spaces, stations, landmarks, zones, cores, belt, bridges).', params: [q, limit] as const, answer: PlacesSchema }),
  },
  '/layers': { get: op({ summary: 'The shipped layers: titles, counts, sources and confidence.', params: [], answer: LayersSchema }) },
  '/layers/all.geojson': { get: op({ summary: 'Every shipped layer in one FeatureCollection; each feature’s `layer` names its layer.', params: [], answer: FeatureCollectionSchema, geo: true }) },
  '/layers/{id}': {
    get: op({ summary: 'One shipped layer.', params: [], answer: FeatureCollectionSchema, geo: true, errors: { '404': 'No layer of that id (the answer lists the known ones).' } }),
  },
  '/health': { get: op({ summary: 'Liveness.', params: [], answer: HealthSchema }) },
} as const;
