/**
 * The analyses the API serves, composed from the raster passes. Pure: a district model
 * (built once per isolate from the shipped base layers), the sites, the radii and the mode
 * in; plain JSON-ready values out.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Coverage, NearbySite, Nearest, NearestTier, PeopleSummary } from '../../domain/api';
import { DEFAULT_RADII, type Mode, type Radii, TIERS, type Tier, tierRank, WALK_M_PER_MIN } from '../../domain/tiers';
import { cellAreas } from './cell-areas';
import { distanceField, sourcesOf } from './field';
import { gapPieces, type PieceOptions } from './gap-pieces';
import { toGrid } from './grid';
import type { DistrictModel } from './model';
import { type NearestHit, nearestByRadius, nearestByWalk } from './nearest';
import { areaPeople, type DistrictPeople, pointsToDistrict } from './population';
import { indexedRates, type RateIndex } from './rate-index';
import { type AreaPeople, areaRate, districtShares, type TierRate } from './rates';
import { refineNearRadius } from './refine';
import { districtWindow, gapRegion, ringRegion, simplifyAndClip, simplifyRegion } from './rings';
import { type SiteSamples, siteSamples } from './site-samples';
import { type Site, serving } from './sites';
import { coverageMask } from './stamp';
import { suggestSites } from './suggest';
import { walkTiers } from './walk-tiers';

const fieldScratch = new WeakMap<DistrictModel, { src: ReturnType<typeof sourcesOf>; dist: Float32Array }>();

/**
 * Distance per tier: straight-line (feature transform, made exact near `radiusM`) or
 * walking (walk-tiers.ts, up to `cutoffM`), metres. The returned field lives in a buffer
 * reused by the next call on the same model (radius mode): use it before asking for
 * another. Requests run one at a time per isolate.
 */
function tierField(model: DistrictModel, sites: readonly Site[], rank: number, mode: Mode, radiusM: number, cutoffM = radiusM): Float32Array {
  const serve = serving(sites, rank);
  if (mode === 'walk' && model.blocked) {
    const field = walkTiers(model, cutoffM);
    field.lower(serve, cutoffM);
    return field.walk(cutoffM);
  }
  let scratch = fieldScratch.get(model);
  const src = sourcesOf(model.grid, serve, scratch?.src);
  const { dist } = distanceField(model.grid, src, scratch?.dist);
  if (!scratch) fieldScratch.set(model, (scratch = { src, dist }));
  // Contours are drawn over the district's window only: make the field exact there.
  const win = districtWindow(model.grid);
  refineNearRadius(model.grid, dist, serve, radiusM, 2, { i0: win.i0, i1: win.i0 + win.w - 1, j0: win.j0, j1: win.j0 + win.h - 1 });
  return dist;
}

/**
 * Covered share of every district cell for one tier. Radius mode stamps disks and capsules
 * on the supersampled grid: exact at sub-cell centres, linear in the number of sites. Walk
 * mode thresholds the walk field at cell centres.
 */
export function tierCoverage(model: DistrictModel, sites: readonly Site[], tier: Tier, radius: number, mode: Mode, scratch?: Scratch): Float32Array {
  const rank = tierRank(tier);
  if (mode === 'radius' || !model.blocked) {
    const mask = coverageMask(model.fine, serving(sites, rank), radius, scratch?.mask, model.ss);
    return districtShares(model, { mask, ss: model.ss }, scratch?.share);
  }
  return walkShares(model, sites, { ...DEFAULT_RADII, [tier]: radius }, [tier]).get(tier)!;
}

/**
 * Walk mode, several tiers at once (walk-tiers.ts): one straight-line field, lowered by each
 * group of sites from the park tier down, each group as far as the tiers it serves reach,
 * and walked for each tier asked for; covered where the walk is within the radius, at cell
 * centres. Returns each tier's covered share of every district cell.
 */
function walkShares(model: DistrictModel, sites: readonly Site[], radii: Radii, tiers: readonly Tier[]): Map<Tier, Float32Array> {
  const out = new Map<Tier, Float32Array>();
  if (tiers.length === 0 || !model.blocked) return out;
  const field = walkTiers(model, Math.max(...tiers.map((t) => radii[t])));
  const cells = model.areas[0]!.cells;
  for (let rank = TIERS.length - 1; rank >= 0; rank--) {
    const serves = tiers.filter((t) => tierRank(t) <= rank);
    if (serves.length === 0) continue;
    field.lower(
      sites.filter((s) => s.rank === rank),
      Math.max(...serves.map((t) => radii[t])),
    );
    const tier = TIERS[rank]!;
    if (!tiers.includes(tier)) continue;
    const walk = field.walk(radii[tier]);
    const share = new Float32Array(cells.length);
    const limit = radii[tier] + 1e-6;
    for (let k = 0; k < cells.length; k++) share[k] = walk[cells[k]!]! <= limit ? 1 : 0;
    out.set(tier, share);
  }
  return out;
}

/**
 * Buffers reused across requests in an isolate (requests run one at a time per isolate,
 * and each use finishes before the next begins): allocating 1.5 MB per tier per request
 * costs more in garbage collection than the analysis itself.
 */
export interface Scratch {
  mask: Uint8Array;
  share: Float32Array;
}
const scratches = new WeakMap<DistrictModel, Scratch>();
function scratchOf(model: DistrictModel): Scratch {
  let s = scratches.get(model);
  if (!s) {
    s = { mask: new Uint8Array(model.fine.w * model.fine.h), share: new Float32Array(model.areas[0]!.cells.length) };
    scratches.set(model, s);
  }
  return s;
}

/** Rates as the analysis gives them; the route adds `sports` and the time taken. */
export type CoverageReport = Omit<Coverage, 'sports' | 'computed_ms'>;

const peopleCache = new WeakMap<DistrictPeople, AreaPeople[]>();
/** Every area's people per listed cell, once per population. */
function peopleByArea(model: DistrictModel, people: DistrictPeople): AreaPeople[] {
  let out = peopleCache.get(people);
  if (!out) {
    out = model.areas.map((_, a) => {
      const perCell = a === 0 ? people.perCell : areaPeople(model, a, people);
      let total = 0;
      for (let k = 0; k < perCell.length; k++) total += perCell[k]!;
      return { perCell, total };
    });
    peopleCache.set(people, out);
  }
  return out;
}

/**
 * People per district cell from points with counts (the wire form: the page sends a
 * resampled raster, CSV or GeoJSON as one point per cell centre): each point into its cell.
 * `extent`: where the population has data (default: the points' bounds); `given`: the
 * file's whole total, when more than the points hold.
 */
export function peopleOfPoints(
  model: DistrictModel,
  points: ArrayLike<readonly number[]>,
  extent: [number, number, number, number] | null,
  given: number | null = null,
): DistrictPeople {
  const people = pointsToDistrict(model, cellAreas(model).districtPos, points, extent);
  // The file's own total, when the points are only the district's part of it.
  if (given !== null && given > people.given) Object.assign(people, { given, outside: given - people.total });
  return people;
}

/** `people` in an answer: the population's numbers, and its source and date as the planner gave them. */
export function peopleSummary(p: DistrictPeople, meta: { source: string | null; date: string | null } = { source: null, date: null }): PeopleSummary {
  return { ...meta, given: Math.round(p.given), total: Math.round(p.total), outside: Math.round(p.outside), extent_builtup_pct: p.extent_builtup_pct };
}

/**
 * Rates for all tiers, for the district and for every core, zone and belt. With a rate
 * index built for these very sites and this mode, tiers are looked up instead of stamped
 * (or walked).
 */
export function coverageReport(
  model: DistrictModel,
  sites: readonly Site[],
  radii: Radii,
  mode: Mode,
  index?: RateIndex,
  people?: DistrictPeople,
): CoverageReport {
  const scratch = scratchOf(model);
  const perArea: TierRate[][] = model.areas.map(() => []);
  // The index holds land counts only: with people, every tier is stamped (or walked).
  const useIndex = !people && index !== undefined && index.sites === sites && index.mode === mode;
  const byArea = people ? peopleByArea(model, people) : null;
  const looked = TIERS.map((tier) => (useIndex ? indexedRates(model, index, tier, radii[tier]) : null));
  // Walk mode: the tiers not looked up, walked together.
  const walked =
    mode === 'walk' && model.blocked
      ? walkShares(
          model,
          sites,
          radii,
          TIERS.filter((_, k) => !looked[k]),
        )
      : null;
  TIERS.forEach((tier, t) => {
    const rates = looked[t];
    if (rates) {
      rates.forEach((r, k) => perArea[k]!.push(r));
      return;
    }
    const share = walked?.get(tier) ?? tierCoverage(model, sites, tier, radii[tier], mode, scratch);
    model.areas.forEach((a, k) => perArea[k]!.push(areaRate(model, a, share, tier, radii[tier], byArea?.[k])));
  });
  const out: CoverageReport = {
    mode,
    radii,
    of: model.of,
    sites: sites.length,
    tiers: perArea[0]!,
    areas: model.areas.map((a, k) => ({ id: a.id, kind: a.kind, name_zh: a.name_zh, name_en: a.name_en, tiers: perArea[k]! })),
  };
  if (people) out.people = peopleSummary(people);
  return out;
}

const km2 = (f: Feature<Polygon | MultiPolygon>) => Math.round(turf.area(f) / 1e3) / 1e3;

/**
 * One dissolved (multi)polygon per tier, clipped to the district: by contouring against the
 * district's signed distance (fast), or with `vectorClip` by Turf's `intersect` (exact on
 * the outline's corners, ~40 ms a tier slower).
 */
export function coverageRings(model: DistrictModel, sites: readonly Site[], radii: Radii, mode: Mode, vectorClip = false): FeatureCollection {
  const features: Feature[] = [];
  for (const tier of TIERS) {
    const r = radii[tier];
    // Cut off the walk a few cells past the radius so the contour has values either side.
    const dist = tierField(model, sites, tierRank(tier), mode, r, r + 3 * model.grid.cell);
    const window = districtWindow(model.grid);
    const ring = vectorClip
      ? simplifyAndClip(ringRegion(model.grid, dist, r, window), model.district)
      : simplifyRegion(ringRegion(model.grid, dist, r, window, model.districtSd));
    if (!ring) continue;
    ring.properties = { tier, radius_m: r, mode, area_km2: km2(ring) };
    features.push(ring);
  }
  return { type: 'FeatureCollection', features };
}

/** Uncovered built-up land for a tier, one polygon per gap, largest first. */
export function coverageGaps(model: DistrictModel, sites: readonly Site[], radii: Radii, mode: Mode, tier: Tier, minKm2 = 0.0025): FeatureCollection {
  const r = radii[tier];
  const dist = tierField(model, sites, tierRank(tier), mode, r, r + 3 * model.grid.cell);
  const weight = model.builtup ?? model.land;
  const region = gapRegion(model.grid, dist, r, weight, districtWindow(model.grid));
  const simple = simplifyAndClip(region, null);
  const features: Feature[] = [];
  if (simple) {
    const g = simple.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const coordinates of polys) {
      const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
      const a = km2(f);
      if (a < minKm2) continue;
      const inside = turf.pointOnFeature(f);
      const zone = model.zones.find((z) => turf.booleanPointInPolygon(inside, z.feature));
      f.properties = {
        tier,
        radius_m: r,
        mode,
        area_km2: a,
        zone: zone ? { id: zone.id, name_zh: zone.name_zh, name_en: zone.name_en } : null,
      };
      features.push(f);
    }
  }
  features.sort((a, b) => (b.properties!.area_km2 as number) - (a.properties!.area_km2 as number));
  features.forEach((f, k) => (f.properties!.rank = k + 1));
  return { type: 'FeatureCollection', features };
}

/**
 * A tier's gap pieces (gap-pieces.ts) as a FeatureCollection, ranked by unserved people
 * (with `opts.people`), else by uncovered built-up land. Coverage as the rates have it
 * (radius: stamped at 25 m sub-cells; walk: walked at cell centres); each piece's site is
 * measured by straight-line reach, as suggestions are.
 */
export function coverageGapPieces(
  model: DistrictModel,
  sites: readonly Site[],
  radii: Radii,
  mode: Mode,
  tier: Tier,
  opts: Omit<PieceOptions, 'people'> & { people?: DistrictPeople | null } = {},
): FeatureCollection {
  const r = radii[tier];
  const share = tierCoverage(model, sites, tier, r, mode, scratchOf(model));
  const pieces = gapPieces(model, share, r, { ...opts, people: opts.people?.perCell ?? null });
  return {
    type: 'FeatureCollection',
    features: pieces.map(({ geometry, ...p }) => ({ type: 'Feature', properties: { ...p, tier, radius_m: r, mode }, geometry })),
  };
}

const sampleCache = new WeakMap<readonly Site[], { grid: DistrictModel['grid']; samples: SiteSamples }>();

/**
 * Every site's source cells, for the walk search of `nearest`. Kept per sites array: the
 * shipped sites are one array for the isolate's life, so walking answers reuse them.
 */
function samplesOf(model: DistrictModel, sites: readonly Site[]): SiteSamples {
  let entry = sampleCache.get(sites);
  if (!entry || entry.grid !== model.grid) {
    entry = { grid: model.grid, samples: siteSamples(model.grid, sites) };
    sampleCache.set(sites, entry);
  }
  return entry.samples;
}

/** Farthest a walk search goes (metres): `nearest` answers say so (`walk_reach_m`). */
const MAX_WALK_SEARCH_M = 15000;

/** How many sites of any tier `nearest` lists. */
const NEARBY_SITES = 5;

/**
 * For each tier, the nearest serving site from a point; and `sites`, the 5 nearest sites of
 * any tier, closest first: by straight line (radius mode) or on foot (walk mode, each with
 * its way there; only sites within MAX_WALK_SEARCH_M on foot, so fewer when no more lie
 * within that walk).
 */
export function nearestSites(model: DistrictModel, sites: readonly Site[], radii: Radii, mode: Mode, lon: number, lat: number): Omit<Nearest, 'sports'> {
  const [gx, gy] = toGrid(model.grid, lon, lat);
  let hits: (NearestHit | null)[];
  let closest: NearestHit[];
  if (mode === 'walk') {
    ({ tiers: hits, closest } = nearestByWalk(model.grid, model.blocked, sites, samplesOf(model, sites), gx, gy, MAX_WALK_SEARCH_M, NEARBY_SITES));
  } else {
    ({ tiers: hits, closest } = nearestByRadius(model.grid, sites, gx, gy, NEARBY_SITES));
  }
  const nearby = closest.map((h): NearbySite => {
    const out: NearbySite = {
      id: h.site.id,
      tier: h.site.tier,
      name_zh: h.site.name_zh,
      name_en: h.site.name_en,
      distance_m: Math.round(h.distance_m * 10) / 10,
      walk_min: Math.round((h.distance_m / WALK_M_PER_MIN) * 10) / 10,
    };
    if (h.path) out.path = { type: 'LineString', coordinates: h.path };
    return out;
  });
  const tiers = TIERS.map((tier, r): NearestTier => {
    const h = hits[r];
    if (!h) return { tier, id: null, name_zh: null, name_en: null, distance_m: null, walk_min: null, covered: false, radius_m: radii[tier] };
    const d = Math.round(h.distance_m * 10) / 10;
    const out: NearestTier = {
      tier,
      id: h.site.id,
      name_zh: h.site.name_zh,
      name_en: h.site.name_en,
      distance_m: d,
      walk_min: Math.round((h.distance_m / WALK_M_PER_MIN) * 10) / 10,
      covered: h.distance_m <= radii[tier] + 1e-6,
      radius_m: radii[tier],
    };
    if (mode === 'walk' && h.path) out.path = { type: 'LineString', coordinates: h.path };
    return out;
  });
  return mode === 'walk' ? { mode, tiers, sites: nearby, walk_reach_m: MAX_WALK_SEARCH_M } : { mode, tiers, sites: nearby };
}

/** Greedy placement of `count` new sites of a tier, as points with their marginal gains. */
export function suggest(
  model: DistrictModel,
  sites: readonly Site[],
  radii: Radii,
  tier: Tier,
  count: number,
  people?: DistrictPeople,
): FeatureCollection<Point> {
  const covered = tierCoverage(model, sites, tier, radii[tier], 'radius');
  // With people, each pick serves the most people not yet served.
  const picks = suggestSites(model, covered, radii[tier], count, people ? { perCell: people.perCell, total: people.total } : undefined);
  return {
    type: 'FeatureCollection',
    features: picks.map((p) => {
      const properties: Record<string, unknown> = { rank: p.rank, tier, radius_m: radii[tier], gain_km2: round(p.gain_km2, 4), gain_pp: round(p.gain_pp, 3) };
      if (people) Object.assign(properties, { gain_people: Math.round(p.gain_people!), gain_people_pp: round(p.gain_people_pp!, 3) });
      return { type: 'Feature' as const, properties, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] } };
    }),
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Warms an isolate for the shipped data: answers the default rates from the indexes, in
 * both modes, twice, and stamps a few sites once, so the code paths a first request takes
 * (a GET's lookup, a POST's stamping) are compiled before it arrives (start-up time is not
 * request CPU). Stamping every shipped site would cost start-up more than it saves.
 */
export function warmUp(model: DistrictModel, sites: readonly Site[], index: Partial<Record<Mode, RateIndex>> = {}) {
  for (let i = 0; i < 2; i++) {
    for (const mode of ['radius', 'walk'] as const) if (index[mode]?.sites === sites) coverageReport(model, sites, DEFAULT_RADII, mode, index[mode]);
  }
  // A few small outlines of more than one chunk (stamp.ts): every path of the row loops, cheaply.
  const positions = (s: Site) => s.polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  const few = sites.filter((s) => positions(s) > 10 && positions(s) <= 60).slice(0, 8);
  coverageReport(model, few, DEFAULT_RADII, 'radius');
}
