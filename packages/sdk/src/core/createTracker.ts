import type { ConsentCategory, ConsentRecord, Event, Properties } from '@parcours/schema/types';
import { createId } from './createId.js';
import { getChannel } from './getChannel.js';
import type { Feedback, Platform, Tracker, TrackerOptions, TrackOptions } from './types.js';

/** The decision: the only datum a withdrawal keeps (it identifies no one). */
export const CONSENT_KEY = 'parcours_consent';
/** Everything else: anonymous id, user id, session, queue, dropped count. */
export const STATE_KEY = 'parcours';

/** `@parcours/schema`'s `CONSENT_CATEGORIES`, copied: the SDK imports types only. */
export const CATEGORIES: ConsentCategory[] = ['analytics', 'marketing', 'personalization'];

/** A new session after 30 minutes idle. */
const SESSION_MS = 18e5;

/**
 * Bytes of events in one request. Browsers share a ~64 KiB quota among all keepalive
 * requests and beacons in flight (Fetch standard, "keepalive"; Chromium's 64 KiB), so
 * every request stays under 60 KiB, envelope included; an event alone above it is refused.
 */
const MAX_BYTES = 6e4;

/** Session: id, time of last activity, channel, campaign key. Stored, so short keys. */
interface Session {
  i: string;
  t: number;
  c: string;
  k: string;
}

/** UTF-8 length of a value's JSON: what it weighs on the wire. */
const getBytes = (value: unknown) => encodeURIComponent(JSON.stringify(value)).replace(/%../g, '.').length;

const parse = (text: unknown) => {
  try {
    return JSON.parse(text as string);
  } catch {
    return undefined;
  }
};

const warn = (reason: unknown) => console.warn('parcours:', reason);

/** Runs `then` on a value that may be a promise (AsyncStorage) or not (localStorage). */
const when = <T>(value: T | Promise<T>, then: (value?: T) => void) =>
  value && (value as Promise<T>).then ? (value as Promise<T>).then(then, () => then()) : then(value as T);

/**
 * Builds a tracker on a platform adapter. The platform-free core: consent gate, identity,
 * sessions, the persisted bounded queue, batching and retries. Entry points
 * (`@parcours/sdk`, `/react-native`, `/node`) call it with their platform.
 */
export function createTracker(options: TrackerOptions, platform: Platform): Tracker {
  const {
    writeKey,
    host,
    policyVersion = '1',
    batchSize = 50,
    flushInterval = 5e3,
    maxQueue = 1e3,
    retryDelay = 1e3,
    maxRetryDelay = 6e4,
  } = options;
  const { storage } = platform;
  let granted = options.consent || [];
  /** A decision was taken: stored, or in this page. */
  let decided = false;
  let anonymousId: string | undefined;
  let userId: string | undefined;
  let session: Session | undefined;
  let queue: Event[] = [];
  let dropped = 0;
  /** Events held in memory before any decision (`bufferBeforeConsent`). */
  const buffer: Event[] = [];
  let records: ConsentRecord[] = [];
  let listeners: ((granted: ConsentCategory[]) => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | undefined;
  let attempt = 0;
  /** The automatic page view was dropped for want of consent: record it on grant. */
  let pageMissed: unknown;
  let pending: (() => void)[] | undefined = [];
  const loaded = new Promise<void>((resolve) => pending!.push(resolve));

  /** Public methods run once storage is read, in call order, and never throw into the page. */
  const run = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      warn(error);
    }
  };
  const later =
    <A extends unknown[]>(fn: (...args: A) => unknown) =>
    (...args: A) =>
      pending ? pending.push(() => run(() => fn(...args))) : run(() => fn(...args));

  // Global Privacy Control is a refusal of sale and sharing: we read it as refusing `marketing`.
  const allow = (categories: ConsentCategory[]) =>
    CATEGORIES.filter((c) => categories.includes(c) && !(platform.gpc && c == 'marketing'));

  const save = () =>
    granted[0] &&
    storage.set(STATE_KEY, JSON.stringify({ a: anonymousId, u: userId, s: session, q: queue, d: dropped }));

  /** Sends a body; unless the answer says "retry", runs `settle` (the body leaves the queue). */
  const post = (path: string, body: object, settle: () => void, exit?: boolean) =>
    platform.send(host + '/trpc/' + path, JSON.stringify({ writeKey, ...body }), !!exit).then((outcome) => {
      // Acknowledged (committed) or refused for good: either way it leaves storage.
      if (outcome.kind != 'retry') settle();
      return outcome;
    });

  const sendRecords = (exit?: boolean) => {
    // The collector takes at most 100 records a request.
    const sent = records.slice(0, 100);
    return post(
      'consent',
      { records: sent },
      () => (records = records.filter((record) => !sent.includes(record))),
      exit,
    );
  };

  const sendBatch = (exit?: boolean) => {
    let count = 0;
    for (let bytes = 0; count < batchSize && queue[count] && (bytes += getBytes(queue[count])) < MAX_BYTES;)
      count++;
    const batch = queue.slice(0, count);
    const reported = dropped;
    return post(
      'collect',
      // The categories granted on the device, so the collector enforces consent a second time;
      // left out when consent was given up front (server-side, another legal basis).
      { batch, dropped: reported || undefined, consent: decided ? granted : undefined },
      () => {
        queue = queue.filter((event) => !batch.includes(event));
        dropped = Math.max(0, dropped - reported);
        save();
      },
      exit,
    );
  };

  /** Proof records first: they need no consent to be sent, and a refusal names no one. */
  const sendNext = () => (records[0] ? sendRecords() : granted[0] && queue[0] ? sendBatch() : undefined);

  const deliver = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    return (sending ||= (async () => {
      for (let outcome; (outcome = await sendNext());) {
        if (outcome.kind == 'retry') {
          // Exponential backoff with jitter, or exactly what `Retry-After` asked (RFC 9110 §10.2.3).
          const delay =
            outcome.after ?? Math.min(retryDelay * 2 ** attempt, maxRetryDelay) * (0.5 + Math.random() / 2);
          attempt++;
          timer = setTimeout(deliver, delay);
          return;
        }
        attempt = 0;
        if (outcome.kind == 'drop') warn(outcome.reason);
      }
    })().finally(() => (sending = undefined)));
  };

  /** Returns true when the event was dropped for want of consent. */
  const enqueue = (event: Event): true | void => {
    if (!granted.includes(event.category!)) {
      if (decided || !options.bufferBeforeConsent) return true;
      if (buffer.push(event) > maxQueue) buffer.shift();
      return;
    }
    event.anonymousId ||= anonymousId!;
    if (getBytes(event) > MAX_BYTES - 1e3) return warn('event too large: ' + event.name);
    if (queue.push(event) > maxQueue) {
      queue.shift();
      dropped++;
    }
    save();
    // While backing off, new events wait for the scheduled retry (`Retry-After` is a promise to keep).
    if (!attempt) queue.length < batchSize ? (timer ||= setTimeout(deliver, flushInterval)) : deliver();
  };

  const add = (
    type: Event['type'],
    name: string | undefined,
    properties?: Properties,
    o: TrackOptions = {},
  ) => {
    const context = platform.context();
    const timestamp = Date.now();
    const own = !(o.anonymousId || o.userId);
    name ||= type == 'page' ? (context.path as string) : '';
    if (!name) return warn('no name');
    if (own) {
      const source = getChannel((context.url as string) || '', (context.referrer as string) || '');
      if (!session || timestamp - session.t > SESSION_MS || (source && source[1] != session.k)) {
        session = {
          i: createId(),
          t: 0,
          c: source?.[0] || platform.channel || 'direct',
          k: source?.[1] || '',
        };
      }
      session.t = timestamp;
      context.session = session.i;
    }
    return enqueue({
      id: createId(),
      type,
      name: name.slice(0, 200),
      // An event about someone else (server-side, offline imports) must not carry this
      // device's ids: they would link, and so merge, every person it is sent for.
      anonymousId: o.anonymousId || (o.userId ? 'u:' + o.userId.slice(0, 120) : anonymousId!),
      userId: own ? userId : o.userId,
      timestamp: o.timestamp || timestamp,
      channel: o.channel || (own ? session!.c : undefined),
      category: o.category || 'analytics',
      properties,
      context,
    });
  };

  const page = (name?: string, properties?: Properties, o?: TrackOptions) => add('page', name, properties, o);

  const decide = (next: ConsentCategory[], source = 'sdk') => {
    granted = allow(next);
    decided = true;
    storage.set(CONSENT_KEY, JSON.stringify(granted));
    if (granted[0]) {
      anonymousId ||= createId();
      queue = queue.filter((event) => granted.includes(event.category!));
    } else {
      anonymousId = userId = session = undefined;
      queue = [];
      dropped = 0;
      storage.remove(STATE_KEY);
    }
    records.push({
      id: createId(),
      timestamp: Date.now(),
      granted,
      denied: CATEGORIES.filter((c) => !granted.includes(c)),
      policyVersion,
      source,
      ...(granted[0] ? { anonymousId, userId } : {}),
    });
    save();
    buffer.splice(0).forEach(enqueue);
    if (pageMissed && granted.includes('analytics')) pageMissed = page();
    listeners.forEach((fn) => run(() => fn(granted.slice())));
    if (!attempt) deliver();
  };

  const autoPage = later(() => (pageMissed = page()));

  const tracker: Tracker = {
    track: later((name: string, properties?: Properties, o?: TrackOptions) =>
      add('track', name, properties, o),
    ),
    page: later(page),
    identify: later((id: string, traits?: Properties) => {
      userId = id;
      save();
      add('identify', 'identify', traits);
    }),
    reset: later(() => {
      anonymousId = granted[0] && createId();
      userId = session = undefined;
      save();
    }),
    feedback: later((feedback: Feedback, o?: TrackOptions) => add('track', 'feedback', { ...feedback }, o)),
    flush: () => loaded.then(deliver),
    consent: {
      grant: later((categories: ConsentCategory[], source?: string) =>
        decide(granted.concat(categories), source),
      ),
      deny: later((categories = CATEGORIES, source?: string) =>
        decide(
          granted.filter((c) => !categories.includes(c)),
          source,
        ),
      ),
      get: () => granted.slice(),
      onChange: (fn) => {
        listeners.push(fn);
        return () => (listeners = listeners.filter((other) => other != fn));
      },
    },
  };

  platform.onHide(() => {
    // Beacons are not acknowledged: what they carry stays stored, and a later delivery
    // repeats it under the same ids, which the store ignores.
    if (records[0]) sendRecords(true);
    if (granted[0] && queue[0]) sendBatch(true);
  });
  if (platform.onNavigate && options.autoPage != false) {
    autoPage();
    platform.onNavigate(autoPage);
  }

  when(storage.get(CONSENT_KEY), (decision) => {
    const stored = parse(decision);
    if (stored) {
      decided = true;
      granted = allow(stored);
    }
    when(granted[0] && storage.get(STATE_KEY), (state) => {
      ({ a: anonymousId, u: userId, s: session, q: queue = [], d: dropped = 0 } = parse(state) || {});
      if (granted[0]) anonymousId ||= createId();
      const calls = pending!;
      pending = undefined;
      calls.forEach((fn) => fn());
      if (queue[0]) deliver();
    });
  });

  return tracker;
}
