import { FrictionTally, rankFriction } from './FrictionTally.js';
import {
  FRICTION_LIMIT,
  REPEAT_CONTACT_WINDOW_MS,
  type FrictionQuery,
  type FrictionResult,
  type LongWait,
} from './frictionTypes.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { compileTouchpoint } from './matchTouchpoint.js';

/**
 * Friction over a range, from each person's touchpoints in it (time order): loops
 * (names A, B, A in a row once consecutive repeats are collapsed), repeated contacts
 * (a `support` touchpoint again within 7 days of the previous one), and long waits (a
 * consecutive pair A → B whose wait is above the 90th percentile, nearest rank, of
 * every A → B wait in the range). Each with the persons affected. Two passes: the
 * first gathers the waits of each transition, the second counts those above.
 */
export function getFriction(index: JourneyIndex, query: FrictionQuery = {}): FrictionResult {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const limit = query.limit ?? FRICTION_LIMIT;
  const time = index.time.data;
  const names = index.name.data;
  const nameCount = index.names.size;
  const support = (query.support ?? []).map((ref) => ({
    ref,
    test: compileTouchpoint(index, ref),
    tally: new FrictionTally(),
  }));
  const loops = new Map<number, FrictionTally>();
  const waits = new Map<number, number[]>();
  const inRange: number[] = [];
  const visitInRange = (visit: (positions: number[], person: number) => void) =>
    index.forEachPerson((events, person) => {
      inRange.length = 0;
      for (const position of events) {
        const t = time[position]!;
        if (t >= from && t <= to) inRange.push(position);
      }
      if (inRange.length > 0) visit(inRange, person);
    });

  visitInRange((positions, person) => {
    const personId = () => index.personIdOf(person);
    countLoops(positions, names, (a, b) => {
      const key = a * nameCount + b;
      let tally = loops.get(key);
      if (tally === undefined) loops.set(key, (tally = new FrictionTally()));
      tally.add(person, personId);
    });
    for (const contact of support) {
      let previous = -Infinity;
      for (const position of positions) {
        if (!contact.test(position)) continue;
        const t = time[position]!;
        if (t - previous <= REPEAT_CONTACT_WINDOW_MS) contact.tally.add(person, personId);
        previous = t;
      }
    }
    for (let i = 1; i < positions.length; i++) {
      const key = names[positions[i - 1]!]! * nameCount + names[positions[i]!]!;
      let list = waits.get(key);
      if (list === undefined) waits.set(key, (list = []));
      list.push(time[positions[i]!]! - time[positions[i - 1]!]!);
    }
  });

  const p90 = new Map<number, { transitions: number; p90Ms: number; tally: FrictionTally }>();
  for (const [key, list] of waits) {
    list.sort((a, b) => a - b);
    const p90Ms = list[Math.ceil(0.9 * list.length) - 1]!;
    p90.set(key, { transitions: list.length, p90Ms, tally: new FrictionTally() });
  }
  visitInRange((positions, person) => {
    const personId = () => index.personIdOf(person);
    for (let i = 1; i < positions.length; i++) {
      const transition = p90.get(names[positions[i - 1]!]! * nameCount + names[positions[i]!]!)!;
      if (time[positions[i]!]! - time[positions[i - 1]!]! > transition.p90Ms) {
        transition.tally.add(person, personId);
      }
    }
  });

  const name = (key: number, second: boolean) =>
    index.names.values[second ? key % nameCount : Math.floor(key / nameCount)]!;
  return {
    loops: rankFriction(
      [...loops].map(([key, tally]) => ({ from: name(key, false), via: name(key, true), ...tally.counts() })),
      (loop) => `${loop.from}\0${loop.via}`,
      limit,
    ),
    repeatedContacts: rankFriction(
      support.map(({ ref, tally }) => ({ name: ref.name, channel: ref.channel ?? null, ...tally.counts() })),
      (contact) => `${contact.name}\0${contact.channel ?? ''}`,
      limit,
    ),
    longWaits: rankFriction(
      [...p90].map(([key, { transitions, p90Ms, tally }]): LongWait => ({
        from: name(key, false),
        to: name(key, true),
        transitions,
        p90Ms,
        ...tally.counts(),
      })),
      (wait) => `${wait.from}\0${wait.to}`,
      limit,
    ),
  };
}

/** Calls `found(a, b)` for each A, B, A in a row of `positions`' names, consecutive repeats collapsed. */
function countLoops(
  positions: number[],
  names: ArrayLike<number>,
  found: (a: number, b: number) => void,
): void {
  let twoBack = -1;
  let last = -1;
  for (const position of positions) {
    const n = names[position]!;
    if (n === last) continue;
    if (n === twoBack) found(n, last);
    twoBack = last;
    last = n;
  }
}
