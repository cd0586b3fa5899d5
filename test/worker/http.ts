/** Calling the worker in workerd from a test: a request, a JSON POST, and an answer read as JSON of the status expected. */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

export const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));
export const post = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as T;
}
