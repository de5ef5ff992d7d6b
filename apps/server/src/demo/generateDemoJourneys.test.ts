import { eventSchema } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { generateDemoJourneys } from './generateDemoJourneys.js';

describe('generateDemoJourneys', () => {
  const now = Date.UTC(2026, 10, 1);
  const events = generateDemoJourneys({ now, persons: 500 });

  it('is reproducible and valid on the wire', () => {
    expect(generateDemoJourneys({ now, persons: 500 })).toEqual(events);
    for (const event of events) expect(eventSchema.safeParse(event).success).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e) => e.timestamp < now)).toBe(true);
  });

  it('spans every channel and loses people along the way', () => {
    const channels = new Set(events.map((e) => e.channel));
    for (const channel of ['ads', 'social', 'search', 'web', 'mobile', 'email', 'store', 'call_centre']) {
      expect(channels).toContain(channel);
    }
    const personsWith = (name: string) =>
      new Set(events.filter((e) => e.name === name).map((e) => e.id.split('-')[1])).size;
    expect(personsWith('/')).toBe(500);
    expect(personsWith('Added to cart')).toBeLessThan(personsWith('Product viewed'));
    expect(personsWith('Purchase completed')).toBeLessThan(personsWith('Signed up'));
    expect(personsWith('Purchase completed')).toBeGreaterThan(0);
  });

  it('links a second device to the same customer with identify', () => {
    const phoneIdentifies = events.filter(
      (e) => e.type === 'identify' && e.anonymousId.startsWith('demo-phone'),
    );
    expect(phoneIdentifies.length).toBeGreaterThan(0);
    const customer = phoneIdentifies[0]!.userId;
    const devices = new Set(
      events.filter((e) => e.userId === customer).map((e) => e.anonymousId.split('-')[1]),
    );
    expect(devices).toEqual(new Set(['web', 'phone']));
  });

  it('gives customers persona traits, and a later loyalty trait to some', () => {
    const identifies = events.filter((e) => e.type === 'identify');
    const personas = new Set(identifies.map((e) => e.properties?.['persona']).filter(Boolean));
    expect(personas.size).toBe(4);
    const gold = identifies.filter((e) => e.properties?.['loyalty'] === 'gold');
    expect(gold.length).toBeGreaterThan(0);
    // Each gold identify comes after that customer's member identify.
    for (const upgrade of gold) {
      const joined = identifies.find(
        (e) => e.userId === upgrade.userId && e.properties?.['loyalty'] === 'member',
      );
      expect(joined!.timestamp).toBeLessThanOrEqual(upgrade.timestamp);
    }
  });

  it('sends CSAT answers on the 1–5 scale after deliveries and support calls', () => {
    const csat = events.filter((e) => e.name === 'feedback' && e.properties?.['kind'] === 'csat');
    const scores = new Set(csat.map((e) => e.properties?.['score']));
    expect(scores).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(csat.map((e) => e.channel))).toEqual(new Set(['email', 'call_centre']));
    // Every call-centre answer follows that person's support call.
    for (const answer of csat.filter((e) => e.channel === 'call_centre')) {
      const person = answer.id.split('-')[1];
      const call = events.find((e) => e.name === 'Support call' && e.id.split('-')[1] === person);
      expect(call!.timestamp).toBeLessThan(answer.timestamp);
    }
  });
});
