/**
 * Shared scenarios (issue 17) inside workerd, against a real D1 (the local SQLite that
 * workerd keeps, with the migrations in migrations/ applied by setup/migrations.ts).
 * Each test writes as its own client address, so the per-client write limit of one test
 * never spills into another.
 */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { dataVersion } from '../../worker/routes/shipped-analysis';
import type { D1Database } from '../../worker/scenarios/d1';
import { SCENARIO_LIMITS as L } from '../../worker/scenarios/limits';
import { sha256Hex } from '../../worker/scenarios/secrets';
import type { ScenarioView } from '../../worker/scenarios/view';

const DB = env.DB as D1Database;
let clients = 0;

interface Created {
  id: string;
  version: number;
  name: string;
  created: string;
  data_version: string;
  read_link: string;
  edit_token: string;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A client: requests carry its own address, as Cloudflare's edge sets CF-Connecting-IP. */
function client() {
  const ip = `198.51.100.${++clients}`;
  const call = (path: string, init: RequestInit = {}) =>
    exports.default.fetch(
      new Request(`http://127.0.0.1${path}`, { ...init, headers: { 'cf-connecting-ip': ip, ...(init.headers as Record<string, string>) } }),
    );
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    call,
    create: async (file: object = scenarioFile()) => {
      const res = await send('POST', '/api/scenarios', file);
      expect(res.status, await res.clone().text()).toBe(201);
      return { res, body: (await res.json()) as Created };
    },
    post: (body: unknown, headers?: Record<string, string>) => send('POST', '/api/scenarios', body, headers),
    put: (id: string, body: unknown, headers: Record<string, string>) => send('PUT', `/api/scenarios/${id}`, body, headers),
    del: (id: string, headers: Record<string, string> = {}) => call(`/api/scenarios/${id}`, { method: 'DELETE', headers }),
    get: (path: string, headers: Record<string, string> = {}) => call(path, { headers }),
  };
}

const auth = (token: string, version?: number) => ({ authorization: `Bearer ${token}`, ...(version !== undefined ? { 'if-match': `"v${version}"` } : {}) });

/** A scenario file as the workbench exports it (src/state/scenario.ts toGeoJSON). */
function scenarioFile(name = 'Pocket parks north of Guanyinqiao', sites = 2, extra: Record<string, unknown> = {}) {
  return {
    type: 'FeatureCollection',
    jiangbei_scenario: { version: 1, name, closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius', ...extra },
    features: Array.from({ length: sites }, (_, i) => ({
      type: 'Feature',
      id: `site-${i}`,
      properties: { id: `site-${i}`, tier: i % 2 ? 'garden' : 'leisure', name: `Site ${i}` },
      geometry: { type: 'Point', coordinates: [106.55 + i * 0.0001, 29.6] },
    })),
  };
}

const json = async <T>(res: Response) => (await res.json()) as T;
const latest = async (c: ReturnType<typeof client>, id: string) => json<ScenarioView>(await c.get(`/api/scenarios/${id}`));

describe('create, read, update, delete', () => {
  it('stores a scenario and answers an id, a read link and an edit token; reads it back as sent', async () => {
    const c = client();
    const file = scenarioFile('North bank pocket parks', 3, { closures: ['osm-1123836579'], radii: { leisure: 400, garden: 1000, park: 2000 }, mode: 'walk' });
    const { res, body } = await c.create(file);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits
    expect(body.edit_token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(body.read_link).toBe(`/?scenario=${body.id}`);
    expect(res.headers.get('location')).toBe(`/api/scenarios/${body.id}`);
    expect(body).toMatchObject({ version: 1, name: 'North bank pocket parks', data_version: dataVersion() });

    const got = await c.get(`/api/scenarios/${body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"v1"');
    const v = await json<ScenarioView>(got);
    expect(v).toMatchObject({ id: body.id, version: 1, latest: 1, name: 'North bank pocket parks', features: 3, created: body.created, saved: body.created });
    expect(v.scenario).toEqual(file); // the workbench's own export form, unchanged
    expect(v.data).toEqual({ version: dataVersion(), current: dataVersion(), matches: true, missing_closures: [] });
    // Nothing secret in what a reader gets.
    const text = JSON.stringify(v);
    expect(text).not.toContain(body.edit_token);
    expect(text).not.toContain(await sha256Hex(body.edit_token));
  });

  it('saves new versions with the token and If-Match, lists them, reads each, deletes', async () => {
    const c = client();
    const { body } = await c.create(scenarioFile('v1 name', 1));
    const r2 = await c.put(body.id, scenarioFile('v2 name', 4), auth(body.edit_token, 1));
    expect(r2.status).toBe(200);
    expect(r2.headers.get('etag')).toBe('"v2"');
    expect(await json<ScenarioView>(r2)).toMatchObject({ version: 2, latest: 2, name: 'v2 name', features: 4 });
    const r3 = await c.put(body.id, scenarioFile('v3 name', 0), auth(body.edit_token, 2));
    expect(r3.status).toBe(200);

    expect(await latest(c, body.id)).toMatchObject({ version: 3, latest: 3, name: 'v3 name', features: 0 });
    const list = await json<{ latest: number; kept: number; versions: { version: number; name: string; features: number }[] }>(
      await c.get(`/api/scenarios/${body.id}/versions`),
    );
    expect(list.latest).toBe(3);
    expect(list.kept).toBe(L.versionsKept);
    expect(list.versions.map((x) => [x.version, x.name, x.features])).toEqual([
      [3, 'v3 name', 0],
      [2, 'v2 name', 4],
      [1, 'v1 name', 1],
    ]);
    const v1 = await json<ScenarioView>(await c.get(`/api/scenarios/${body.id}/versions/1`));
    expect(v1).toMatchObject({ version: 1, latest: 3, name: 'v1 name', features: 1 });
    expect((await c.get(`/api/scenarios/${body.id}/versions/4`)).status).toBe(404);
    expect((await json<ErrorBody>(await c.get(`/api/scenarios/${body.id}/versions/0`))).error.code).toBe('invalid_version');

    const del = await c.del(body.id, auth(body.edit_token));
    expect(del.status).toBe(204);
    for (const path of [`/api/scenarios/${body.id}`, `/api/scenarios/${body.id}/versions`, `/api/scenarios/${body.id}/versions/1`]) {
      const res = await c.get(path);
      expect(res.status, path).toBe(404);
      expect((await json<ErrorBody>(res)).error.code).toBe('scenario_not_found');
    }
    const rows = await DB.prepare(
      'SELECT (SELECT count(*) FROM scenarios WHERE id = ?1) + (SELECT count(*) FROM scenario_versions WHERE scenario_id = ?1) AS n',
    )
      .bind(body.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });

  it('answers 304 to a reader who already has the latest version', async () => {
    const c = client();
    const { body } = await c.create();
    const res = await c.get(`/api/scenarios/${body.id}`, { 'if-none-match': '"v1"' });
    expect(res.status).toBe(304);
    await c.put(body.id, scenarioFile('changed'), auth(body.edit_token, 1));
    expect((await c.get(`/api/scenarios/${body.id}`, { 'if-none-match': '"v1"' })).status).toBe(200);
  });
});

describe('edit rights', () => {
  it('keeps only a SHA-256 of the token, never the token', async () => {
    const c = client();
    const { body } = await c.create();
    const row = await DB.prepare('SELECT token_hash FROM scenarios WHERE id = ?1').bind(body.id).first<{ token_hash: string }>();
    expect(row!.token_hash).toBe(await sha256Hex(body.edit_token));
    const anywhere = await DB.prepare(
      'SELECT count(*) AS n FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id WHERE instr(s.token_hash, ?1) OR instr(v.body, ?1) OR instr(v.name, ?1)',
    )
      .bind(body.edit_token)
      .first<{ n: number }>();
    expect(anywhere!.n).toBe(0);
  });

  it('no token → 401, a wrong token or another scenario’s → 403; the stored version is unchanged', async () => {
    const c = client();
    const { body } = await c.create(scenarioFile('Mine'));
    const { body: other } = await c.create(scenarioFile('Theirs'));
    const cases: [Record<string, string>, number, string][] = [
      [{ 'if-match': '"v1"' }, 401, 'token_required'],
      [{ authorization: 'Basic dXNlcjpwYXNz', 'if-match': '"v1"' }, 401, 'token_required'],
      [{ authorization: 'Bearer', 'if-match': '"v1"' }, 401, 'token_required'],
      [auth('x'.repeat(43), 1), 403, 'token_invalid'],
      [auth(body.edit_token.slice(0, -1) + (body.edit_token.endsWith('A') ? 'B' : 'A'), 1), 403, 'token_invalid'],
      [auth(other.edit_token, 1), 403, 'token_invalid'],
      [auth(`${body.edit_token}x`, 1), 403, 'token_invalid'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await c.put(body.id, scenarioFile('Overwritten'), headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect((await json<ErrorBody>(res)).error.code).toBe(code);
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    for (const headers of [{}, auth(other.edit_token)]) expect((await c.del(body.id, headers)).status).toBeGreaterThanOrEqual(401);
    expect(await latest(c, body.id)).toMatchObject({ version: 1, latest: 1, name: 'Mine' });
    expect(await latest(c, other.id)).toMatchObject({ version: 1, name: 'Theirs' });
  });

  it('a read link cannot write: everything a reader is given edits nothing', async () => {
    const owner = client();
    const reader = client();
    const { body } = await owner.create(scenarioFile('Read only'));
    const id = new URLSearchParams(body.read_link.split('?')[1]).get('scenario')!;
    const seen = await reader.get(`/api/scenarios/${id}`);
    const etag = seen.headers.get('etag')!;
    // The reader has the id and the ETag, nothing else: try them as credentials.
    for (const authorization of [undefined, `Bearer ${id}`, `Bearer ${etag}`, `Bearer ${body.read_link}`]) {
      const headers: Record<string, string> = { 'if-match': etag, ...(authorization ? { authorization } : {}) };
      expect([401, 403]).toContain((await reader.put(id, scenarioFile('Vandalised'), headers)).status);
      expect([401, 403]).toContain((await reader.del(id, headers)).status);
    }
    expect(await latest(reader, id)).toMatchObject({ version: 1, name: 'Read only' });
  });

  it('nothing lists the scenarios', async () => {
    const c = client();
    const { body } = await c.create();
    for (const path of ['/api/scenarios', '/api/scenarios/', '/api/scenarios?all=1', '/api/scenarios/versions']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(body.id);
    }
  });
});

describe('two editors at once', () => {
  it('a stale If-Match gets 409 with the current version, and the stored version is unchanged', async () => {
    const c = client();
    const { body } = await c.create(scenarioFile('Base'));
    // A and B both read v1; A saves first.
    expect((await c.put(body.id, scenarioFile('A’s edit', 5), auth(body.edit_token, 1))).status).toBe(200);
    const stale = await c.put(body.id, scenarioFile('B’s edit', 7), auth(body.edit_token, 1));
    expect(stale.status).toBe(409);
    const e = await json<ErrorBody>(stale);
    expect(e.error.code).toBe('version_conflict');
    expect(e.error.details).toMatchObject({ base: 1, current: { version: 2, name: 'A’s edit', features: 5 } });
    expect(await latest(c, body.id)).toMatchObject({ version: 2, latest: 2, name: 'A’s edit', features: 5 });
    expect((await json<{ versions: unknown[] }>(await c.get(`/api/scenarios/${body.id}/versions`))).versions).toHaveLength(2);
    // Based on the current version, B's edit goes through.
    expect(await json<ScenarioView>(await c.put(body.id, scenarioFile('B’s edit', 7), auth(body.edit_token, 2)))).toMatchObject({
      version: 3,
      name: 'B’s edit',
    });
  });

  it('two saves on the same base sent together: exactly one wins, the other gets 409', async () => {
    const c = client();
    const { body } = await c.create();
    const [a, b] = await Promise.all([
      c.put(body.id, scenarioFile('A'), auth(body.edit_token, 1)),
      c.put(body.id, scenarioFile('B'), auth(body.edit_token, 1)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect(await latest(c, body.id)).toMatchObject({ version: 2, latest: 2, name: winner });
  });

  it('If-Match is required (428) and must name a version (400)', async () => {
    const c = client();
    const { body } = await c.create();
    const none = await c.put(body.id, scenarioFile(), { authorization: `Bearer ${body.edit_token}` });
    expect(none.status).toBe(428);
    expect((await json<ErrorBody>(none)).error.code).toBe('if_match_required');
    for (const tag of ['*', '"v1", "v2"', 'abc', '"v-1"']) {
      const res = await c.put(body.id, scenarioFile(), { authorization: `Bearer ${body.edit_token}`, 'if-match': tag });
      expect(res.status, tag).toBe(400);
    }
    expect((await c.put(body.id, scenarioFile(), { authorization: `Bearer ${body.edit_token}`, 'if-match': 'W/"v1"' })).status).toBe(200);
  });
});

describe('limits, each a 4xx naming it', () => {
  const expectError = async (res: Response, status: number, code: string) => {
    const text = await res.text();
    expect(res.status, text.slice(0, 200)).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const e = JSON.parse(text) as ErrorBody;
    expect(e.error.code).toBe(code);
    return e;
  };

  it(`body over ${L.maxBodyBytes} bytes → 413 body_too_large`, async () => {
    const c = client();
    const big = JSON.stringify({ ...scenarioFile(), pad: 'x'.repeat(L.maxBodyBytes) });
    const e = await expectError(await c.post(big), 413, 'body_too_large');
    expect(e.error.details).toMatchObject({ limit: 'maxBodyBytes', max_bytes: L.maxBodyBytes });
    // Just under the limit is fine as far as size goes.
    const under = JSON.stringify({ ...scenarioFile(), pad: 'x'.repeat(L.maxBodyBytes - 2000) });
    expect(under.length).toBeLessThan(L.maxBodyBytes);
    expect((await c.post(under)).status).toBe(201);
  });

  it(`more than ${L.maxFeatures} sites → 413 too_many_features; ${L.maxFeatures} are stored`, async () => {
    const c = client();
    const e = await expectError(await c.post(scenarioFile('many', L.maxFeatures + 1)), 413, 'too_many_features');
    expect(e.error.message).toContain(String(L.maxFeatures));
    const { body } = await c.create(scenarioFile('many', L.maxFeatures));
    expect((await latest(c, body.id)).features).toBe(L.maxFeatures);
  });

  it(`more than ${L.maxClosures} closures → 413 too_many_closures; a name over ${L.maxNameChars} characters → 422 name_too_long`, async () => {
    const c = client();
    const closures = Array.from({ length: L.maxClosures + 1 }, (_, i) => `osm-${i}`);
    await expectError(await c.post(scenarioFile('closures', 1, { closures })), 413, 'too_many_closures');
    await expectError(await c.post(scenarioFile('n'.repeat(L.maxNameChars + 1))), 422, 'name_too_long');
    expect((await c.post(scenarioFile('n'.repeat(L.maxNameChars)))).status).toBe(201);
  });

  it(`keeps the latest ${L.versionsKept} versions; an older one → 410 version_pruned`, async () => {
    const c = client();
    const { body } = await c.create(scenarioFile('v1'));
    const total = L.versionsKept + 3;
    for (let n = 2; n <= total; n++) expect((await c.put(body.id, scenarioFile(`v${n}`), auth(body.edit_token, n - 1))).status).toBe(200);
    const list = await json<{ latest: number; versions: { version: number }[] }>(await c.get(`/api/scenarios/${body.id}/versions`));
    expect(list.latest).toBe(total);
    expect(list.versions.map((v) => v.version)).toEqual(Array.from({ length: L.versionsKept }, (_, i) => total - i));
    const e = await expectError(await c.get(`/api/scenarios/${body.id}/versions/3`), 410, 'version_pruned');
    expect(e.error.details).toMatchObject({ limit: 'versionsKept', max: L.versionsKept });
    expect(await json<ScenarioView>(await c.get(`/api/scenarios/${body.id}/versions/4`))).toMatchObject({ version: 4, name: 'v4' });
  });

  it(`more than ${L.writesPerMinute} writes a minute from one client → 429 rate_limited; other clients unaffected`, async () => {
    // The window is the clock minute: if it turned during the burst, the count restarted; try again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const c = client();
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i <= L.writesPerMinute; i++) statuses.push((await c.post(scenarioFile(`burst ${i}`, 1))).status);
      const last = await c.post(scenarioFile('one too many', 1));
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(statuses.slice(0, L.writesPerMinute).every((s) => s === 201)).toBe(true);
      expect(statuses[L.writesPerMinute]).toBe(429);
      const e = await expectError(last, 429, 'rate_limited');
      expect(e.error.details).toMatchObject({ limit: 'writesPerMinute', max: L.writesPerMinute });
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(last.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // Reads are not limited; another client may still write.
      const { body } = await client().create();
      expect((await c.get(`/api/scenarios/${body.id}`)).status).toBe(200);
      return;
    }
    throw new Error('the minute turned during both attempts');
  });

  it('a file the workbench or the analysis could not use → 415 / 400 / 422 naming the problem', async () => {
    const c = client();
    const file = scenarioFile('bad', 2);
    const cases: [unknown, number, string, string?][] = [
      ['{"type":', 400, 'invalid_json'],
      [{ sites: file.features }, 422, 'invalid_scenario'],
      [{ ...file, features: [{ ...file.features[0], properties: { tier: 'forest' } }] }, 422, 'unknown_tier'],
      [{ ...file, features: [{ ...file.features[0], geometry: { type: 'Point', coordinates: [116.4, 39.9] } }] }, 422, 'far_from_district'],
      [{ ...file, features: [{ ...file.features[0], geometry: { type: 'MultiPoint', coordinates: [[106.6, 29.6]] } }] }, 422, 'invalid_scenario'],
      [{ ...file, jiangbei_scenario: { ...file.jiangbei_scenario, radii: { park: 99_999 } } }, 422, 'invalid_radius'],
      [{ ...file, jiangbei_scenario: { ...file.jiangbei_scenario, mode: 'fly' } }, 422, 'invalid_mode'],
      [{ ...file, jiangbei_scenario: { ...file.jiangbei_scenario, closures: [42] } }, 422, 'invalid_scenario'],
      [{ ...file, jiangbei_scenario: { ...file.jiangbei_scenario, name: { first: 'x' } } }, 422, 'invalid_scenario'],
    ];
    for (const [body, status, code] of cases) await expectError(await c.post(body), status, code);
    await expectError(await c.post(JSON.stringify(file), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
  });
});

describe('hostile text is stored and answered as text', () => {
  const hostile = [
    "Robert'); DROP TABLE scenarios;--",
    '" OR 1=1 --',
    "'; DELETE FROM scenario_versions WHERE '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(document.cookie)>',
    '江北嘴 \u202e滨江 𠀋 😀',
    'back\\slash "quoted" \ttab\nnewline',
    'nul\u0000inside',
  ];

  it('names (of the scenario and of its sites) round-trip byte for byte, as JSON, and the tables survive', async () => {
    const c = client();
    const tables = async () =>
      (await DB.prepare("SELECT group_concat(name) AS t FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)").first<{ t: string }>())!.t;
    const before = await tables();
    for (const name of hostile) {
      const file = scenarioFile(name, 1);
      file.features[0]!.properties.name = name;
      const { body } = await c.create(file);
      expect(body.name).toBe(name);
      const res = await c.get(`/api/scenarios/${body.id}`);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const v = await json<ScenarioView>(res);
      expect(v.name).toBe(name);
      expect(v.scenario.jiangbei_scenario.name).toBe(name);
      expect(v.scenario.features[0]!.properties!.name).toBe(name);
      // A save with the hostile name as base works the same.
      expect(await json<ScenarioView>(await c.put(body.id, file, auth(body.edit_token, 1)))).toMatchObject({ version: 2, name });
    }
    expect(await tables()).toBe(before);
    expect((await DB.prepare('SELECT count(*) AS n FROM scenarios').first<{ n: number }>())!.n).toBeGreaterThanOrEqual(hostile.length);
  });

  it('hostile ids and version numbers are 404/400, never an error from the database', async () => {
    const c = client();
    for (const id of ["x' OR '1'='1", '%27%3B--', '..%2F..%2Fwrangler.toml', `${'a'.repeat(22)}'`, '%00', 'A'.repeat(2000)]) {
      const res = await c.get(`/api/scenarios/${id}`);
      expect(res.status, id).toBe(404);
    }
    const { body } = await c.create();
    for (const n of ['1e3', '-1', '1.5', "1'--", '99999999999']) expect([400, 404]).toContain((await c.get(`/api/scenarios/${body.id}/versions/${n}`)).status);
  });
});

describe('the shipped data a scenario was made on', () => {
  it('records the data version; reading says when the layers changed and which closed sites no longer ship', async () => {
    const c = client();
    const { body } = await c.create(scenarioFile('Closures', 1, { closures: ['osm-1123836579', 'osm-no-such-site'] }));
    expect((await latest(c, body.id)).data).toEqual({ version: dataVersion(), current: dataVersion(), matches: true, missing_closures: ['osm-no-such-site'] });
    // As if saved on an older release of the layers:
    await DB.prepare("UPDATE scenario_versions SET data_version = 'deadbeef' WHERE scenario_id = ?1").bind(body.id).run();
    const v = await latest(c, body.id);
    expect(v.data).toMatchObject({ version: 'deadbeef', current: dataVersion(), matches: false });
  });
});

describe('the database unavailable', () => {
  it('answers 503 storage_unavailable, JSON, to every route', async () => {
    const noDb = { ...(env as Record<string, unknown>), DB: undefined };
    const failing = {
      ...(env as Record<string, unknown>),
      DB: {
        prepare: () => {
          throw new Error('D1_ERROR: network connection lost');
        },
      },
    };
    for (const e of [noDb, failing]) {
      for (const [method, path] of [
        ['POST', '/api/scenarios'],
        ['GET', '/api/scenarios/AAAAAAAAAAAAAAAAAAAAAA'],
        ['PUT', '/api/scenarios/AAAAAAAAAAAAAAAAAAAAAA'],
        ['DELETE', '/api/scenarios/AAAAAAAAAAAAAAAAAAAAAA'],
      ] as const) {
        const init: RequestInit = { method, headers: { 'content-type': 'application/json', authorization: 'Bearer x', 'if-match': '"v1"' } };
        if (method === 'POST' || method === 'PUT') init.body = JSON.stringify(scenarioFile());
        const res = await app.fetch(new Request(`http://127.0.0.1${path}`, init), e);
        expect(res.status, `${method} ${path}`).toBe(503);
        expect((await json<ErrorBody>(res)).error.code).toBe('storage_unavailable');
      }
    }
  });
});

describe('the API described', () => {
  it('the OpenAPI document has every scenario route, the token scheme and the limits', async () => {
    const doc = await json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, { scheme: string }>; schemas: Record<string, unknown> };
    }>(await client().get('/api/openapi.json'));
    expect(Object.keys(doc.paths['/scenarios']!)).toEqual(['post']);
    expect(Object.keys(doc.paths['/scenarios/{id}']!).sort()).toEqual(['delete', 'get', 'put']);
    expect(doc.paths['/scenarios/{id}/versions']).toHaveProperty('get');
    expect(doc.paths['/scenarios/{id}/versions/{n}']).toHaveProperty('get');
    expect(Object.keys(doc.paths['/scenarios/{id}']!.put!.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '409', '413', '428', '429']));
    expect(doc.components.securitySchemes.editToken!.scheme).toBe('bearer');
    expect(JSON.stringify(doc.paths['/scenarios'])).toContain(String(L.maxBodyBytes));
    expect(doc.components.schemas).toHaveProperty('ScenarioVersion');
  });
});
