/**
 * Shared scenarios in D1: the queries, and nothing else (the routes check input and rights
 * first). Every statement binds its values (no SQL is built from input). A write of several
 * statements goes as one batch, which D1 runs as a transaction: all or nothing.
 */
import type { D1Database } from './d1';

export interface Head {
  token_hash: string;
  latest: number;
  created_at: string;
  updated_at: string;
}

export interface VersionRow {
  n: number;
  name: string;
  body: string;
  features: number;
  data_version: string;
  created_at: string;
}

export interface VersionInfo {
  n: number;
  name: string;
  features: number;
  data_version: string;
  created_at: string;
}

export interface NewVersion {
  name: string;
  body: string;
  features: number;
  dataVersion: string;
  now: string;
}

export async function createScenario(db: D1Database, id: string, tokenHash: string, v: NewVersion): Promise<void> {
  await db.batch([
    db.prepare('INSERT INTO scenarios (id, token_hash, latest, created_at, updated_at) VALUES (?1, ?2, 1, ?3, ?3)').bind(id, tokenHash, v.now),
    db
      .prepare('INSERT INTO scenario_versions (scenario_id, n, name, body, features, data_version, created_at) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)')
      .bind(id, v.name, v.body, v.features, v.dataVersion, v.now),
  ]);
}

export function readHead(db: D1Database, id: string): Promise<Head | null> {
  return db.prepare('SELECT token_hash, latest, created_at, updated_at FROM scenarios WHERE id = ?1').bind(id).first<Head>();
}

/** The scenario and its latest version in one query (a reader's usual request). */
export async function readLatest(db: D1Database, id: string): Promise<{ head: Head; row: VersionRow } | null> {
  const r = await db
    .prepare(
      'SELECT s.token_hash, s.latest, s.created_at AS s_created, s.updated_at, v.n, v.name, v.body, v.features, v.data_version, v.created_at FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.latest WHERE s.id = ?1',
    )
    .bind(id)
    .first<Head & VersionRow & { s_created: string }>();
  if (!r) return null;
  return {
    head: { token_hash: r.token_hash, latest: r.latest, created_at: r.s_created, updated_at: r.updated_at },
    row: { n: r.n, name: r.name, body: r.body, features: r.features, data_version: r.data_version, created_at: r.created_at },
  };
}

/** Version `n` of a scenario; null when it does not exist (or was pruned). */
export function readVersion(db: D1Database, id: string, n: number): Promise<VersionRow | null> {
  return db
    .prepare('SELECT n, name, body, features, data_version, created_at FROM scenario_versions WHERE scenario_id = ?1 AND n = ?2')
    .bind(id, n)
    .first<VersionRow>();
}

/** The versions kept, newest first, without their bodies. */
export async function listVersions(db: D1Database, id: string): Promise<VersionInfo[]> {
  const r = await db
    .prepare('SELECT n, name, features, data_version, created_at FROM scenario_versions WHERE scenario_id = ?1 ORDER BY n DESC')
    .bind(id)
    .all<VersionInfo>();
  return r.results;
}

/**
 * Stores version `base + 1`, only if `base` is still the latest: the check and the write
 * are one transaction, so of two planners saving on the same base exactly one wins.
 * Versions older than the newest `keep` are deleted in the same transaction.
 * Returns false (nothing written) when another save got there first.
 */
export async function saveVersion(db: D1Database, id: string, base: number, v: NewVersion, keep: number): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .prepare(
        'INSERT INTO scenario_versions (scenario_id, n, name, body, features, data_version, created_at) SELECT id, latest + 1, ?3, ?4, ?5, ?6, ?7 FROM scenarios WHERE id = ?1 AND latest = ?2',
      )
      .bind(id, base, v.name, v.body, v.features, v.dataVersion, v.now),
    db.prepare('UPDATE scenarios SET latest = latest + 1, updated_at = ?3 WHERE id = ?1 AND latest = ?2').bind(id, base, v.now),
    db.prepare('DELETE FROM scenario_versions WHERE scenario_id = ?1 AND n <= ?2').bind(id, base + 1 - keep),
  ]);
  return (inserted?.meta.changes ?? 0) === 1;
}

export async function deleteScenario(db: D1Database, id: string): Promise<boolean> {
  const [, head] = await db.batch([
    db.prepare('DELETE FROM scenario_versions WHERE scenario_id = ?1').bind(id),
    db.prepare('DELETE FROM scenarios WHERE id = ?1').bind(id),
  ]);
  return (head?.meta.changes ?? 0) === 1;
}
