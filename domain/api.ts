/**
 * The API's answers, declared once. Each is a JSON Schema object (TypeBox builds them) and,
 * by `Static`, the TypeScript type of the same shape: the worker's analysis returns these
 * types, the page reads them, the tests check against them, and the OpenAPI document
 * (worker/routes/openapi.ts) publishes the schemas themselves.
 */
import * as T from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { MODES, TIERS } from './tiers';

const nullable = <S extends ReturnType<typeof T.String> | ReturnType<typeof T.Number>>(s: S) => T.Union([s, T.Null()]);

const TierSchema = T.Union(TIERS.map((t) => T.Literal(t)), { description: 'leisure (休闲空间), garden (街头绿园) or park (公园).' });
const ModeSchema = T.Union(MODES.map((m) => T.Literal(m)), {
  description: '`radius`: straight line from the site edge; `walk`: straight lines on foot, the rivers crossed only on bridges.',
});
const RadiiSchema = T.Object({ leisure: T.Number(), garden: T.Number(), park: T.Number() }, { description: 'Service radius per tier (m).' });

const TierRateSchema = T.Object({
  tier: TierSchema,
  radius_m: T.Number(),
  covered_km2: T.Number({ description: 'Covered part of what `of` names.' }),
  total_km2: T.Number(),
  coverage_pct: T.Number({ description: 'Share of what `of` names (built-up land, or land).' }),
  land_covered_km2: T.Number(),
  land_total_km2: T.Number(),
  land_coverage_pct: T.Number({ description: 'Share of all land (the district without water).' }),
});
export type TierRate = Static<typeof TierRateSchema>;

const AREA_KINDS = ['district', 'core', 'zone', 'belt'] as const;
const AreaRatesSchema = T.Object({
  id: T.String(),
  kind: T.Union(AREA_KINDS.map((k) => T.Literal(k))),
  name_zh: T.String(),
  name_en: T.String(),
  tiers: T.Array(TierRateSchema),
});
export type AreaRates = Static<typeof AreaRatesSchema>;

const sports = T.Boolean({ description: 'Whether the sports grounds counted as leisure spaces (echoed).' });

export const CoverageSchema = T.Object({
  mode: ModeSchema,
  radii: RadiiSchema,
  of: T.Union([T.Literal('builtup'), T.Literal('land')], { description: 'What `coverage_pct` is a share of.' }),
  sites: T.Integer({ description: 'Sites analysed (with `sports`, the sports grounds included).' }),
  tiers: T.Array(TierRateSchema),
  areas: T.Array(AreaRatesSchema, { description: 'The district first, then each core, zone and belt segment.' }),
  sports,
  computed_ms: T.Optional(T.Number({ description: 'Compute time; reads 0 in workerd, whose clock advances only across I/O.' })),
});
export type Coverage = Static<typeof CoverageSchema>;

const PathSchema = T.Object(
  { type: T.Literal('LineString'), coordinates: T.Array(T.Tuple([T.Number(), T.Number()])) },
  { description: 'walk mode: a GeoJSON LineString from the point to the site.' },
);

const NearestTierSchema = T.Object({
  tier: TierSchema,
  id: nullable(T.String()),
  name_zh: nullable(T.String()),
  name_en: nullable(T.String()),
  distance_m: nullable(T.Number()),
  walk_min: nullable(T.Number({ description: 'At 80 m a minute.' })),
  covered: T.Boolean({ description: 'Whether the nearest site is within the tier’s radius.' }),
  radius_m: T.Number(),
  path: T.Optional(PathSchema),
});
export type NearestTier = Static<typeof NearestTierSchema>;

const NearbySiteSchema = T.Object({
  id: T.String(),
  tier: TierSchema,
  name_zh: T.String(),
  name_en: T.String(),
  distance_m: T.Number(),
  walk_min: T.Number(),
  path: T.Optional(PathSchema),
});
export type NearbySite = Static<typeof NearbySiteSchema>;

export const NearestSchema = T.Object({
  mode: ModeSchema,
  tiers: T.Array(NearestTierSchema),
  sites: T.Array(NearbySiteSchema, {
    description: 'The nearest sites of any tier, closest first: radius mode the 5 closest; walk mode the tiers’ nearest without repeats (with paths).',
  }),
  sports,
});
export type Nearest = Static<typeof NearestSchema>;

/** A GeoJSON FeatureCollection whose features carry `properties` of the given shape. */
const collection = <P extends ReturnType<typeof T.Object>>(properties: P, description: string) =>
  T.Object(
    {
      type: T.Literal('FeatureCollection'),
      features: T.Array(T.Object({ type: T.Literal('Feature'), properties, geometry: T.Object({ type: T.String(), coordinates: T.Array(T.Unknown()) }) })),
      sports,
    },
    { description },
  );

const RingPropertiesSchema = T.Object({ tier: TierSchema, radius_m: T.Number(), mode: ModeSchema, area_km2: T.Number() });
export type RingProperties = Static<typeof RingPropertiesSchema>;
export const RingsSchema = collection(RingPropertiesSchema, 'One dissolved (Multi)Polygon per tier: the land within reach, clipped to the district.');

const ZoneRefSchema = T.Union([T.Object({ id: T.String(), name_zh: T.String(), name_en: T.String() }), T.Null()]);
const GapPropertiesSchema = T.Object({ rank: T.Integer(), tier: TierSchema, radius_m: T.Number(), mode: ModeSchema, area_km2: T.Number(), zone: ZoneRefSchema });
export type GapProperties = Static<typeof GapPropertiesSchema>;
export const GapsSchema = collection(GapPropertiesSchema, 'Uncovered built-up land for a tier, one Polygon per gap, largest first.');

const SuggestionPropertiesSchema = T.Object({
  rank: T.Integer(),
  tier: TierSchema,
  radius_m: T.Number(),
  gain_km2: T.Number({ description: 'Built-up land newly within reach.' }),
  gain_pp: T.Number({ description: 'Rise in the rate (percentage points); the gains add up to the total rise.' }),
});
export type SuggestionProperties = Static<typeof SuggestionPropertiesSchema>;
export const SuggestionsSchema = collection(SuggestionPropertiesSchema, 'Points, best first.');

const ProblemSchema = T.Object({
  index: T.Optional(T.Integer({ description: 'Feature index in `sites.features`, when the problem is in one feature.' })),
  field: T.String({ description: 'Which part of the input, e.g. `sites.features[3].properties.tier`.' }),
  message: T.String(),
});
export type Problem = Static<typeof ProblemSchema>;

export const ErrorSchema = T.Object({
  error: T.Object({
    code: T.String({ examples: ['invalid_json', 'invalid_geojson', 'unsupported_geometry', 'unknown_tier', 'invalid_radius', 'far_from_district', 'too_many_features', 'body_too_large'] }),
    message: T.String(),
    // `problems` for input errors; other refusals name their limits here (e.g. max_bytes, estimated_ms).
    details: T.Optional(T.Intersect([T.Object({ problems: T.Optional(T.Array(ProblemSchema)) }), T.Record(T.String(), T.Unknown())])),
  }),
});
export type ErrorBody = Static<typeof ErrorSchema>;

const LayerInfoSchema = T.Object({
  id: T.String(),
  title_zh: T.String(),
  title_en: T.String(),
  geometry: T.Union(['point', 'line', 'polygon', 'mixed', 'none'].map((g) => T.Literal(g)), { description: 'Geometry kind of the layer’s features.' }),
  count: T.Integer(),
  sources: T.Array(T.String(), { description: 'Where the features come from.' }),
  confidence: T.Object({ high: T.Integer(), medium: T.Integer(), low: T.Integer() }, { description: 'Features per confidence level.' }),
});
export type LayerInfo = Static<typeof LayerInfoSchema>;
export const LayersSchema = T.Object({ layers: T.Array(LayerInfoSchema) });

const PlaceSchema = T.Object({
  id: T.String(),
  layer: T.String(),
  kind: T.String(),
  name_zh: T.String(),
  name_en: T.String(),
  pinyin: T.String(),
  lon: T.Number(),
  lat: T.Number(),
});
export type Place = Static<typeof PlaceSchema>;
export const PlacesSchema = T.Object({ query: T.String(), places: T.Array(PlaceSchema, { description: 'Best match first.' }) });

export const HealthSchema = T.Object({ ok: T.Boolean(), service: T.String(), time: T.String({ format: 'date-time' }) });

/** Any GeoJSON FeatureCollection (the shipped layers). */
export const FeatureCollectionSchema = T.Object({ type: T.Literal('FeatureCollection'), features: T.Array(T.Unknown()) }, { description: 'GeoJSON (RFC 7946), WGS-84.' });

/** Every schema the OpenAPI document lists under components. */
export const SCHEMAS = {
  Tier: TierSchema,
  Mode: ModeSchema,
  TierRate: TierRateSchema,
  AreaRates: AreaRatesSchema,
  Coverage: CoverageSchema,
  Nearest: NearestSchema,
  Rings: RingsSchema,
  Gaps: GapsSchema,
  Suggestions: SuggestionsSchema,
  Layers: LayersSchema,
  Places: PlacesSchema,
  Health: HealthSchema,
  FeatureCollection: FeatureCollectionSchema,
  Error: ErrorSchema,
} as const;
