/** The worker's API as the front end sees it: same origin, typed, errors as ApiFailure. */
import type { FeatureCollection } from 'geojson';

export interface LayerInfo {
  id: string;
  title_zh: string;
  title_en: string;
  geometry: 'point' | 'line' | 'polygon' | 'mixed' | 'none';
  count: number;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiFailure(0, 'network', 'The server could not be reached.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiFailure(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export const layerUrl = (id: string) => `/api/layers/${encodeURIComponent(id)}`;

export const fetchLayers = (signal?: AbortSignal) =>
  getJson<{ layers: LayerInfo[] }>('/api/layers', signal).then((r) => r.layers);

export const fetchLayer = (id: string, signal?: AbortSignal) => getJson<FeatureCollection>(layerUrl(id), signal);
