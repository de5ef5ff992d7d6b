import { isReservedPropertyName } from './inputRules.js';
import { LIMITS } from './limits.js';
import { CONSENT_CATEGORIES, EVENT_TYPES, type CollectInput, type Event, type Properties } from './types.js';

/**
 * The ingest fast path: the exact rules of `eventSchema`, hand-written, because zod
 * costs as much per event as `JSON.parse` and the collector and the importer see
 * millions of events. Returns the event with unknown keys stripped (as zod does), or
 * undefined when invalid: then run `eventSchema` for the reasons. `parseEvent.test.ts`
 * checks on random inputs that both always agree.
 */
export function parseEvent(value: unknown): Event | undefined {
  if (!isRecord(value)) return undefined;
  const { id, type, name, anonymousId, userId, userHash, timestamp, channel, category, properties, context } =
    value;
  if (!isString(id, 1, LIMITS.maxIdLength)) return undefined;
  if (!(EVENT_TYPES as readonly unknown[]).includes(type)) return undefined;
  if (!isString(name, 1, LIMITS.maxNameLength)) return undefined;
  if (!isString(anonymousId, 1, LIMITS.maxAnonymousIdLength)) return undefined;
  if (
    typeof timestamp !== 'number' ||
    !Number.isSafeInteger(timestamp) ||
    timestamp < LIMITS.minTimestamp ||
    timestamp > LIMITS.maxTimestamp
  ) {
    return undefined;
  }
  const event: Event = { id, type: type as Event['type'], name, anonymousId, timestamp };
  if (userId !== undefined) {
    if (!isString(userId, 1, LIMITS.maxUserIdLength)) return undefined;
    event.userId = userId;
  }
  if (userHash !== undefined) {
    if (typeof userHash !== 'string' || !USER_HASH.test(userHash)) return undefined;
    event.userHash = userHash;
  }
  if (channel !== undefined) {
    if (!isString(channel, 0, LIMITS.maxChannelLength) || !CHANNEL.test(channel)) return undefined;
    event.channel = channel;
  }
  if (category !== undefined) {
    if (!(CONSENT_CATEGORIES as readonly unknown[]).includes(category)) return undefined;
    event.category = category as Event['category'];
  }
  if (properties !== undefined) {
    const parsed = parseProperties(properties);
    if (parsed === undefined) return undefined;
    event.properties = parsed;
  }
  if (context !== undefined) {
    const parsed = parseProperties(context);
    if (parsed === undefined) return undefined;
    event.context = parsed;
  }
  return event;
}

const CHANNEL = /^[a-z][a-z0-9_-]*$/;
const USER_HASH = /^[0-9a-f]{64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string within its bounds and well-formed (no lone surrogate), as `textSchema`. */
function isString(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max && value.isWellFormed();
}

function parseProperties(value: unknown): Properties | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length > LIMITS.maxPropertyKeys) return undefined;
  const out: Properties = {};
  for (const key of keys) {
    // A reserved name is refused, not dropped: `out[key] = item` would lose `__proto__`.
    if (!isString(key, 1, LIMITS.maxPropertyKeyLength) || isReservedPropertyName(key)) return undefined;
    const item = value[key];
    if (typeof item === 'string') {
      if (!isString(item, 0, LIMITS.maxPropertyStringLength)) return undefined;
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return undefined;
    } else if (typeof item !== 'boolean' && item !== null) {
      return undefined;
    }
    out[key] = item;
  }
  return out;
}

/**
 * The fast path of `collectInputSchema` (event count not checked: that is a 413,
 * tested before). Undefined when invalid: then run the schema for the reasons.
 */
export function parseCollectInput(value: unknown): CollectInput | undefined {
  if (!isRecord(value)) return undefined;
  const { writeKey, batch, dropped, consent, policyVersion } = value;
  if (!isString(writeKey, 1, LIMITS.maxWriteKeyLength) || !Array.isArray(batch) || batch.length === 0) {
    return undefined;
  }
  const items: unknown[] = batch;
  const events = new Array<Event>(items.length);
  for (let i = 0; i < items.length; i++) {
    const event = parseEvent(items[i]);
    if (event === undefined) return undefined;
    events[i] = event;
  }
  const input: CollectInput = { writeKey, batch: events };
  if (dropped !== undefined) {
    if (typeof dropped !== 'number' || !Number.isSafeInteger(dropped) || dropped < 0) return undefined;
    input.dropped = dropped;
  }
  if (consent !== undefined) {
    if (!Array.isArray(consent) || consent.length > CONSENT_CATEGORIES.length) return undefined;
    const categories: unknown[] = consent;
    if (!categories.every((c) => (CONSENT_CATEGORIES as readonly unknown[]).includes(c))) return undefined;
    input.consent = categories.slice() as CollectInput['consent'];
  }
  if (policyVersion !== undefined) {
    if (typeof policyVersion !== 'number' || !Number.isSafeInteger(policyVersion) || policyVersion < 1) {
      return undefined;
    }
    input.policyVersion = policyVersion;
  }
  return input;
}
