import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ConsentRecord, Event } from '../core/types.js';

/** Where the tests' collector lives; msw answers, nothing leaves the process. */
export const HOST = 'https://collector.test';

/** One request as it arrived on the wire. */
export interface Arrival {
  path: 'collect' | 'consent';
  contentType: string | null;
  bytes: number;
  body: {
    writeKey: string;
    batch?: Event[];
    dropped?: number;
    consent?: string[];
    policyVersion?: number;
    records?: ConsentRecord[];
  };
  at: number;
}

type Reply = () => Response;

/**
 * msw playing the collector (`onUnhandledRequest: 'error'`): records every request and
 * answers `{"result":{"data":{"accepted":n,"duplicates":0}}}` unless a test scripted
 * other answers with `reply(path, …)`, used once each, in order.
 */
export const createCollector = () => {
  const arrivals: Arrival[] = [];
  // Trackers of finished tests keep their timers (flush interval, retries). Each test gets
  // its own write key, and requests carrying another are answered but not recorded, so
  // one test never sees (or consumes the scripted answers of) another's traffic.
  let generation = 0;
  let writeKey = 'wk_test_0';
  const scripted: Record<Arrival['path'], Reply[]> = { collect: [], consent: [] };
  const handle = (path: Arrival['path']) =>
    http.post(HOST + '/trpc/' + path, async ({ request }) => {
      const text = await request.text();
      const body = JSON.parse(text) as Arrival['body'];
      if (body.writeKey !== writeKey) {
        return HttpResponse.json({
          result: { data: { accepted: (body.batch ?? body.records ?? []).length, duplicates: 0 } },
        });
      }
      arrivals.push({
        path,
        contentType: request.headers.get('content-type'),
        bytes: new TextEncoder().encode(text).length,
        body,
        at: Date.now(),
      });
      const reply = scripted[path].shift();
      if (reply) return reply();
      const accepted = (body.batch ?? body.records ?? []).length;
      return HttpResponse.json({ result: { data: { accepted, duplicates: 0 } } });
    });
  const server = setupServer(handle('collect'), handle('consent'));
  return {
    server,
    arrivals,
    /** The write key of the current test: use it, or the collector ignores the requests. */
    get writeKey() {
      return writeKey;
    },
    /** Scripts the next answers to `path`. */
    reply(path: Arrival['path'], ...replies: Reply[]) {
      scripted[path].push(...replies);
    },
    /** Every event that arrived, in order, repeats included. */
    events: () => arrivals.flatMap((arrival) => arrival.body.batch ?? []),
    /** Every consent record that arrived, in order. */
    records: () => arrivals.flatMap((arrival) => arrival.body.records ?? []),
    /** Drops what arrived and any scripted answer left. */
    clear() {
      arrivals.length = 0;
      scripted.collect.length = 0;
      scripted.consent.length = 0;
    },
    /** Between tests: clears, and moves on to a new write key. */
    reset() {
      writeKey = `wk_test_${++generation}`;
      this.clear();
    },
  };
};

/** A tRPC error body with its HTTP status, as the collector sends them. */
export const trpcError =
  (status: number, message: string, headers?: Record<string, string>): Reply =>
  () =>
    HttpResponse.json(
      { error: { message, code: -32600, data: { httpStatus: status } } },
      { status, headers },
    );

/** A network failure (offline, DNS, reset). */
export const networkError = (): Reply => () => HttpResponse.error();
