/**
 * The page's API client: a request lost on the way (no connection, no answer in time, or a
 * 5xx that is not the worker's JSON) is sent once more; the worker's own errors and the
 * caller's abort are not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, fetchCoverage, postCoverage } from '../../src/api';

const ok = () => new Response(JSON.stringify({ mode: 'radius' }), { status: 200, headers: { 'content-type': 'application/json' } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** A fetch that never answers until its signal aborts (a request dropped by a proxy). */
const hang = (_: string, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const body = { sites: { type: 'FeatureCollection' as const, features: [] }, radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' as const };

describe('requests lost on the way are sent once more', () => {
  it('no connection, then an answer', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(ok());
    expect(await postCoverage(body)).toEqual({ mode: 'radius' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // The same request both times: method and body.
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ method: 'POST', body: JSON.stringify(body) });
  });

  it("a proxy's 503 (not the worker's JSON), then an answer", async () => {
    fetchMock.mockResolvedValueOnce(new Response('Your worker restarted mid-request.', { status: 503 })).mockResolvedValueOnce(ok());
    expect(await fetchCoverage('radius', false)).toEqual({ mode: 'radius' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('no answer within 25 s, then an answer', async () => {
    vi.useFakeTimers();
    fetchMock.mockImplementationOnce(hang).mockResolvedValueOnce(ok());
    const answer = postCoverage(body);
    await vi.advanceTimersByTimeAsync(24_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 250);
    expect(await answer).toEqual({ mode: 'radius' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('lost twice: a failure that says why, after two tries', async () => {
    vi.useFakeTimers();
    fetchMock.mockImplementation(hang);
    const answer = postCoverage(body).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2 * 25_000 + 250);
    const err = await answer;
    expect(err).toBeInstanceOf(ApiFailure);
    expect(err).toMatchObject({ code: 'timeout', message: 'The server did not answer within 25 s.' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('answers that are not retried', () => {
  it("the worker's own JSON error, even a 503", async () => {
    fetchMock.mockResolvedValue(json(503, { error: { code: 'no_data', message: 'The district boundary layer is missing.' } }));
    await expect(fetchCoverage('radius', false)).rejects.toMatchObject({ status: 503, code: 'no_data', message: 'The district boundary layer is missing.' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a 400 naming the problem', async () => {
    fetchMock.mockResolvedValue(json(400, { error: { code: 'invalid_mode', message: 'mode must be radius or walk' } }));
    await expect(fetchCoverage('radius', false)).rejects.toMatchObject({ status: 400, code: 'invalid_mode' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("the caller's abort (a newer request took its place)", async () => {
    fetchMock.mockImplementation(hang);
    const controller = new AbortController();
    const answer = postCoverage(body, controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await answer).toMatchObject({ name: 'AbortError' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('on a browser without AbortSignal.any (iOS before 17.4): answers, and the caller can still abort', async () => {
    const any = AbortSignal.any;
    (AbortSignal as unknown as { any?: unknown }).any = undefined;
    try {
      fetchMock.mockResolvedValueOnce(ok());
      expect(await postCoverage(body)).toEqual({ mode: 'radius' });
      fetchMock.mockImplementation(hang);
      const controller = new AbortController();
      const answer = postCoverage(body, controller.signal).catch((e: unknown) => e);
      controller.abort();
      expect(await answer).toMatchObject({ name: 'AbortError' });
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      AbortSignal.any = any;
    }
  });
});
