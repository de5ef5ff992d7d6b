import { createRandom } from './createRandom.mjs';

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const DAY = 24 * HOUR;
/** 2025-01-06T00:00:00Z: a fixed origin, so the same seed gives the same timestamps. */
const ORIGIN = Date.UTC(2025, 0, 6);
/** Persons start their journeys spread over this many days, in file order. */
const SPREAD_DAYS = 80;
/** Events sorted by arrival together: the file interleaves this many events' persons. */
const BLOCK_EVENTS = 20_000;

/** The six steps of the benchmark's funnel, in order. */
export const FUNNEL_STEPS = [
  'Product viewed',
  'Pricing viewed',
  'Signup started',
  'Signed up',
  'Checkout started',
  'Order completed',
];
/** Chance that a person who reached step k goes on to want step k + 1 (k = 0: to start). */
const ADVANCE = [0.8, 0.55, 0.55, 0.75, 0.55, 0.65];

const PRODUCTS = ['trail-shoes', 'rain-jacket', 'backpack-30l', 'merino-socks', 'tent-2p', 'headlamp'];
const CAMPAIGNS = ['spring-sale', 'brand-awareness', 'retargeting', 'new-collection'];
const PAGES = ['/', '/blog', '/features', '/about', '/docs', '/customers'];
const PLANS = ['starter', 'pro', 'team'];

/** Touchpoints between funnel steps, with weights: views dominate, as on any site. */
const BROWSE = weighted([
  ['Page viewed', 40],
  ['Product viewed', 18],
  ['Help article viewed', 8],
  ['Pricing viewed', 5],
  ['Searched', 4],
  ['Chat started', 2],
  ['Newsletter subscribed', 1],
  ['Friend referred', 1],
]);
/** How a web session begins: the acquisition channel's touchpoint. */
const WEB_ENTRY = weighted([
  ['Page viewed', 30],
  ['Ad clicked', 25],
  ['Searched', 20],
  ['Email clicked', 15],
  ['Social post clicked', 10],
]);
const MOBILE_ENTRY = weighted([
  ['App opened', 80],
  ['Email clicked', 20],
]);
/** Touchpoints that happen on their own channel, whatever the device. */
const OWN_CHANNEL = {
  'Ad clicked': 'ads',
  'Email opened': 'email',
  'Email clicked': 'email',
  Searched: 'search',
  'Social post clicked': 'social',
  'Store visited': 'store',
  'Support called': 'call_centre',
};
const DEVICE_CHANNEL = ['web', 'mobile'];

/**
 * Synthetic omnichannel journeys, reproducible from a seed: persons with one or two
 * devices (a second, mobile device in 30% of cases), stitched by one `identify` per
 * device once the person signs up or logs in; about 20 touchpoint names on 8
 * channels; a six-step funnel (`FUNNEL_STEPS`) with drop-off at every step and steps
 * spread over days, so that a 7-day window cuts some; offline sessions (store, call
 * centre) with second-precision times; equal timestamps; and events that arrive out
 * of order (mobile events sent after hours offline, store and call-centre events in
 * a nightly CRM import).
 *
 * Yields events in arrival order (the order of the NDJSON lines), `size` in all,
 * without their `id`: the writer derives it from the line number.
 * @param {{ size: number, seed: number }} options
 */
export function* generateJourneys({ size, seed }) {
  const random = createRandom(seed);
  let emitted = 0;
  let person = 0;
  while (emitted < size) {
    const block = [];
    const origin = ORIGIN + Math.floor((emitted / size) * SPREAD_DAYS * DAY);
    while (block.length < BLOCK_EVENTS) simulatePerson(random, person++, origin, block);
    block.sort((a, b) => a.arrival - b.arrival);
    for (const { arrival: _, ...event } of block) {
      if (emitted === size) return;
      emitted++;
      yield event;
    }
  }
}

/** Appends one person's events, each with the time it reaches the collector. */
function simulatePerson(random, n, origin, out) {
  const devices = random.chance(0.3) ? 2 : 1;
  const anonymousIds = Array.from({ length: devices }, (_, d) => `anon-${n.toString(36)}-${d}`);
  const userId = `user-${n.toString(36)}`;
  /** Per device: does it send the user id yet? */
  const identified = [false, false];
  let target = 0;
  while (target < FUNNEL_STEPS.length && random.chance(ADVANCE[target])) target++;
  const logsIn = random.chance(0.12);
  let stage = 0;
  let time = origin + Math.floor(random.next() * 2 * DAY);
  const sessions = 1 + Math.floor(random.exponential(2.5)) + target;

  const emit = (device, name, patch = {}) => {
    const channel = 'channel' in patch ? patch.channel : (OWN_CHANNEL[name] ?? DEVICE_CHANNEL[device]);
    const event = {
      type: patch.type ?? (name.endsWith('viewed') ? 'page' : 'track'),
      name,
      anonymousId: anonymousIds[device],
      timestamp: time,
    };
    if (identified[device]) event.userId = userId;
    if (channel !== null && !random.chance(0.02)) event.channel = channel;
    const properties = propertiesOf(random, name);
    if (properties !== undefined) event.properties = properties;
    out.push({ ...event, arrival: time + arrivalDelay(random, channel, time) });
  };
  const identify = (device) => {
    identified[device] = true;
    emit(device, 'identify', { type: 'identify', channel: null });
  };
  const step = () => {
    // A few milliseconds apart, or at the very same millisecond (a batched client).
    time += random.chance(0.07) ? 0 : Math.round(random.exponential(45 * SECOND));
  };

  for (let s = 0; s < sessions; s++) {
    time += Math.round(random.exponential(1.1 * DAY));
    const offline = random.next();
    if (offline < 0.05) {
      time = Math.floor(time / SECOND) * SECOND;
      emit(0, random.chance(0.5) ? 'Store visited' : 'Support called');
      continue;
    }
    if (offline < 0.12) {
      emit(0, 'Email opened');
      continue;
    }
    const device = devices === 2 && random.chance(0.4) ? 1 : 0;
    if (identified[device === 0 ? 1 : 0] && !identified[device] && random.chance(0.85)) identify(device);
    if (!identified[device] && logsIn && random.chance(0.3)) identify(device);
    emit(device, random.pick(device === 0 ? WEB_ENTRY : MOBILE_ENTRY));
    const browse = random.int(0, 5);
    for (let b = 0; b < browse; b++) {
      step();
      emit(device, random.pick(BROWSE));
    }
    while (stage < target && random.chance(stage === 0 ? 0.8 : 0.55)) {
      step();
      emit(device, FUNNEL_STEPS[stage]);
      if (FUNNEL_STEPS[stage] === 'Signed up' && !identified[device]) identify(device);
      stage++;
      if (!random.chance(0.5)) break;
    }
    if (stage === FUNNEL_STEPS.length && random.chance(0.3)) {
      step();
      emit(device, 'Feedback given');
    }
  }
}

/** When an event reaches the collector after it happened, in ms. */
function arrivalDelay(random, channel, time) {
  if (channel === 'store' || channel === 'call_centre') {
    // The nightly CRM import, at 02:00 the next day.
    return Math.floor(time / DAY) * DAY + DAY + 2 * HOUR + random.int(0, HOUR) - time;
  }
  if (channel === 'mobile' && random.chance(0.1)) return Math.round(random.exponential(4 * HOUR));
  if (channel === 'email') return random.int(0, 60 * SECOND);
  return random.int(0, 3 * SECOND);
}

function propertiesOf(random, name) {
  switch (name) {
    case 'Page viewed':
      return { path: random.pick(PAGES) };
    case 'Product viewed':
      return { product: random.pick(PRODUCTS) };
    case 'Ad clicked':
      return { campaign: random.pick(CAMPAIGNS) };
    case 'Order completed':
      return { plan: random.pick(PLANS), amount: random.int(19, 490) };
    case 'Feedback given':
      return { kind: 'nps', score: random.int(0, 10) };
    default:
      return undefined;
  }
}

/** Expands [item, weight] pairs into an array to pick from uniformly. */
function weighted(pairs) {
  return pairs.flatMap(([item, weight]) => Array.from({ length: weight }, () => item));
}
