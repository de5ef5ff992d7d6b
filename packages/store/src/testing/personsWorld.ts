// Random worlds for the persons list's property tests (engine and SQLite store).
import fc from 'fast-check';
import type { Event } from '@parcours/schema';

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
export const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/** Small worlds with shared devices, late links and ties; identifies carry `plan` traits. */
export const personsEventsArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 5 }),
      user: maybe(fc.integer({ min: 0, max: 3 }), 35),
      identify: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      name: fc.constantFrom('A', 'B', 'C'),
      t: fc.integer({ min: 0, max: 12 }),
      channel: maybe(fc.constantFrom('web', 'email', 'store'), 75),
      plan: maybe(fc.constantFrom('free', 'pro'), 50),
    }),
    { minLength: 5, maxLength: 50 },
  )
  .map((raw) =>
    raw.map((r, i): Event => {
      const identify = r.identify && r.user !== null;
      const e: Event = {
        id: `e${i}`,
        type: identify ? 'identify' : 'track',
        name: identify ? 'identify' : r.name,
        anonymousId: `d${r.device}`,
        timestamp: 1_000 * r.t,
      };
      if (r.user !== null) e.userId = `u${r.user}`;
      if (r.channel !== null && !identify) e.channel = r.channel;
      if (r.plan !== null) e.properties = { plan: r.plan };
      return e;
    }),
  );
