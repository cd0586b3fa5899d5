/** The worker's API as the front end sees it: same origin, typed, errors as ApiFailure. */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

// Response types are the API's own (domain/api.ts: the schemas the OpenAPI document
// publishes), type-only here: the two sides cannot drift apart.
import type {
  Problem as ApiProblem,
  AreaRates,
  Coverage,
  GapPieceProperties,
  GapProperties,
  LayerInfo,
  Nearest,
  NearbySite as NearestSite,
  NearestTier,
  PeopleSummary,
  Place,
  RingProperties,
  SuggestionProperties,
} from '../domain/api';
import type { Mode, Tier } from '../domain/tiers';

export type { ApiProblem, AreaRates, Coverage, GapPieceProperties, LayerInfo, Mode, Nearest, NearestSite, NearestTier, PeopleSummary, Place, Tier };

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
  }
}

/** What failed, for the user: the API's own message, or the error's. */
export const errorMessage = (err: unknown) => (err instanceof ApiFailure ? err.message : String((err as Error)?.message ?? err));

/**
 * A request lost on the way: no answer within this long, no connection, or a 5xx that is not
 * the worker's own JSON error (a proxy's). Requests that are safe to repeat (reads and the
 * pure analysis POSTs) are sent once more, so one dropped connection does not leave a panel
 * waiting for ever. The wait covers only the answer's start, not a large body's download.
 */
const ANSWER_WITHIN_MS = 25_000;
const RETRY_AFTER_MS = 250;

class LostRequest extends ApiFailure {}

async function attempt<T>(path: string, signal: AbortSignal | undefined, init: RequestInit | undefined): Promise<T> {
  signal?.throwIfAborted();
  // The caller's abort and the wait for an answer, in one signal (by hand: AbortSignal.any is
  // too new for the phones this page serves).
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), ANSWER_WITHIN_MS);
  try {
    let res: Response;
    try {
      res = await fetch(path, {
        ...init,
        signal: controller.signal,
        headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      if (controller.signal.aborted) throw new LostRequest(0, 'timeout', `The server did not answer within ${ANSWER_WITHIN_MS / 1000} s.`);
      throw new LostRequest(0, 'network', 'The server could not be reached.');
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: { problems?: ApiProblem[] } } } | null;
      const Failure = res.status >= 500 && !body?.error?.code ? LostRequest : ApiFailure;
      throw new Failure(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.details?.problems);
    }
    return (await res.json()) as T;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal, init?: RequestInit): Promise<T> {
  try {
    return await attempt<T>(path, signal, init);
  } catch (err) {
    if (!(err instanceof LostRequest) || signal?.aborted) throw err;
    await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
    return attempt<T>(path, signal, init);
  }
}

/** The analysis's GeoJSON answers, their properties typed as the API publishes them. */
export type Rings = FeatureCollection<Polygon | MultiPolygon, RingProperties>;
export type Gaps = FeatureCollection<Polygon, GapProperties>;
export type Suggestions = FeatureCollection<Point, SuggestionProperties>;
export type GapPieces = FeatureCollection<MultiPolygon, GapPieceProperties> & { people?: PeopleSummary };

/** `population` as the analysis requests carry it (worker/analysis/validate-population.ts). */
export interface PopulationWire {
  points: number[][];
  extent: [number, number, number, number];
  given: number;
  source: string | null;
  date: string | null;
}

/** Gap pieces shown in the Coverage tab. */
export const PIECES_SHOWN = 10;

const layerUrl = (id: string) => `/api/layers/${encodeURIComponent(id)}`;

/** Every shipped layer in one FeatureCollection (each feature's `layer` is its layer id). */
/** Every shipped layer in one FeatureCollection: the page's copy and the map's source. */
const BUNDLE_URL = '/api/layers/all.geojson';

export const fetchBundle = (signal?: AbortSignal) => getJson<FeatureCollection>(BUNDLE_URL, signal);

/** One shipped layer out of the bundle, its features as `/api/layers/:id` serves them. */
export function shippedLayer(bundle: FeatureCollection, id: string): FeatureCollection {
  const features = bundle.features
    .filter((f) => f.properties?.layer === id)
    .map((f) => {
      const { layer: _, ...properties } = f.properties!;
      return { ...f, properties };
    });
  return { type: 'FeatureCollection', features };
}

export const fetchLayers = (signal?: AbortSignal) => getJson<{ layers: LayerInfo[] }>('/api/layers', signal).then((r) => r.layers);

export const fetchLayer = (id: string, signal?: AbortSignal) => getJson<FeatureCollection>(layerUrl(id), signal);

/**
 * `sports=true` counts the shipped sports grounds as leisure spaces. Sent only when on, so the
 * default requests (and their cached answers and ETags) stay what they were.
 */
const withSports = (sports: boolean) => (sports ? '&sports=true' : '');

export const ringsUrl = (mode: Mode, sports = false) => `/api/coverage/rings?mode=${mode}${withSports(sports)}`;

export const fetchRings = (mode: Mode, sports: boolean, signal?: AbortSignal) => getJson<FeatureCollection>(ringsUrl(mode, sports), signal);

export const fetchCoverage = (mode: Mode, sports: boolean, signal?: AbortSignal) =>
  getJson<Coverage>(`/api/coverage?mode=${mode}${withSports(sports)}`, signal);

export const gapsUrl = (tier: Tier, mode: Mode, sports = false) => `/api/gaps?tier=${tier}&mode=${mode}${withSports(sports)}`;

export const fetchGaps = (tier: Tier, mode: Mode, sports: boolean, signal?: AbortSignal) => getJson<Gaps>(gapsUrl(tier, mode, sports), signal);

export const fetchPieces = (tier: Tier, mode: Mode, sports: boolean, signal?: AbortSignal) =>
  getJson<GapPieces>(`/api/gaps/pieces?tier=${tier}&mode=${mode}&limit=${PIECES_SHOWN}${withSports(sports)}`, signal);

/** The suggestion analysis over the shipped green spaces (what the planner is offered before changing anything). */
export const fetchSuggest = (tier: Tier, count: number, sports: boolean, signal?: AbortSignal) =>
  getJson<Suggestions>(`/api/suggest?tier=${tier}&count=${count}${withSports(sports)}`, signal);

export const fetchNearest = (lon: number, lat: number, mode: Mode, sports: boolean, signal?: AbortSignal) =>
  getJson<Nearest>(`/api/nearest?lon=${lon}&lat=${lat}&mode=${mode}${withSports(sports)}`, signal);

export const searchPlaces = (q: string, signal?: AbortSignal) =>
  getJson<{ places: Place[] }>(`/api/places?q=${encodeURIComponent(q)}&limit=8`, signal).then((r) => r.places);

/** What the analysis runs over when the planner changes things: sites, radii, mode. */
export interface AnalysisBody {
  sites: FeatureCollection;
  radii: Record<Tier, number>;
  mode: Mode;
  /** The shipped sports grounds count as leisure sites too (left out when false). */
  sports?: boolean;
  /** The planner's population: rates, pieces and suggestions in people too. */
  population?: PopulationWire;
}

const post = <T>(path: string, body: object, signal?: AbortSignal) => getJson<T>(path, signal, { method: 'POST', body: JSON.stringify(body) });

export const postCoverage = (b: AnalysisBody, signal?: AbortSignal) => post<Coverage>('/api/coverage', b, signal);
export const postRings = (b: AnalysisBody, signal?: AbortSignal) => post<Rings>('/api/coverage/rings', b, signal);
export const postGaps = (b: AnalysisBody & { tier: Tier }, signal?: AbortSignal) => post<Gaps>('/api/gaps', b, signal);
export const postSuggest = (
  b: { sites: FeatureCollection; radii: Record<Tier, number>; tier: Tier; count: number; sports?: boolean; population?: PopulationWire },
  signal?: AbortSignal,
) => post<Suggestions>('/api/suggest', b, signal);
export const postPieces = (b: AnalysisBody & { tier: Tier; limit: number }, signal?: AbortSignal) => post<GapPieces>('/api/gaps/pieces', b, signal);
