/**
 * The shipped data as the analysis sees it, built once per isolate on first use: the
 * district model (grid, land / built-up / area masks, river barriers), the shipped
 * green-space sites and sports grounds (which count as leisure spaces when a request asks,
 * `sports=true`). Also the per-isolate cache of results over the shipped data, keyed by a
 * hash of the data and the request's inputs.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Mode } from '../../domain/tiers';
import { buildModel, type DistrictModel } from '../analysis/model';
import { type NamedPoint, projectPlaces } from '../analysis/nearest-place';
import { buildRateIndex, type RateIndex } from '../analysis/rate-index';
import { projectSites, type Site } from '../analysis/sites';
import { getLayer, getLayerText } from '../data/layers';
import { ApiError } from '../errors';

const BASE = ['boundary', 'rivers', 'bridges', 'builtup', 'zones', 'cores', 'belt', 'greenspaces', 'sports', 'stations', 'landmarks'] as const;

let model: DistrictModel | undefined;
let sites: Site[] | undefined;
let sports: Site[] | undefined;
let withSports: Site[] | undefined;
let version: string | undefined;

/** FNV-1a, 32-bit, as 8 hex digits: a cheap, stable key for the cache. */
function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function shippedModel(): DistrictModel {
  if (!model) {
    const boundary = getLayer('boundary');
    if (!boundary) throw new ApiError(503, 'no_data', 'The district boundary layer is missing, so no analysis can run.');
    model = buildModel({
      boundary,
      rivers: getLayer('rivers'),
      bridges: getLayer('bridges'),
      builtup: getLayer('builtup'),
      zones: getLayer('zones'),
      cores: getLayer('cores'),
      belt: getLayer('belt'),
    });
  }
  return model;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function shippedSites(): Site[] {
  sites ??= projectSites(shippedModel().grid, getLayer('greenspaces') ?? EMPTY);
  return sites;
}

/** Every feature as a leisure space, whatever its own `tier` says. */
const asLeisure = (fc: FeatureCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.map((f): Feature => ({ ...f, properties: { ...f.properties, tier: 'leisure' } })),
});

/** The shipped sports grounds as leisure-tier sites; none when the layer does not ship. */
export function shippedSports(): Site[] {
  sports ??= projectSites(shippedModel().grid, asLeisure(getLayer('sports') ?? EMPTY));
  return sports;
}

/**
 * The shipped green spaces, plus the sports grounds when `withSportsGrounds`: one array
 * each for the isolate's life (the rate index and the walk sources are kept per array).
 */
export function shippedSitesFor(withSportsGrounds: boolean): Site[] {
  if (!withSportsGrounds) return shippedSites();
  withSports ??= shippedSports().length > 0 ? [...shippedSites(), ...shippedSports()] : shippedSites();
  return withSports;
}

let places: NamedPoint[] | undefined;

/** The shipped stations and landmarks within the district, to label gap pieces by. */
export function shippedPlaces(): NamedPoint[] {
  places ??= projectPlaces(shippedModel().grid, { stations: getLayer('stations'), landmarks: getLayer('landmarks') });
  return places;
}

type Built = ReturnType<typeof buildRateIndex>;
const built: Partial<Record<Mode, Built>> = {};

/**
 * Rates of the shipped sites for any radius by lookup (see rate-index.ts), one index per
 * mode, built once. With the sports grounds: the same index continued by one pass over
 * them, built on the first request that asks.
 */
export function shippedRateIndex(mode: Mode = 'radius', withSportsGrounds = false): RateIndex {
  const b = (built[mode] ??= buildRateIndex(shippedModel(), shippedSites(), mode, shippedSitesFor(true)));
  return withSportsGrounds ? b.withPlus() : b.index;
}

/** Hash of every layer the analysis reads: a new data file means new cache keys. */
export function dataVersion(): string {
  if (version === undefined) {
    let h = 0x811c9dc5;
    for (const id of BASE) h = parseInt(fnv1a(`${id}:${getLayerText(id) ?? ''}`, h), 16);
    version = h.toString(16).padStart(8, '0');
  }
  return version;
}

const cache = new Map<string, string>();
const MAX_ENTRIES = 200;

/**
 * Result text for `inputs` over the shipped data, computed by `compute` on a miss. The key
 * is a hash of the data version and the inputs, so equal requests share one entry.
 */
export function cached(inputs: string, compute: () => unknown): { text: string; hit: boolean; key: string } {
  const key = fnv1a(`${dataVersion()}|${inputs}`) + fnv1a(inputs, 0x9e3779b9);
  const hit = cache.get(key);
  if (hit !== undefined) return { text: hit, hit: true, key };
  const text = JSON.stringify(compute());
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, text);
  return { text, hit: false, key };
}

/**
 * Builds the district model, projects the shipped sites, indexes their rates in both modes,
 * with and without the sports grounds, and runs `warm` so V8 has compiled the code paths of
 * a first request: once per isolate (~0.6 s in a cold V8 on the development machine; see
 * ../analysis/README.md). Call it at isolate start-up (module scope of the worker entry) if
 * the first analysis request should not pay for it; start-up time counts against the
 * platform's start-up limit (1 s) instead. Never throws.
 */
export function prepareShippedAnalysis(warm: (model: DistrictModel, sites: Site[], index: Record<Mode, RateIndex>) => void): boolean {
  try {
    const m = shippedModel();
    const index = { radius: shippedRateIndex('radius'), walk: shippedRateIndex('walk') };
    shippedRateIndex('radius', true);
    shippedRateIndex('walk', true);
    warm(m, shippedSites(), index);
    return true;
  } catch {
    return false;
  }
}
