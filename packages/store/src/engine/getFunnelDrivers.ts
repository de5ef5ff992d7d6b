import type { PropertyValue } from '@parcours/schema';
import { analysePersonFunnel, compileFunnel, FunnelScratch, type PersonFunnel } from './analyseFunnel.js';
import { checkFunnelDriversQuery, rankFunnelDrivers, type DriverCounts } from './rankFunnelDrivers.js';
import type { JourneyIndex } from './JourneyIndex.js';
import type { FunnelDriver, FunnelDriversQuery, FunnelDriversResult } from './types.js';

/** Kinds of driver, in the order ties are broken; property i is kind 2 + i. */
const TOUCHPOINT = 0;
const CHANNEL = 1;
const KINDS = 16;

/**
 * What goes with reaching step k + 1 among the persons who reached step k: the
 * touchpoints, channels and values of the named properties they had before step
 * k + 1. "Before": the touchpoints of their chosen chain from its start, up to (not
 * including) the time it reached step k + 1, or, for those who did not, to the end of
 * their window (`startTime + windowMs`). Each is counted once a person. The drivers
 * whose presence changes conversion most (|lift|, see `rankFunnelDrivers`) come first.
 */
export function getFunnelDrivers(index: JourneyIndex, query: FunnelDriversQuery): FunnelDriversResult {
  checkFunnelDriversQuery(query);
  const { breakdown: _breakdown, ...funnelQuery } = query;
  const funnel = compileFunnel(index, funnelQuery);
  const properties = (query.properties ?? []).map((name) => index.property(name));
  const time = index.time.data;
  const names = index.name.data;
  const channels = index.channel.data;
  const counts = new Map<number, DriverCounts>();
  const seen = new Set<number>();
  const scratch = new FunnelScratch(funnel.stepCount);
  let persons = 0;
  let converted = 0;
  index.forEachPerson((events) => {
    const person = analysePersonFunnel(events, time, funnel, scratch);
    if (person.reached < query.step) return;
    const didConvert = person.reached > query.step;
    persons++;
    if (didConvert) converted++;
    seen.clear();
    const isBefore = createSpanTest(person, query, didConvert);
    for (const position of events) {
      if (!isBefore(time[position]!)) continue;
      seen.add(names[position]! * KINDS + TOUCHPOINT);
      if (channels[position] !== 0) seen.add(channels[position]! * KINDS + CHANNEL);
      properties.forEach((column, i) => {
        const cell = column.column.data[position]!;
        if (cell !== 0) seen.add(cell * KINDS + 2 + i);
      });
    }
    for (const key of seen) {
      let driver = counts.get(key);
      if (driver === undefined) counts.set(key, (driver = { key, persons: 0, converted: 0 }));
      driver.persons++;
      if (didConvert) driver.converted++;
    }
  });
  const describe = (key: number): Pick<FunnelDriver, 'kind' | 'name'> & { value?: PropertyValue } => {
    const kind = key % KINDS;
    const id = Math.floor(key / KINDS);
    if (kind === TOUCHPOINT) return { kind: 'touchpoint', name: index.names.values[id]! };
    if (kind === CHANNEL) return { kind: 'channel', name: index.channels.values[id - 1]! };
    const column = properties[kind - 2]!;
    return { kind: 'property', name: column.name, value: index.decodePropertyValue(column, id)! };
  };
  const drivers = rankFunnelDrivers({ persons, converted }, [...counts.values()], query, (key) => {
    const driver = describe(key);
    return { ...driver, text: driver.value === undefined ? '' : JSON.stringify(driver.value) };
  });
  return { step: query.step, persons, converted, drivers };
}

/** Whether a touchpoint at time t is "before the next step" for this person (see above). */
function createSpanTest(person: PersonFunnel, query: FunnelDriversQuery, didConvert: boolean) {
  const start = person.startTime;
  if (didConvert) {
    const next = start + person.times[query.step]!;
    return (t: number) => t >= start && t < next;
  }
  const end = start + query.windowMs;
  return (t: number) => t >= start && t <= end;
}
