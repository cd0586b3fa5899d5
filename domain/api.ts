/**
 * The API's answers, declared once. Each is a JSON Schema object (TypeBox builds them) and,
 * by `Static`, the TypeScript type of the same shape: the worker's analysis returns these
 * types, the page reads them, the tests check against them, and the OpenAPI document
 * (worker/routes/openapi.ts) publishes the schemas themselves.
 */

import type { Static } from '@sinclair/typebox';
import * as T from '@sinclair/typebox';
import type { Feature } from 'geojson';
import { MODES, TIERS } from './tiers';

const nullable = <S extends ReturnType<typeof T.String> | ReturnType<typeof T.Number>>(s: S) => T.Union([s, T.Null()]);

const TierSchema = T.Union(
  TIERS.map((t) => T.Literal(t)),
  { description: 'leisure (休闲空间), garden (街头绿园) or park (公园).' },
);
const ModeSchema = T.Union(
  MODES.map((m) => T.Literal(m)),
  {
    description: '`radius`: straight line from the site edge; `walk`: straight lines on foot, the rivers crossed only on bridges.',
  },
);
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
  people_covered: T.Optional(T.Integer({ description: 'With a population: people within reach.' })),
  people_total: T.Optional(T.Integer({ description: 'With a population: people in the area.' })),
  people_pct: T.Optional(T.Number({ description: 'With a population: their share (%).' })),
});
export type TierRate = Static<typeof TierRateSchema>;

const PeopleSummarySchema = T.Object(
  {
    source: T.Union([T.String(), T.Null()], { description: 'As the planner gave it.' }),
    date: T.Union([T.String(), T.Null()], { description: 'As the planner gave it.' }),
    given: T.Integer({ description: 'People given in all.' }),
    total: T.Integer({ description: 'People on the district’s land: the rates’ denominator.' }),
    outside: T.Integer({ description: 'People given but not on the district’s land (outside it, on water, off the grid).' }),
    extent_builtup_pct: T.Number({ description: 'Share (%) of the district’s built-up land inside the population’s extent.' }),
  },
  { description: 'The population a request brought (`population`), echoed with what of it the rates count.' },
);
export type PeopleSummary = Static<typeof PeopleSummarySchema>;
const people = T.Optional(PeopleSummarySchema);

/** The `population` a POST may bring (checked by worker/analysis/validate-population.ts). */
const PopulationSchema = T.Object(
  {
    points: T.Array(T.Tuple([T.Number(), T.Number(), T.Number({ minimum: 0 })]), { description: '[lon, lat, count], WGS-84; at most 150,000.' }),
    source: T.Optional(T.String({ maxLength: 200, description: 'Where the counts come from (echoed).' })),
    date: T.Optional(T.String({ maxLength: 200, description: 'Of when (echoed).' })),
    extent: T.Optional(
      T.Tuple([T.Number(), T.Number(), T.Number(), T.Number()], {
        description: '[west, south, east, north] where the population has data; default the points’ bounds.',
      }),
    ),
    given: T.Optional(T.Number({ description: 'The file’s whole total, when the points are only the district’s part of it.' })),
  },
  {
    description:
      'People to report rates in: points with counts. The page sends a GeoTIFF, CSV or GeoJSON resampled onto the 50 m analysis grid, one point per cell centre. Errors: 422 invalid_population (every bad point counted, the first 20 listed by index), 413 too_many_population_points.',
  },
);

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
  people,
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

const WalkStartSchema = T.Object(
  {
    on: T.Union([T.Literal('bank'), T.Literal('bridge')], { description: 'What the walk starts on: a river bank, or a bridge’s deck.' }),
    distance_m: T.Number({
      description:
        'Straight distance from the point to where the walk starts; included in every walked `distance_m` of this answer (a site reaching into the point’s own 50 m cell is measured straight to it).',
    }),
    lon: T.Number(),
    lat: T.Number(),
  },
  {
    description:
      'Walk mode, a point on the water as the 50 m grid has it (a river cell not on a bridge: often a GPS fix off the bank or beside a bridge’s deck): the walk starts at the nearest walkable cell’s nearest point instead, and each `path` begins with the straight leg to it.',
  },
);

const NoWalkSchema = T.Object(
  {
    reason: T.Literal('on_water', { description: 'The point is on the river, with no bank or bridge within `within_m`.' }),
    within_m: T.Number({ description: 'How far (metres) from the point a walk may start.' }),
  },
  { description: 'Walk mode: why no site is given (every tier null, `sites` empty).' },
);

export const NearestSchema = T.Object({
  mode: ModeSchema,
  tiers: T.Array(NearestTierSchema),
  sites: T.Array(NearbySiteSchema, {
    description:
      'The 5 nearest sites of any tier, closest first: radius mode by straight line; walk mode by walking distance, each with its path, and only those within `walk_reach_m` on foot (fewer than 5 when no more lie within that walk).',
  }),
  walk_reach_m: T.Optional(
    T.Number({
      description: 'Walk mode: how far (metres) the walk search goes; sites farther on foot are not listed, and a tier with none within it is null.',
    }),
  ),
  walk_start: T.Optional(WalkStartSchema),
  no_walk: T.Optional(NoWalkSchema),
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
      people,
    },
    { description },
  );

const RingPropertiesSchema = T.Object({ tier: TierSchema, radius_m: T.Number(), mode: ModeSchema, area_km2: T.Number() });
export type RingProperties = Static<typeof RingPropertiesSchema>;
export const RingsSchema = collection(RingPropertiesSchema, 'One dissolved (Multi)Polygon per tier: the land within reach, clipped to the district.');

const ZoneRefSchema = T.Union([T.Object({ id: T.String(), name_zh: T.String(), name_en: T.String() }), T.Null()]);
const GapPropertiesSchema = T.Object({
  rank: T.Integer(),
  tier: TierSchema,
  radius_m: T.Number(),
  mode: ModeSchema,
  area_km2: T.Number(),
  zone: ZoneRefSchema,
});
export type GapProperties = Static<typeof GapPropertiesSchema>;
export const GapsSchema = collection(GapPropertiesSchema, 'Uncovered built-up land for a tier, one Polygon per gap, largest first.');

const SuggestionPropertiesSchema = T.Object({
  rank: T.Integer(),
  tier: TierSchema,
  radius_m: T.Number(),
  gain_km2: T.Number({ description: 'Built-up land newly within reach.' }),
  gain_pp: T.Number({ description: 'Rise in the rate (percentage points); the gains add up to the total rise.' }),
  gain_people: T.Optional(T.Integer({ description: 'With a population (the picks then maximise it): people newly served.' })),
  gain_people_pp: T.Optional(T.Number({ description: 'The same as a share of the district’s people (percentage points).' })),
});
export type SuggestionProperties = Static<typeof SuggestionPropertiesSchema>;
export const SuggestionsSchema = collection(SuggestionPropertiesSchema, 'Points, best first.');

const PlaceHitSchema = T.Union([
  T.Object({
    layer: T.String(),
    id: T.String(),
    name_zh: T.String(),
    name_en: T.String(),
    distance_m: T.Number({ description: 'From the piece’s weighted centre.' }),
  }),
  T.Null(),
]);
const PieceSiteSchema = T.Union([
  T.Object(
    {
      lon: T.Number(),
      lat: T.Number(),
      closes_pct: T.Number({ description: 'Share of the piece (its unserved people, else its uncovered land) the site covers.' }),
      gain_km2: T.Number({ description: 'Uncovered built-up land it covers anywhere in the district.' }),
      gain_pp: T.Number(),
      gain_people: T.Optional(T.Integer()),
      gain_people_pp: T.Optional(T.Number()),
    },
    { description: 'The land cell whose reach (straight line) covers most of the piece; ties go to the most newly served in the district.' },
  ),
  T.Null(),
]);
const GapPiecePropertiesSchema = T.Object({
  rank: T.Integer(),
  tier: TierSchema,
  radius_m: T.Number(),
  mode: ModeSchema,
  area_km2: T.Number({ description: 'Uncovered built-up land in the piece (land without a built-up layer).' }),
  people: T.Union([T.Integer(), T.Null()], { description: 'Unserved people in the piece; null without a population.' }),
  zone: ZoneRefSchema,
  core: ZoneRefSchema,
  belt: ZoneRefSchema,
  near: PlaceHitSchema,
  centre: T.Tuple([T.Number(), T.Number()], { description: '[lon, lat], weighted by unserved people, else by uncovered land.' }),
  site: PieceSiteSchema,
});
export type GapPieceProperties = Static<typeof GapPiecePropertiesSchema>;
export const GapPiecesSchema = collection(
  GapPiecePropertiesSchema,
  'Gap pieces: uncovered built-up land cut along core, zone and belt lines, by the rivers and into 1 km² square tiles; MultiPolygon outlines along 50 m cell edges; ranked by unserved people, else by area.',
);

const ProblemSchema = T.Object({
  index: T.Optional(T.Integer({ description: 'Feature index in `sites.features`, when the problem is in one feature.' })),
  field: T.String({ description: 'Which part of the input, e.g. `sites.features[3].properties.tier`.' }),
  message: T.String(),
});
export type Problem = Static<typeof ProblemSchema>;

export const ErrorSchema = T.Object({
  error: T.Object({
    code: T.String({
      examples: [
        'invalid_json',
        'invalid_geojson',
        'unsupported_geometry',
        'unknown_tier',
        'invalid_radius',
        'far_from_district',
        'too_many_features',
        'body_too_large',
        'invalid_population',
        'too_many_population_points',
      ],
    }),
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
  about_zh: T.String({ description: 'Where the layer comes from and how far to trust it, in Chinese (geodata/layers.json).' }),
  about_en: T.String({ description: 'The same in English.' }),
  geometry: T.Union(
    ['point', 'line', 'polygon', 'mixed', 'none'].map((g) => T.Literal(g)),
    { description: 'Geometry kind of the layer’s features.' },
  ),
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
export const FeatureCollectionSchema = T.Object(
  { type: T.Literal('FeatureCollection'), features: T.Array(T.Unknown()) },
  { description: 'GeoJSON (RFC 7946), WGS-84.' },
);

// --- shared scenarios (worker/routes/scenarios.ts) -------------------------------------

/** The workbench's scenario file (what Plan → Export writes; src/state/scenario.ts reads it). */
export const ScenarioFileSchema = T.Object(
  {
    type: T.Literal('FeatureCollection'),
    features: T.Array(T.Unsafe<Feature>(T.Object({ type: T.Literal('Feature'), geometry: T.Object({ type: T.String() }) })), {
      description: 'The proposed sites: Point or Polygon features with properties.tier and optional id and name.',
    }),
    jiangbei_scenario: T.Object({
      version: T.Optional(T.Literal(1)),
      name: T.String({ description: 'Plain text: stored and answered as given, never interpreted.' }),
      closures: T.Array(T.String(), { description: 'Ids of shipped green spaces taken out of service.' }),
      radii: RadiiSchema,
      mode: ModeSchema,
    }),
  },
  { description: 'A GeoJSON FeatureCollection of the proposed sites, the rest of the scenario in the foreign member `jiangbei_scenario`.' },
);

export const ScenarioCreatedSchema = T.Object({
  id: T.String({ description: '128 random bits, base64url: knowing it is what allows reading.' }),
  version: T.Literal(1),
  name: T.String(),
  created: T.String({ format: 'date-time' }),
  data_version: T.String({ description: 'Hash of the shipped layers the scenario was made on.' }),
  read_link: T.String({ description: 'The page opening it read-only: /?scenario={id}.' }),
  edit_token: T.String({ description: 'Shown once; needed to save versions or delete. Only its hash is kept.' }),
});
export type ScenarioCreated = Static<typeof ScenarioCreatedSchema>;

export const ScenarioVersionSchema = T.Object({
  id: T.String(),
  version: T.Integer(),
  latest: T.Integer(),
  name: T.String(),
  created: T.String({ format: 'date-time', description: 'When the scenario was first shared.' }),
  saved: T.String({ format: 'date-time', description: 'When this version was saved.' }),
  features: T.Integer(),
  data: T.Object(
    {
      version: T.String({ description: 'Hash of the shipped layers the version was saved on.' }),
      current: T.String({ description: 'Hash of the layers shipping today.' }),
      matches: T.Boolean(),
      missing_closures: T.Array(T.String(), { description: 'Closed green spaces no longer in the shipped layer.' }),
    },
    { description: 'How the version stands against today’s shipped layers.' },
  ),
  scenario: ScenarioFileSchema,
});
export type ScenarioVersion = Static<typeof ScenarioVersionSchema>;

export const ScenarioVersionListSchema = T.Object({
  id: T.String(),
  latest: T.Integer(),
  kept: T.Integer(),
  versions: T.Array(T.Object({ version: T.Integer(), name: T.String(), saved: T.String(), features: T.Integer(), data_version: T.String() }), {
    description: 'Newest first.',
  }),
});
export type ScenarioVersionList = Static<typeof ScenarioVersionListSchema>;

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
  GapPieces: GapPiecesSchema,
  Population: PopulationSchema,
  PeopleSummary: PeopleSummarySchema,
  Layers: LayersSchema,
  Places: PlacesSchema,
  Health: HealthSchema,
  FeatureCollection: FeatureCollectionSchema,
  ScenarioFile: ScenarioFileSchema,
  ScenarioCreated: ScenarioCreatedSchema,
  ScenarioVersion: ScenarioVersionSchema,
  ScenarioVersionList: ScenarioVersionListSchema,
  Error: ErrorSchema,
} as const;
