/**
 * The shared-scenario API as the page sees it (worker/routes/scenarios.ts). Response types
 * are the API's own (domain/api.ts), type-only. Failures are ApiFailure (status 0 when the server could
 * not be reached); a 409 on saving is a VersionConflict carrying the current version.
 */
import type { FeatureCollection } from 'geojson';
import type { ScenarioVersion as ScenarioView, ScenarioCreated as SharedCreated } from '../domain/api';
import { ApiFailure } from './api';

export type { ScenarioView, SharedCreated };

/** Someone saved a newer version first: `current` is it. Nothing was overwritten. */
export class VersionConflict extends Error {
  constructor(
    readonly base: number,
    readonly current: ScenarioView,
  ) {
    super(`version ${current.version} was saved since version ${base}`);
  }
}

async function request<T>(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiFailure(0, 'network', 'The server could not be reached.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: { base?: number; current?: ScenarioView } };
    } | null;
    const e = body?.error;
    if (res.status === 409 && e?.details?.current) throw new VersionConflict(e.details.base ?? 0, e.details.current);
    throw new ApiFailure(res.status, e?.code ?? 'http', e?.message ?? `HTTP ${res.status}`);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const path = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

export const shareScenario = (file: FeatureCollection) => request<SharedCreated>('/api/scenarios', { method: 'POST', body: JSON.stringify(file) });

export const fetchShared = (id: string) => request<ScenarioView>(path(id), { cache: 'no-cache' });

/** Saves `file` as the version after `base`, with the edit token. */
export const saveSharedVersion = (id: string, token: string, base: number, file: FeatureCollection) =>
  request<ScenarioView>(path(id), { method: 'PUT', body: JSON.stringify(file), headers: { authorization: `Bearer ${token}`, 'if-match': `"v${base}"` } });
