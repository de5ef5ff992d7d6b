import type { JourneyIndex } from './JourneyIndex.js';
import { compileTouchpoint } from './matchTouchpoint.js';
import type { PersonSummary } from './personTypes.js';
import type { JourneyStage } from './types.js';

/** A journey map's stages compiled against an index: per stage, a test of a touchpoint position. */
export type CompiledStages = Array<{ name: string; test: (position: number) => boolean }>;

/** Resolves every stage's touchpoints to dictionary ids once per query. */
export function compileStages(index: JourneyIndex, map: ReadonlyArray<JourneyStage>): CompiledStages {
  return map.map((stage) => {
    const tests = stage.touchpoints.map((touchpoint) => compileTouchpoint(index, touchpoint));
    return { name: stage.name, test: (position: number) => tests.some((test) => test(position)) };
  });
}

/**
 * One person's summary from their touchpoint positions (time order): first and last
 * seen, touchpoints, channels in order of first touch, stages reached in map order.
 */
export function summarisePerson(
  index: JourneyIndex,
  events: ReadonlyArray<number>,
  person: { key: number; stages: CompiledStages },
): PersonSummary {
  const time = index.time.data;
  const channels = index.channel.data;
  const seenChannels: number[] = [];
  const reached = new Array<boolean>(person.stages.length).fill(false);
  for (const position of events) {
    const cell = channels[position]!;
    if (!seenChannels.includes(cell)) seenChannels.push(cell);
    for (let s = 0; s < person.stages.length; s++) {
      if (!reached[s] && person.stages[s]!.test(position)) reached[s] = true;
    }
  }
  return {
    ...index.describePerson(person.key),
    firstSeen: time[events[0]!]!,
    lastSeen: time[events[events.length - 1]!]!,
    touchpoints: events.length,
    channels: seenChannels.map((cell) => (cell === 0 ? null : index.channels.values[cell - 1]!)),
    stages: person.stages.filter((_, s) => reached[s]).map((stage) => stage.name),
  };
}
