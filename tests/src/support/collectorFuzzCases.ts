import fc from 'fast-check';

/**
 * Requests for the raw-HTTP fuzzer of the collector: valid batches, then mutated as an
 * attacker or a broken client would (wrong types, raw JSON tokens no serializer makes,
 * duplicate keys, truncation, flipped bytes), under random content types and transfers.
 */
export interface FuzzRequest {
  path: string;
  /** Undefined: no Content-Type header at all. */
  contentType: string | undefined;
  /** `length`: one write with Content-Length; `chunked`: these many writes, no length. */
  transfer: { kind: 'length' } | { kind: 'chunked'; splits: number[] };
  body: Buffer;
  /** True when nothing was mutated and the content type is one the collector reads: expect 200. */
  untouched: boolean;
  /** What was done, to print on failure. */
  story: string[];
}

const DAY = 86_400_000;
const event = fc.record(
  {
    id: fc.uuid(),
    type: fc.constantFrom('track', 'page', 'identify'),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    anonymousId: fc.string({ minLength: 1, maxLength: 20 }),
    userId: fc.string({ minLength: 1, maxLength: 20 }),
    timestamp: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 1) + 365 * DAY }),
    channel: fc.constantFrom('web', 'email', 'call_centre'),
    category: fc.constantFrom('analytics', 'marketing', 'personalization'),
    properties: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    ),
  },
  { requiredKeys: ['id', 'type', 'name', 'anonymousId', 'timestamp'] },
);

/** JSON text no `JSON.stringify` produces, spliced in where a marker string stands. */
const rawToken = fc.oneof(
  fc.constantFrom(
    '1e400',
    '-1e400',
    '-0',
    '123456789012345678901234567890',
    '1.7976931348623157e308',
    '0.1e-400',
  ),
  fc.constantFrom(
    '"\\ud800"',
    '"x\\udfff"',
    '"\\udc00\\ud800"',
    '"\\u0000"',
    '"\\ud83d\\ude00"',
    '"\u202Eevil"',
  ),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"k":1,"k":2}',
  ),
  fc.constantFrom('NaN', 'undefined', "'single'", '[1,]', '{"a":1,}', '"unterminated'),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

/** A value of the wrong type or size for whatever field it lands in. */
const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 64,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0,
    1.5,
    '',
    'x'.repeat(5_000),
    null,
    [],
    {},
  ),
  rawToken.map((token) => ({ raw: token })),
);

const EVENT_FIELDS = [
  'id',
  'type',
  'name',
  'anonymousId',
  'userId',
  'timestamp',
  'channel',
  'category',
  'properties',
  'context',
  'extra',
];
const TOP_FIELDS = ['writeKey', 'batch', 'consent', 'dropped', 'records', '__proto__'];

/** An edit of the object before it is written: one field of the body or of one event. */
const objectEdit: fc.Arbitrary<ObjectEdit> = fc.oneof(
  fc.record({ where: fc.constant('top' as const), field: fc.constantFrom(...TOP_FIELDS), value: wrongValue }),
  fc.record({
    where: fc.constant('event' as const),
    field: fc.constantFrom(...EVENT_FIELDS),
    value: wrongValue,
  }),
  fc.record({
    where: fc.constant('property' as const),
    field: fc.string({ maxLength: 10 }),
    value: wrongValue,
  }),
);

/** An edit of the bytes after they are written. */
const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({
    kind: fc.constant('duplicateKey' as const),
    key: fc.constantFrom('writeKey', 'batch', 'consent'),
  }),
  fc.record({ kind: fc.constant('pad' as const), bytes: fc.constantFrom(520 * 1024, 2 * 1024 * 1024) }),
);

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'text/plain;charset=UTF-8',
  undefined,
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/json; charset=latin1',
  'text/html',
];
/** Mostly what browsers and servers send, so that many requests reach validation and the store. */
const contentType = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('application/json', 'text/plain', 'text/plain;charset=UTF-8', undefined),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const READABLE = new Set(['application/json', 'text/plain', 'text/plain;charset=UTF-8', undefined]);

const PATHS = [
  '/trpc/collect',
  '/trpc/collect',
  '/trpc/collect',
  '/trpc/consent',
  '/trpc/collect?batch=1',
  '/trpc/collect,collect?batch=1',
];

type ObjectEdit = { where: 'top' | 'event' | 'property'; field: string; value: unknown };
type ByteEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: Array<[number, number]> }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'pad'; bytes: number };

/** Sets the field as an own key (even `__proto__`), a raw token as a marker to splice in later. */
function applyObjectEdit(body: Record<string, unknown>, edit: ObjectEdit, markers: string[]): void {
  const { value } = edit;
  const written =
    typeof value === 'object' && value !== null && 'raw' in value && typeof value.raw === 'string'
      ? `\u0001RAW${markers.push(value.raw) - 1}\u0001`
      : value;
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  const batch = body['batch'];
  const event: unknown = Array.isArray(batch) ? batch[0] : undefined;
  let target: unknown = body;
  if (edit.where === 'event') target = event;
  if (edit.where === 'property' && isObject(event)) target = event['properties'] ??= {};
  if (edit.where === 'property' && !isObject(event)) target = undefined;
  // An earlier edit may have replaced the batch or the event: then this one has nowhere to land.
  if (!isObject(target)) return;
  Object.defineProperty(target, edit.field, {
    value: written,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}

function applyByteEdit(bytes: Buffer, edit: ByteEdit): Buffer {
  switch (edit.kind) {
    case 'duplicateKey':
      return Buffer.concat([Buffer.from(`{"${edit.key}":12,`), bytes.subarray(1)]);
    case 'pad':
      return Buffer.concat([Buffer.from(`{"padding":"${'x'.repeat(edit.bytes)}",`), bytes.subarray(1)]);
    case 'truncate':
      return bytes.subarray(0, Math.floor(edit.at * bytes.length));
    case 'flip': {
      const copy = Buffer.from(bytes);
      for (const [at, byte] of edit.flips)
        if (copy.length > 0) copy[Math.min(copy.length - 1, Math.floor(at * copy.length))] = byte;
      return copy;
    }
  }
}

/** Requests aimed at the project behind `writeKey`. */
export function fuzzRequest(writeKey: string): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      batch: fc.array(event, { minLength: 1, maxLength: 5 }),
      consent: fc.option(fc.subarray(['analytics', 'marketing', 'personalization']), { nil: undefined }),
      objectEdits: fc.oneof(
        { weight: 1, arbitrary: fc.constant<ObjectEdit[]>([]) },
        { weight: 3, arbitrary: fc.array(objectEdit, { minLength: 1, maxLength: 3 }) },
      ),
      byteEdits: fc.oneof(
        { weight: 3, arbitrary: fc.constant<ByteEdit[]>([]) },
        { weight: 1, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 2 }) },
      ),
      path: fc.constantFrom(...PATHS),
      contentType,
      chunked: fc.option(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        { nil: undefined },
      ),
    })
    .map(({ batch, consent, objectEdits, byteEdits, path, contentType, chunked }) => {
      // A copy: fast-check keeps the generated values to shrink from, so they must stay intact.
      const body = structuredClone({ writeKey, batch, ...(consent && { consent }) }) as Record<
        string,
        unknown
      >;
      const markers: string[] = [];
      for (const edit of objectEdits) applyObjectEdit(body, edit, markers);
      let text = JSON.stringify(body);
      // JSON.stringify writes the marker's control characters as \u0001 escapes.
      markers.forEach((token, i) => (text = text.split(`"\\u0001RAW${i}\\u0001"`).join(token)));
      let bytes: Buffer = Buffer.from(text);
      for (const edit of byteEdits) bytes = applyByteEdit(bytes, edit);
      const splits = chunked?.map((at) => Math.floor(at * bytes.length)).sort((a, b) => a - b);
      return {
        path,
        contentType,
        transfer: splits ? { kind: 'chunked' as const, splits } : { kind: 'length' as const },
        body: bytes,
        untouched:
          objectEdits.length === 0 &&
          byteEdits.length === 0 &&
          path === '/trpc/collect' &&
          READABLE.has(contentType),
        story: [
          `${path} ${contentType ?? '(no content type)'} ${splits ? `chunked at ${splits.join(',')}` : 'content-length'}`,
          ...objectEdits.map((e) => `set ${e.where}.${e.field} = ${JSON.stringify(e.value)?.slice(0, 80)}`),
          ...byteEdits.map((e) => `bytes: ${JSON.stringify(e).slice(0, 80)}`),
        ],
      };
    });
}
