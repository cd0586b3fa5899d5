/**
 * Scenario ids and edit tokens: random, hashed, compared in constant time. Pure (Web Crypto
 * only), so the same code runs in workerd and in Node's unit tests.
 *
 * - An id is 128 random bits (crypto.getRandomValues), base64url: 22 characters. It is the
 *   read link: whoever has it may read, nobody can guess one, nothing lists them.
 * - An edit token is 256 random bits, base64url: 43 characters, shown once on creation.
 *   Only its SHA-256 is stored, so a leaked database grants no editing.
 */

const ID_BYTES = 16;
const TOKEN_BYTES = 32;
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

export const newScenarioId = () => random(ID_BYTES);
export const newEditToken = () => random(TOKEN_BYTES);

/** SHA-256 of a string (UTF-8), as 64 hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether two strings are equal, taking the same time wherever they first differ (no early
 * exit), so response timing tells an attacker nothing about how much of a hash matched.
 * Used on two SHA-256 hex digests, which always have the same length.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** Whether `token` is the one whose hash is `storedHash`. */
export async function tokenMatches(token: string, storedHash: string): Promise<boolean> {
  return constantTimeEqual(await sha256Hex(token), storedHash);
}

/**
 * The edit token from an `Authorization: Bearer <token>` header; `null` when there is no
 * such header, `''` when it names another scheme or carries no token.
 */
export function bearerToken(header: string | undefined | null): string | null {
  if (header === undefined || header === null) return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : '';
}
