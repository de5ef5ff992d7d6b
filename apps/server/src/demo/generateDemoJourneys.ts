import type { Event, Properties } from '@parcours/schema';
import { createRandom, type Random } from './createRandom.js';

export interface DemoOptions {
  /** People to simulate. Default 3,000. */
  persons?: number;
  /** Seed of the generator: same seed, same journeys. Default 42. */
  seed?: number;
  /** The journeys end before this time (epoch ms). Default: now. */
  now?: number;
  /** Days the journeys spread over. Default 60. */
  days?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CAMPAIGNS = ['spring-sale', 'brand-awareness', 'retargeting', 'new-collection'];
const PRODUCTS = ['trail-shoes', 'rain-jacket', 'backpack-30l', 'merino-socks', 'tent-2p'];
const STORES = ['Lyon Part-Dieu', 'Paris Rivoli', 'Bordeaux Lac', 'Lille Centre'];
const CALL_REASONS = ['delivery delay', 'size exchange', 'refund', 'product question'];
/** CSAT scores (1–5) of the survey after a delivery, taken in turn by n: mostly satisfied. */
const DELIVERY_CSAT = [5, 4, 5, 3, 4, 2, 5];
/** Who signs up: a persona and a home store, sent as identify traits (the persons list searches them). */
const PERSONAS = ['Weekend hiker', 'Gear enthusiast', 'Family camper', 'City commuter'];

/**
 * Synthetic omnichannel journeys of an outdoor-gear retailer: ads, social and search
 * bring people to the website; some sign up, install the app on their phone (a
 * second device, stitched by identify), read emails, buy online or in a store, call
 * support and leave feedback (CSAT after a delivery or a support call, NPS later). Each stage loses people, so funnels show drop-off.
 * Customers carry identify traits (persona, home store, loyalty: gold after a second
 * purchase), so the persons list has properties to search and profiles to show.
 */
export function generateDemoJourneys(options: DemoOptions = {}): Event[] {
  const { persons = 3_000, seed = 42, now = Date.now(), days = 60 } = options;
  const random = createRandom(seed);
  const events: Event[] = [];
  for (let n = 0; n < persons; n++) {
    const start = now - days * DAY + Math.floor(random.next() * (days - 3) * DAY);
    simulatePerson(random, n, start, now, events);
  }
  return events;
}

function simulatePerson(random: Random, n: number, start: number, now: number, out: Event[]): void {
  const web = `demo-web-${n.toString(36)}`;
  const phone = `demo-phone-${n.toString(36)}`;
  const userId = `customer-${1000 + n}`;
  let time = start;
  let identified = false;
  const emit = (
    anonymousId: string,
    name: string,
    patch: { type?: Event['type']; channel?: string; properties?: Properties; gap?: number } = {},
  ) => {
    time += patch.gap ?? random.int(1, 20) * MINUTE;
    if (time >= now) return false;
    const event: Event = {
      id: `demo-${n}-${out.length}`,
      type: patch.type ?? 'track',
      name,
      anonymousId,
      timestamp: time,
    };
    if (identified && anonymousId !== '') event.userId = userId;
    if (patch.channel) event.channel = patch.channel;
    if (patch.properties) event.properties = patch.properties;
    out.push(event);
    return true;
  };

  // Awareness: how this person first arrives.
  const campaign = random.pick(CAMPAIGNS);
  const arrival = random.next();
  if (arrival < 0.35)
    emit(web, 'Ad clicked', {
      channel: 'ads',
      properties: { campaign, network: random.pick(['google', 'meta']) },
    });
  else if (arrival < 0.55)
    emit(web, 'Social post clicked', {
      channel: 'social',
      properties: { network: random.pick(['instagram', 'tiktok']) },
    });
  else if (arrival < 0.8)
    emit(web, 'Search result clicked', { channel: 'search', properties: { engine: 'google' } });

  // Consideration: browsing the site.
  emit(web, '/', { type: 'page', channel: 'web', gap: random.int(0, 2) * MINUTE });
  const product = random.pick(PRODUCTS);
  if (!random.chance(0.7)) return;
  emit(web, 'Product viewed', { channel: 'web', properties: { product } });
  if (random.chance(0.5)) emit(web, '/pricing', { type: 'page', channel: 'web' });
  if (!random.chance(0.55)) return;
  emit(web, 'Added to cart', { channel: 'web', properties: { product } });

  // Decision: sign up (identify links the browser to the customer).
  if (!random.chance(0.65)) return;
  identified = true;
  // Traits follow from n, not from the generator: the journeys stay what they were.
  const traits = {
    persona: PERSONAS[n % PERSONAS.length]!,
    homeStore: STORES[n % STORES.length]!,
    loyalty: 'member',
  };
  emit(web, 'identify', { type: 'identify', properties: traits });
  emit(web, 'Signed up', { channel: 'web' });

  // The app on a phone: a second device, stitched to the same person by identify.
  if (random.chance(0.45)) {
    identified = false;
    emit(phone, 'App installed', { channel: 'mobile', gap: random.int(1, 48) * HOUR });
    identified = true;
    emit(phone, 'identify', { type: 'identify' });
    emit(phone, 'App opened', { channel: 'mobile' });
  }
  if (random.chance(0.6)) {
    emit(web, 'Email opened', { channel: 'email', properties: { campaign }, gap: random.int(2, 72) * HOUR });
    if (random.chance(0.5)) emit(web, 'Email clicked', { channel: 'email', properties: { campaign } });
  }

  // Purchase: online, in the app or in a store.
  if (!random.chance(0.55)) return;
  const where = random.next();
  const value = random.int(20, 400);
  if (where < 0.5)
    emit(web, 'Purchase completed', {
      channel: 'web',
      properties: { product, value, currency: 'EUR' },
      gap: random.int(1, 96) * HOUR,
    });
  else if (where < 0.75)
    emit(phone, 'Purchase completed', {
      channel: 'mobile',
      properties: { product, value, currency: 'EUR' },
      gap: random.int(1, 96) * HOUR,
    });
  else {
    emit(web, 'Store visit', {
      channel: 'store',
      properties: { store: random.pick(STORES) },
      gap: random.int(1, 96) * HOUR,
    });
    emit(web, 'Purchase completed', {
      channel: 'store',
      properties: { product, value, currency: 'EUR' },
      gap: random.int(5, 40) * MINUTE,
    });
  }

  // CSAT after some deliveries; its score follows from n, not from the generator.
  if (n % 2 === 0)
    emit(web, 'feedback', {
      channel: 'email',
      properties: { kind: 'csat', score: DELIVERY_CSAT[n % DELIVERY_CSAT.length]! },
      gap: 2 * DAY,
    });

  // Retention and advocacy: support calls (a CSAT after the call, lower when unresolved), repeat purchases, feedback.
  if (random.chance(0.2)) {
    const reason = random.pick(CALL_REASONS);
    const resolved = random.chance(0.7);
    const gap = random.int(1, 10) * DAY;
    const called = emit(web, 'Support call', {
      channel: 'call_centre',
      properties: { reason, resolved },
      gap,
    });
    if (called)
      emit(web, 'feedback', {
        channel: 'call_centre',
        properties: { kind: 'csat', score: resolved ? 4 + (n % 2) : 1 + (n % 3) },
        gap: 30 * MINUTE,
      });
  }
  if (random.chance(0.3)) {
    const repeated = emit(web, 'Purchase completed', {
      channel: random.pick(['web', 'mobile', 'store']),
      properties: { product: random.pick(PRODUCTS), value: random.int(20, 300), currency: 'EUR' },
      gap: random.int(3, 20) * DAY,
    });
    // A second purchase makes a gold member: the profile shows the latest trait.
    if (repeated) emit(web, 'identify', { type: 'identify', properties: { loyalty: 'gold' }, gap: 0 });
  }
  if (random.chance(0.4)) {
    emit(web, 'feedback', {
      channel: 'email',
      properties: { kind: 'nps', score: random.int(0, 10) },
      gap: random.int(1, 5) * DAY,
    });
  }
}
