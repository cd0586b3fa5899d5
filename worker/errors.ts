import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../domain/api';

/** Every error a client can cause, typed once; rendered in one place (`renderError`). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Renders any thrown value as JSON. Unknown failures never leak a stack trace. */
export function renderError(err: unknown, c: Context): Response {
  if (err instanceof ApiError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details as ErrorBody['error']['details'];
    return c.json(body, err.status);
  }
  // Hono's own HTTPExceptions (e.g. from the body-limit middleware) carry a status.
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json({ error: { code: 'bad_request', message: (err as Error).message || 'Bad request' } }, status as ContentfulStatusCode);
  }
  console.error('unexpected error', err);
  return c.json({ error: { code: 'internal', message: 'The server could not complete this request.' } }, 503);
}
