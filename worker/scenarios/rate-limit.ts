/**
 * The per-client limit on scenario writes, counted in D1: one row per client and minute
 * (a fixed window), incremented atomically by an upsert. D1 rather than isolate memory,
 * because a client's requests land on many isolates and locations, and rather than a
 * Durable Object or Cloudflare's rate-limiting binding, to keep one storage service. The
 * cost is one small write per write request. A fixed window lets a client make up to twice
 * the limit across a minute boundary; for a guard against floods that is enough.
 */
import type { D1Database } from './d1';
import { sha256Hex } from './secrets';

/** Clients are counted by a hash of their address; the address itself is not stored. */
export async function clientKey(address: string): Promise<string> {
  return (await sha256Hex(`jb-scenario-writes:${address}`)).slice(0, 32);
}

export interface WriteCount {
  count: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/** Counts one write by `client` at `nowMs`; rows of earlier windows are deleted on the way. */
export async function countWrite(db: D1Database, client: string, nowMs: number): Promise<WriteCount> {
  const minute = Math.floor(nowMs / 60_000);
  const [, upsert] = await db.batch([
    db.prepare('DELETE FROM write_counts WHERE minute < ?1').bind(minute),
    db
      .prepare(
        'INSERT INTO write_counts (client, minute, count) VALUES (?1, ?2, 1) ON CONFLICT (client, minute) DO UPDATE SET count = count + 1 RETURNING count',
      )
      .bind(client, minute),
  ]);
  const count = Number((upsert?.results[0] as { count?: number } | undefined)?.count ?? 1);
  return { count, retryAfter: Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000)) };
}
