/**
 * Shared scenarios (issue 17): thin routes over ../scenarios/ (checks, secrets, limits,
 * queries). Anyone with a scenario's id may read it; only the holder of its edit token may
 * save a new version (naming, in If-Match, the version the edit was based on) or delete it.
 * Nothing lists all scenarios. Every error is an ApiError (../errors.ts) naming the problem;
 * a database that fails answers 503 storage_unavailable, and the write did not happen.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ScenarioCreated, ScenarioVersionList } from '../../domain/api';
import { scenarioId as idParam, ifMatch as ifMatchParam, versionNumber } from '../contract/params';
import { getLayer } from '../data/layers';
import { ApiError } from '../errors';
import type { D1Database } from '../scenarios/d1';
import { SCENARIO_LIMITS } from '../scenarios/limits';
import { clientKey, countWrite } from '../scenarios/rate-limit';
import { bearerToken, newEditToken, newScenarioId, sha256Hex, tokenMatches } from '../scenarios/secrets';
import { createScenario, deleteScenario, type Head, listVersions, readHead, readLatest, readVersion, saveVersion } from '../scenarios/store';
import { checkScenarioFile } from '../scenarios/validate';
import { ifMatchVersion, scenarioView, versionTag } from '../scenarios/view';
import { dataVersion } from './shipped-analysis';

interface Bindings {
  DB?: D1Database;
  /** Overrides SCENARIO_LIMITS.writesPerMinute (e.g. raised for the load test). */
  SCENARIO_WRITES_PER_MINUTE?: string;
}
type Ctx = Context<{ Bindings: Bindings }>;

export const scenarios = new Hono<{ Bindings: Bindings }>();

const L = SCENARIO_LIMITS;

/** Runs a database call; any failure of the database itself becomes 503 storage_unavailable. */
async function stored<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    console.error('scenario storage failed:', err instanceof Error ? err.message : String(err));
    throw new ApiError(503, 'storage_unavailable', 'The scenario database did not answer, so nothing was stored or changed. Keep your copy and try again.');
  }
}

function db(c: Ctx): D1Database {
  const d = c.env?.DB;
  if (!d) throw new ApiError(503, 'storage_unavailable', 'Scenario sharing is not set up on this server (no D1 database bound as DB).');
  return d;
}

let shippedIds: Set<string> | undefined;
const greenspaceIds = () => (shippedIds ??= new Set((getLayer('greenspaces')?.features ?? []).map((f) => String(f.properties?.id ?? f.id))));

const notFound = (id: string) => new ApiError(404, 'scenario_not_found', `No shared scenario "${id.slice(0, 40)}" (never stored, or deleted).`);

/** The path's scenario id, checked as its contract says (../contract/params.ts). */
const scenarioId = (c: Ctx): string => idParam.read(c.req.param('id'));

async function headOf(c: Ctx, id: string): Promise<Head> {
  const head = await stored(() => readHead(db(c), id));
  if (!head) throw notFound(id);
  return head;
}

/** The edit token must come as `Authorization: Bearer <token>` and match the stored hash. */
async function authorise(c: Ctx, head: Head): Promise<void> {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="scenarios"');
    throw new ApiError(
      401,
      'token_required',
      'Editing a shared scenario needs its edit token: send Authorization: Bearer <token>. A read link alone cannot edit.',
    );
  }
  if (!(await tokenMatches(token, head.token_hash))) throw new ApiError(403, 'token_invalid', 'This edit token does not belong to this scenario.');
}

/** POST, PUT and DELETE count against the writer's per-minute limit (kept in D1). */
const writeLimit = createMiddleware<{ Bindings: Bindings }>(async (c, next) => {
  const limit = Number(c.env?.SCENARIO_WRITES_PER_MINUTE) || L.writesPerMinute;
  const client = await clientKey(c.req.header('cf-connecting-ip') ?? 'unknown');
  const { count, retryAfter } = await stored(() => countWrite(db(c), client, Date.now()));
  if (count > limit) {
    c.header('Retry-After', String(retryAfter));
    throw new ApiError(429, 'rate_limited', `More than ${limit} scenario writes a minute from this client; try again in ${retryAfter} s.`, {
      limit: 'writesPerMinute',
      max: limit,
      retry_after_s: retryAfter,
    });
  }
  await next();
});

const tooLarge = () => {
  throw new ApiError(413, 'body_too_large', `The scenario is larger than ${L.maxBodyBytes / 1024} KiB.`, { limit: 'maxBodyBytes', max_bytes: L.maxBodyBytes });
};
const sizeLimit = bodyLimit({ maxSize: L.maxBodyBytes, onError: tooLarge });

/** A JSON body of at most maxBodyBytes. */
const jsonBody = createMiddleware(async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^application\/([a-z0-9.+-]*\+)?json$/.test(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the scenario as JSON with Content-Type: application/json (got ${JSON.stringify(type.slice(0, 40) || 'none')}).`,
    );
  }
  return sizeLimit(c, next);
});

async function readFile(c: Ctx) {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const r = checkScenarioFile(raw);
  if (!r.ok) throw new ApiError(r.status, r.code, r.message, r.problems ? { problems: r.problems } : r.details);
  return r.value;
}

const nowIso = () => new Date().toISOString();

async function view(c: Ctx, id: string, head: Head, n: number) {
  const row = await stored(() => readVersion(db(c), id, n));
  if (!row) {
    if (n >= 1 && n <= head.latest) {
      throw new ApiError(410, 'version_pruned', `Version ${n} is no longer kept: a scenario keeps its latest ${L.versionsKept} versions.`, {
        limit: 'versionsKept',
        max: L.versionsKept,
        latest: head.latest,
      });
    }
    throw new ApiError(404, 'version_not_found', `Scenario ${id} has no version ${n}; the latest is ${head.latest}.`, { latest: head.latest });
  }
  return scenarioView(id, head, row, dataVersion(), greenspaceIds());
}

/** A version as JSON, with its number as ETag: revalidated, never served stale. */
function answer(c: Ctx, body: object, n: number, status: 200 | 201 = 200) {
  c.header('ETag', versionTag(n));
  c.header('Cache-Control', 'no-cache');
  return c.json(body, status);
}

// --- create -----------------------------------------------------------------------------
scenarios.post('/', writeLimit, jsonBody, async (c) => {
  const file = await readFile(c);
  const id = newScenarioId();
  const token = newEditToken();
  const now = nowIso();
  const d = db(c);
  const data = dataVersion();
  await stored(async () =>
    createScenario(d, id, await sha256Hex(token), { name: file.scenario.name, body: file.text, features: file.features, dataVersion: data, now }),
  );
  c.header('Location', `/api/scenarios/${id}`);
  const created: ScenarioCreated = {
    id,
    version: 1,
    name: file.scenario.name,
    created: now,
    data_version: data,
    read_link: `/?scenario=${id}`,
    edit_token: token,
  };
  return answer(c, created, 1, 201);
});

// --- read -------------------------------------------------------------------------------
scenarios.get('/:id', async (c) => {
  const id = scenarioId(c);
  const found = await stored(() => readLatest(db(c), id));
  if (!found) throw notFound(id);
  return answer(c, scenarioView(id, found.head, found.row, dataVersion(), greenspaceIds()), found.head.latest);
});

scenarios.get('/:id/versions', async (c) => {
  const id = scenarioId(c);
  const head = await headOf(c, id);
  const versions = await stored(() => listVersions(db(c), id));
  c.header('Cache-Control', 'no-cache');
  return c.json({
    id,
    latest: head.latest,
    kept: L.versionsKept,
    versions: versions.map((v) => ({ version: v.n, name: v.name, saved: v.created_at, features: v.features, data_version: v.data_version })),
  } satisfies ScenarioVersionList);
});

scenarios.get('/:id/versions/:n', async (c) => {
  const id = scenarioId(c);
  const n = versionNumber.read(c.req.param('n'));
  const head = await headOf(c, id);
  return answer(c, await view(c, id, head, n), n);
});

// --- save a new version -----------------------------------------------------------------
scenarios.put('/:id', writeLimit, jsonBody, async (c) => {
  const id = scenarioId(c);
  const head = await headOf(c, id);
  await authorise(c, head);
  const ifMatch = ifMatchParam.read(c.req.header('if-match'));
  if (ifMatch === undefined) {
    throw new ApiError(
      428,
      'if_match_required',
      `Say which version your edit is based on: If-Match: ${versionTag(head.latest)} (the ETag of the version you read).`,
      { latest: head.latest },
    );
  }
  const base = ifMatchVersion(ifMatch);
  if (base === null) throw new ApiError(400, 'invalid_if_match', `If-Match must name one version, as its ETag reads (e.g. ${versionTag(head.latest)}).`);
  // Checked before the body is read: a stale editor learns of the conflict whatever they send.
  const conflict = async (latest: Head) => {
    const current = await view(c, id, latest, latest.latest);
    return new ApiError(
      409,
      'version_conflict',
      `Your edit is based on version ${base}, but version ${latest.latest} was saved since. Nothing was overwritten; the current version is attached.`,
      { base, current },
    );
  };
  if (base !== head.latest) throw await conflict(head);
  const file = await readFile(c);
  const v = { name: file.scenario.name, body: file.text, features: file.features, dataVersion: dataVersion(), now: nowIso() };
  const saved = await stored(() => saveVersion(db(c), id, base, v, L.versionsKept));
  // Another save on the same base won between our check and our write.
  if (!saved) throw await conflict(await headOf(c, id));
  // The new version as stored, without reading it back.
  const row = { n: base + 1, name: v.name, body: v.body, features: v.features, data_version: v.dataVersion, created_at: v.now };
  return answer(c, scenarioView(id, { ...head, latest: base + 1, updated_at: v.now }, row, dataVersion(), greenspaceIds()), base + 1);
});

// --- delete -----------------------------------------------------------------------------
scenarios.delete('/:id', writeLimit, async (c) => {
  const id = scenarioId(c);
  const head = await headOf(c, id);
  await authorise(c, head);
  const gone = await stored(() => deleteScenario(db(c), id));
  if (!gone) throw notFound(id);
  return c.body(null, 204);
});
