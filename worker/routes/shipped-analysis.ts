/**
 * The shipped data as the analysis sees it, built once per isolate on first use: the
 * district model (grid, land / built-up / area masks, river barriers) and the shipped
 * green-space sites. Also the per-isolate cache of results over the shipped data, keyed
 * by a hash of the data and the request's inputs.
 */
import type { FeatureCollection } from 'geojson';
import { getLayer, getLayerText } from '../data/layers';
import { type DistrictModel, buildModel } from '../analysis/model';
import { type RateIndex, buildRateIndex } from '../analysis/rate-index';
import { type Site, projectSites } from '../analysis/sites';
import { ApiError } from '../errors';

const BASE = ['boundary', 'rivers', 'bridges', 'builtup', 'zones', 'cores', 'belt', 'greenspaces'] as const;

let model: DistrictModel | undefined;
let sites: Site[] | undefined;
let version: string | undefined;
let rateIndex: RateIndex | undefined;

/** FNV-1a, 32-bit, as 8 hex digits: a cheap, stable key for the cache. */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
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

export function shippedSites(): Site[] {
  sites ??= projectSites(shippedModel().grid, getLayer('greenspaces') ?? EMPTY);
  return sites;
}

/** Rates of the shipped sites for any radius by lookup (see rate-index.ts), built once. */
export function shippedRateIndex(): RateIndex {
  rateIndex ??= buildRateIndex(shippedModel(), shippedSites());
  return rateIndex;
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
 * Builds the district model, projects the shipped sites and indexes their rates now, and
 * runs `warm` so V8 has compiled the hot loops of the other analyses: ~0.3 s once. Call it at isolate start-up
 * (module scope of the worker entry) if the first analysis request should not pay for it;
 * start-up time counts against the platform's start-up limit instead. Never throws.
 */
export function prepareShippedAnalysis(warm: (model: DistrictModel, sites: Site[]) => void): boolean {
  try {
    const m = shippedModel();
    shippedRateIndex();
    warm(m, shippedSites());
    return true;
  } catch {
    return false;
  }
}
