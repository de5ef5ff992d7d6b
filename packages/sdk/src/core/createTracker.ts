import type { ConsentCategory, ConsentRecord, Event, Properties } from '@parcours/schema/types';
import { attempt, warn } from './attempt.js';
import { createId } from './createId.js';
import { getChannel } from './getChannel.js';
import { IS_SCRIPT_TAG } from './isScriptTag.js';
import {
  isIdentity,
  isStoredEvent,
  parse,
  type Session,
  type State,
  type Unchecked,
} from './isStoredEvent.js';
import type {
  Feedback,
  IdentifyOptions,
  KeyValueStorage,
  Platform,
  RecordFields,
  Tracker,
  TrackerOptions,
  TrackOptions,
} from './types.js';

/** What a decision made under a published consent config adds to its stored categories. */
interface DecisionMeta {
  /** The published version (`policyVersion` of the record, as a number). */
  v: number;
  /** When it was made, epoch ms. */
  t: number;
}

/** The decision: the only datum a withdrawal keeps (it identifies no one). */
export const CONSENT_KEY = 'parcours_consent';
/**
 * Everything else: anonymous id, user id and hash, session, queue, dropped count. Versioned:
 * a new layout gets a new key, and adopts the old one's content once.
 */
export const STATE_KEY = 'parcours:2';
/** Where 0.1.0 kept the same state. */
export const OLD_STATE_KEY = 'parcours';

/** `@parcours/schema`'s `CONSENT_CATEGORIES`, copied: the SDK imports types only. */
export const CATEGORIES: ConsentCategory[] = ['analytics', 'marketing', 'personalization'];

/** A new session after 30 minutes idle. */
const SESSION_MS = 18e5;

/**
 * How long an anonymous id lives, counted from when it was made, however often it is used
 * since: 393 days, the shortest 13 calendar months (a common-year February among them), so
 * it never outlives the CNIL's 13 months.
 */
export const ID_LIFETIME_MS = 393 * 864e5;

/**
 * Bytes of events in one request. Browsers share a ~64 KiB quota among all keepalive
 * requests and beacons in flight (Fetch standard, "keepalive"; Chromium's 64 KiB), so
 * every request stays under 60 KiB, envelope included; an event alone above it is refused.
 */
const MAX_BYTES = 6e4;

/**
 * UTF-8 length of a value's JSON: what it weighs on the wire. The script tag asks `Blob`
 * (shorter code; React Native's Blob does not take strings everywhere).
 */
const getBytes = (value: unknown) =>
  IS_SCRIPT_TAG
    ? new Blob([JSON.stringify(value)]).size
    : encodeURIComponent(JSON.stringify(value)).replace(/%../g, '.').length;

/**
 * Builds a tracker on a platform adapter. The platform-free core: consent gate, identity,
 * sessions, the persisted bounded queue, batching and retries. Entry points
 * (`@parcours/sdk`, `/react-native`, `/node`) call it with their platform.
 */
export function createTracker(options: TrackerOptions, platform: Platform): Tracker {
  const { writeKey, host, policyVersion = '1' } = options;
  // The script tag cannot set these (its options are its attributes): there the defaults
  // are constants, which the minifier writes in place.
  const batchSize = IS_SCRIPT_TAG ? 50 : (options.batchSize ?? 50);
  const flushInterval = IS_SCRIPT_TAG ? 5e3 : (options.flushInterval ?? 5e3);
  const maxQueue = IS_SCRIPT_TAG ? 1e3 : (options.maxQueue ?? 1e3);
  const retryDelay = IS_SCRIPT_TAG ? 1e3 : (options.retryDelay ?? 1e3);
  const maxRetryDelay = IS_SCRIPT_TAG ? 6e4 : (options.maxRetryDelay ?? 6e4);
  // A write that throws keeps nothing, and says nothing (the browser's storage, that of the
  // script tag, already answers so).
  const storage: KeyValueStorage = IS_SCRIPT_TAG
    ? platform.storage
    : {
        get: (key) => platform.storage.get(key),
        set: (key, value) => attempt(() => platform.storage.set(key, value)),
        remove: (key) => attempt(() => platform.storage.remove(key)),
      };
  let granted = (!IS_SCRIPT_TAG && options.consent) || [];
  /** A decision was taken: stored, or in this page. */
  let decided = false;
  /** The stored or last decision's published-config version and time (see `DecisionMeta`). */
  let meta: DecisionMeta | undefined;
  /** Sending waits for `consent.review` (a stored decision made under a published config). */
  let held: unknown;
  let anonymousId: string | undefined;
  let userId: string | undefined;
  /** `identify`'s `userHash`, sent with every event of `userId`. */
  let userHash: string | undefined;
  let session: Session | undefined;
  let queue: Event[] = [];
  let dropped = 0;
  /**
   * Ids of the events this tab holds or held (acknowledged, refused, dropped past
   * `maxQueue`): only others are adopted from storage, so what this tab let go of never
   * comes back from a copy another tab wrote meanwhile. (A plain object is the shortest code;
   * a stored id such as `constructor` reads as known, and that event is left out.)
   */
  const known: Record<string, 1> = {};
  /** A write is scheduled for the end of this task. */
  let dirty: unknown;
  /** Events held in memory before any decision (`bufferBeforeConsent`). */
  const buffer: Event[] = [];
  let records: ConsentRecord[] = [];
  let listeners: ((granted: ConsentCategory[]) => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | undefined;
  /** Failed sends in a row: the backoff exponent. */
  let failures = 0;
  /** The automatic page view was dropped for want of consent: record it on grant. */
  let pageMissed: unknown;
  /**
   * Calls made before storage is read (AsyncStorage, a file), run once it is. The script tag
   * reads localStorage before any call can be made: it has none of this.
   */
  let pending: (() => void)[] | undefined = IS_SCRIPT_TAG ? undefined : [];
  const loaded = IS_SCRIPT_TAG || new Promise<void>((resolve) => pending!.push(resolve));

  /**
   * Forgets who this is: anonymous id (a new one if something is granted), user id and
   * hash, session; and stores it.
   */
  const forget = () => {
    anonymousId = granted[0] && createId();
    userId = userHash = session = undefined;
    save();
  };
  /**
   * An anonymous id past its lifetime goes with the rest of the identity: a user id kept
   * would link the new id to the old person on the server, which would then not expire.
   */
  const expire = () =>
    // `createId` starts an id with its time in base 36 (8 digits from 1972 to 2059), so ids
    // of those years sort as strings by time: older than the oldest allowed, it is expired.
    // One made otherwise sorts first ("a_1") and expires; `undefined < "…"` is false.
    anonymousId! < (Date.now() - ID_LIFETIME_MS).toString(36) && forget();

  /**
   * Public methods run once storage is read, in call order, and never throw into the page;
   * each first lets an expired identity go (a page, an app, may stay open for months).
   */
  const run = (fn: () => void) => attempt(() => (expire(), fn()), warn);
  const later =
    <A extends unknown[]>(fn: (...args: A) => unknown) =>
    (...args: A) =>
      pending ? pending.push(() => run(() => fn(...args))) : run(() => fn(...args));

  // Global Privacy Control is a refusal of sale and sharing: we read it as refusing `marketing`.
  // A grant made knowing the signal (`explicit`: a banner that showed it) may include it.
  const allow = (categories: ConsentCategory[], explicit?: unknown) =>
    CATEGORIES.filter((c) => categories.includes(c) && !(platform.gpc && c == 'marketing' && !explicit));

  /**
   * A key's value. A get that throws, while loading, reads as a value that is not JSON (lost,
   * and counted); later, as nothing. The browser's storage never throws (it answers nothing).
   */
  const get = (key: string) =>
    IS_SCRIPT_TAG
      ? storage.get(key)
      : attempt(
          () => storage.get(key),
          () => pending && '!',
        );
  /** Runs `then` on a key's value, in a promise (AsyncStorage, a file) or not; a rejection reads as nothing. */
  const read = (key: string, then: (text: unknown) => void) => {
    const value = get(key);
    if ((value as Promise<unknown>)?.then) (value as Promise<unknown>).then(then, () => then(undefined));
    else then(value);
  };

  /**
   * Merges a stored state into this tab's. Its queue joins this tab's by event id: the events
   * another tab stored (open, or closed since) are adopted, but none this tab knows, nor any
   * of a category no longer granted; malformed ones are dropped and counted, as is a stored
   * value that is not JSON or has no queue array (one). While loading (`load`), the stored
   * identity and session are adopted too if well typed, and the dropped count.
   */
  const absorb = (text: unknown, load?: unknown) => {
    const { a, u, h, s, q, d }: Unchecked<State> = parse(text) || {};
    // A stored value without a queue array reads as a queue of one malformed event.
    const events = text == null ? [] : ([] as Event[]).concat(q as Event[]);
    queue.push(
      ...events.filter(
        (event) =>
          (isStoredEvent(event) || !++dropped) &&
          granted.includes(event.category!) &&
          !known[event.id] &&
          (known[event.id] = 1),
      ),
    );
    if (load && text != null) {
      // A mistyped id or session is discarded with the rest of the identity: a new one starts.
      if (isIdentity(a, u, h, s?.i, s?.c)) {
        anonymousId = a as string | undefined;
        userId = u as string | undefined;
        userHash = h as string | undefined;
        session = s as Session | undefined;
      }
      // A count the collector takes: `>>>` makes an unsigned 32-bit integer of anything.
      dropped += (d as number) >>> 0;
    }
  };

  const persist = () =>
    storage.set(
      STATE_KEY,
      JSON.stringify({ a: anonymousId, u: userId, h: userHash, s: session, q: queue, d: dropped }),
    );

  /**
   * Read, merge, write: what other tabs stored since this tab's last write is kept, so two
   * tabs never erase each other's events (each may then send the other's too: the store
   * ignores a repeated id). Synchronous on localStorage.
   */
  const write = () => {
    dirty = 0;
    if (IS_SCRIPT_TAG) {
      if (granted[0]) {
        absorb(get(STATE_KEY));
        persist();
      }
    } else read(STATE_KEY, (text) => granted[0] && (absorb(text), persist()));
  };

  /** Coalesces writes: one per task, however many events it tracked. */
  const save = () => (dirty ||= Promise.resolve().then(write));

  /** Sends a body; unless the answer says "retry", runs `settle` (the body leaves the queue). */
  const post = (path: string, body: object, settle: () => void, exit?: boolean) =>
    platform.send(host + '/trpc/' + path, JSON.stringify({ writeKey, ...body }), exit!).then((outcome) => {
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
      // (In the script tag, a category is granted only by a decision.)
      // `policyVersion`: the published config the decision was made under, if any.
      {
        batch,
        dropped: reported || undefined,
        consent: IS_SCRIPT_TAG || decided ? granted : undefined,
        policyVersion: meta?.v,
      },
      () => {
        queue = queue.filter((event) => !batch.includes(event));
        dropped = dropped > reported ? dropped - reported : 0;
        save();
      },
      exit,
    );
  };

  /**
   * Proof records first: they need no consent to be sent, and a refusal names no one. Each
   * batch starts with a write, which also picks up what closed tabs left in storage. (The
   * queue holds events only of granted categories: nothing granted, nothing queued.)
   */
  const sendNext = () =>
    // (Nothing to send: a falsy value, which ends `deliver`'s loop.)
    records[0] ? sendRecords() : !held && (write(), queue[0]) && sendBatch();

  const deliver = (): Promise<void> => {
    // (`clearTimeout` answers undefined.)
    timer = clearTimeout(timer)!;
    return (sending ||= (async () => {
      for (let outcome; (outcome = await sendNext());) {
        if (outcome.kind == 'retry') {
          // Exponential backoff with jitter, or exactly what `Retry-After` asked (RFC 9110 §10.2.3).
          const delay =
            outcome.after ?? Math.min(retryDelay * 2 ** failures, maxRetryDelay) * (0.5 + Math.random() / 2);
          failures++;
          timer = setTimeout(deliver, delay);
          return;
        }
        failures = 0;
        if (outcome.kind == 'drop') warn(outcome.reason);
      }
    })().finally(() => (sending = undefined)));
  };

  /** Returns true when the event was dropped for want of consent. */
  const enqueue = (event: Event): true | void => {
    if (!granted.includes(event.category!)) {
      // The script tag passes its attributes: `data-buffer-before-consent` is on when present ("").
      if (decided || !(IS_SCRIPT_TAG ? options.bufferBeforeConsent != null : options.bufferBeforeConsent))
        return true;
      if (buffer.push(event) > maxQueue) buffer.shift();
      return;
    }
    event.anonymousId ||= anonymousId!;
    if (getBytes(event) > MAX_BYTES - 1e3) return warn('event too large: ' + event.name);
    known[event.id] = 1;
    if (queue.push(event) > maxQueue) {
      queue.shift();
      dropped++;
    }
    save();
    // While backing off, new events wait for the scheduled retry (`Retry-After` is a promise to keep).
    if (!failures) queue.length < batchSize ? (timer ||= setTimeout(deliver, flushInterval)) : deliver();
  };

  const add = (
    type: Event['type'],
    name: string | undefined,
    properties?: Properties,
    o: TrackOptions = {},
  ) => {
    const context = platform.context();
    const timestamp = Date.now();
    const own = IS_SCRIPT_TAG || !(o.anonymousId || o.userId);
    name ||= type == 'page' ? (context.path as string) : '';
    if (!name) return warn('no name');
    if (own) {
      // The browser's context always has both (strings); other platforms may leave them out.
      const source = IS_SCRIPT_TAG
        ? getChannel(context.url as string, context.referrer as string)
        : getChannel((context.url as string) || '', (context.referrer as string) || '');
      // A stored session whose time is not a number ends here, too.
      if (!(timestamp - (session?.t as number) < SESSION_MS) || (source && source[1] != session!.k)) {
        session = {
          i: createId(),
          t: 0,
          c: source?.[0] || (!IS_SCRIPT_TAG && platform.channel) || 'direct',
          k: source?.[1] || '',
        };
      }
      session!.t = timestamp;
      context.session = session!.i;
    }
    return enqueue({
      id: createId(),
      type,
      name: name.slice(0, 200),
      // An event about someone else (server-side, offline imports) must not carry this
      // device's ids: they would link, and so merge, every person it is sent for.
      anonymousId: own ? anonymousId! : o.anonymousId || 'u:' + o.userId!.slice(0, 120),
      userId: own ? userId : o.userId,
      userHash: own ? userHash : undefined,
      timestamp: o.timestamp || timestamp,
      channel: o.channel || (own ? session!.c : undefined),
      category: o.category || 'analytics',
      properties,
      context,
    });
  };

  const page = (name?: string, properties?: Properties, o?: TrackOptions) => add('page', name, properties, o);

  const decide = (next: ConsentCategory[], source = 'sdk', fields: RecordFields = {}) => {
    const timestamp = Date.now();
    granted = allow(next, fields.gpc);
    decided = true;
    // A version of the published config is kept with the decision; a call without one keeps the last.
    if (fields.policyVersion) meta = { v: +fields.policyVersion, t: timestamp };
    // Stored as the categories, then the meta object: `allow` reads past what is not a category.
    storage.set(CONSENT_KEY, JSON.stringify((granted as unknown[]).concat(meta || [])));
    // A grant makes the device's id if there is none yet.
    anonymousId ||= granted[0] && createId();
    records.push({
      id: createId(),
      timestamp,
      granted,
      denied: CATEGORIES.filter((c) => !granted.includes(c)),
      policyVersion,
      source,
      ...fields,
      // A grant names the device; so does a withdrawal (a refusal once a grant made an
      // id), so that the server can erase what it holds of it. A refusal before any
      // grant names no one: there is no id yet, and a user id alone is not sent.
      anonymousId,
      userId: anonymousId && userId,
    });
    if (granted[0]) {
      queue = queue.filter((event) => granted.includes(event.category!));
    } else {
      forget();
      queue = [];
      dropped = 0;
      storage.remove(STATE_KEY);
    }
    save();
    buffer.splice(0).forEach(enqueue);
    if (pageMissed && granted.includes('analytics')) pageMissed = page();
    listeners.forEach((fn) => run(() => fn(granted.slice())));
    if (!failures) deliver();
  };

  const autoPage = later(() => (pageMissed = page()));

  const tracker: Tracker = {
    track: later((name: string, properties?: Properties, o?: TrackOptions) =>
      add('track', name, properties, o),
    ),
    page: later(page),
    identify: later((id: string, traits?: Properties, o?: IdentifyOptions) => {
      userId = id;
      userHash = o?.userHash;
      save();
      add('identify', 'identify', traits);
    }),
    reset: later(forget),
    feedback: later((feedback: Feedback, o?: TrackOptions) => add('track', 'feedback', { ...feedback }, o)),
    flush: IS_SCRIPT_TAG ? deliver : () => (loaded as Promise<void>).then(deliver),
    consent: {
      grant: later((categories: ConsentCategory[], source?: string, fields?: RecordFields) =>
        decide(granted.concat(categories), source, fields),
      ),
      deny: later((categories = CATEGORIES, source?: string, fields?: RecordFields) =>
        decide(
          granted.filter((c) => !categories.includes(c)),
          source,
          fields,
        ),
      ),
      review: (version, since) => {
        // A computed boolean (the bundle turns `true` literals into 1: see rollup.config.js).
        const current = meta?.v == version && meta.t >= since;
        held = 0;
        // Stale: nothing granted, in memory only (nothing is written before the next decision);
        // what was queued under the old decision is never sent (`known` keeps it from coming
        // back), nor is what is tracked until that decision (dropped, even with
        // `bufferBeforeConsent`: the decision stays "taken").
        if (current) deliver();
        else {
          granted = [];
          queue = [];
        }
        return current;
      },
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
    write();
    if (records[0]) sendRecords(true);
    if (!held && queue[0]) sendBatch(true);
  });
  /** Starts from what storage holds: the decision, 0.1.0's state, this version's state. */
  const load = (decision: unknown, old: unknown, text: unknown) => {
    const stored = parse(decision);
    if (stored) {
      decided = true;
      held = meta = (stored as DecisionMeta[]).find((item) => item.v);
      // The banner applied GPC when the decision was made: its `marketing` grant was explicit.
      granted = allow(stored, meta);
    }
    if (granted[0]) {
      // 0.1.0's key: its queue is adopted, and its identity unless a newer state exists.
      absorb(old, 1);
      absorb(text, 1);
      // An identity stored before ids expired has its birth in its id all the same.
      expire();
      anonymousId ||= createId();
      persist();
      storage.remove(OLD_STATE_KEY);
    }
    if (!IS_SCRIPT_TAG) {
      const calls = pending!;
      pending = undefined;
      calls.forEach((fn) => fn());
    }
    if (queue[0]) deliver();
  };
  if (IS_SCRIPT_TAG) load(get(CONSENT_KEY), get(OLD_STATE_KEY), get(STATE_KEY));
  else
    read(CONSENT_KEY, (decision) =>
      read(OLD_STATE_KEY, (old) => read(STATE_KEY, (text) => load(decision, old, text))),
    );
  // After the load: so that a synchronous storage is read before the first page view.
  // `false`, or the script tag's `data-auto-page="false"` (a string: the tag passes its attributes).
  if ((IS_SCRIPT_TAG || platform.onNavigate) && options.autoPage + '' != 'false') {
    autoPage();
    platform.onNavigate!(autoPage);
  }

  return tracker;
}
