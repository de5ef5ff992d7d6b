import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getRetryAfter, sendWithFetch } from './sendWithFetch.js';

const URL = 'https://collector.test/trpc/collect';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const answer = (response: () => Response) => server.use(http.post(URL, response));

describe('sendWithFetch', () => {
  it('is ok on 200', async () => {
    answer(() => HttpResponse.json({ result: { data: { accepted: 1, duplicates: 0 } } }));
    expect(await sendWithFetch(URL, '{}')).toEqual({ kind: 'ok' });
  });

  it.each([408, 429, 500, 502, 503])('retries a %i', async (status) => {
    answer(() => new HttpResponse(null, { status }));
    expect(await sendWithFetch(URL, '{}')).toEqual({ kind: 'retry', after: undefined });
  });

  it('retries a network error', async () => {
    answer(() => HttpResponse.error());
    expect(await sendWithFetch(URL, '{}')).toEqual({ kind: 'retry' });
  });

  it('passes Retry-After on', async () => {
    answer(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '12' } }));
    expect(await sendWithFetch(URL, '{}')).toEqual({ kind: 'retry', after: 12_000 });
  });

  it.each([400, 401, 404, 413])('drops a %i, naming the error', async (status) => {
    answer(() => HttpResponse.json({ error: { message: 'batch.0.name: Required' } }, { status }));
    const outcome = await sendWithFetch(URL, '{}');
    expect(outcome).toEqual({
      kind: 'drop',
      reason: `${status} {"error":{"message":"batch.0.name: Required"}}`,
    });
  });
});

describe('getRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores what it cannot read', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12) });
    expect(getRetryAfter('0')).toBe(0);
    expect(getRetryAfter('120')).toBe(120_000);
    expect(getRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT')).toBe(30_000);
    expect(getRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT')).toBeUndefined();
    expect(getRetryAfter('soon')).toBeUndefined();
    expect(getRetryAfter('-5')).toBeUndefined();
    expect(getRetryAfter(null)).toBeUndefined();
    vi.useRealTimers();
  });
});
