import { once } from 'node:events';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Batches sent at once in a round, as many as a load balancer's first burst may hold. */
const CONCURRENCY = 32;
/** Rounds of warm-up batches: three brought a cold server's first wave from ~0.6 s to ~0.1 s. */
const ROUNDS = 3;
/** Events per warm-up batch: the SDK's and the benchmark's usual batch. */
const BATCH_EVENTS = 50;
/** A write key no project can have (keys are `wk_` and base64url; `!` is neither). */
const WARM_UP_WRITE_KEY = 'wk_!warm-up';

/**
 * Runs the collector's request path before the server takes traffic, so that the
 * first real batches after a start or a restart do not pay for V8 compiling it. A
 * cold server answered its first 32 concurrent batches in 0.4–0.7 s (1.4 s while a
 * restart's index build shared the 2 cores), each then a few milliseconds: a load
 * balancer's first burst waited behind the JIT, not behind any work. The warm-up
 * sends `ROUNDS` × `CONCURRENCY` batches of 50 under a write key that cannot exist,
 * over loopback through `server`'s own handler, on a port of its own: body reading,
 * parsing, validation of every event, the key's look-up and the 401 answer all run;
 * nothing is stored and nothing is logged.
 */
export async function warmUpCollector(server: Server): Promise<void> {
  const handler = createHttpServer((req, res) => server.emit('request', req, res));
  handler.listen(0, '127.0.0.1');
  await once(handler, 'listening');
  const { port } = handler.address() as AddressInfo;
  const body = (round: number, lane: number) =>
    JSON.stringify({
      writeKey: WARM_UP_WRITE_KEY,
      batch: Array.from({ length: BATCH_EVENTS }, (_, i) => ({
        id: `warm-${round}-${lane}-${i}`,
        type: 'track',
        name: 'Viewed product',
        anonymousId: `warm-device-${lane}`,
        timestamp: Date.now(),
        channel: 'web',
        properties: { sku: `sku-${i}`, price: i },
      })),
    });
  try {
    for (let round = 0; round < ROUNDS; round++)
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, lane) => post(port, body(round, lane))));
  } finally {
    handler.close();
  }
}

/** POSTs `body` to the collector on loopback; resolves with the status (401 expected), never rejects. */
function post(port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/trpc/collect',
        headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
