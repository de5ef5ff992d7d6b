import type { JourneyIndex } from './JourneyIndex.js';
import { summariseDesignedOrder, toLivedOrder } from './designedOrder.js';
import { compileTouchpoint, createNpsReader, NpsTally } from './matchTouchpoint.js';
import { createCsatReader } from './createCsatReader.js';
import { CsatTally } from './CsatTally.js';
import { orderChannelFeedback } from './orderChannelFeedback.js';
import {
  CSAT_SATISFIED_MARK,
  type JourneyStage,
  type PainPoint,
  type StagesQuery,
  type StagesResult,
  type TouchpointStats,
} from './types.js';

/** A touchpoint needs this many persons before its exit rate or score can make it a pain point. */
export const PAIN_POINT_MIN_PERSONS = 5;
const PAIN_POINTS_PER_REASON = 3;

interface TouchpointTally {
  stage: number;
  test: (position: number) => boolean;
  events: number;
  persons: number;
  exits: number;
  byChannel: Map<number, number>;
  nps: NpsTally;
  csat: CsatTally;
}

interface ChannelTally {
  persons: number;
  nps: NpsTally;
  csat: CsatTally;
}

type Answers = Array<[at: number, score: number]>;

/** The first answer given after the person's touchpoint at `at` (their index), if any. */
function firstAfter(answers: Answers, at: number): number | undefined {
  return answers.find(([i]) => i > at)?.[1];
}

/**
 * The journey map with its numbers: per stage, the persons who reached it and the
 * share of the previous stage's persons who reached it afterwards; per touchpoint,
 * its volume by channel, its exit rate (persons for whom it was the last touchpoint
 * of the range) and the NPS and CSAT given after it; per channel, the NPS and CSAT
 * given after the person's first touchpoint on it; then the pain points.
 */
export function getStages(
  index: JourneyIndex,
  map: ReadonlyArray<JourneyStage>,
  query: StagesQuery = {},
): StagesResult {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const tallies: TouchpointTally[] = map.flatMap((stage, s) =>
    stage.touchpoints.map((touchpoint) => ({
      stage: s,
      test: compileTouchpoint(index, touchpoint),
      events: 0,
      persons: 0,
      exits: 0,
      byChannel: new Map<number, number>(),
      nps: new NpsTally(),
      csat: new CsatTally(),
    })),
  );
  const stagePersons = new Float64Array(map.length);
  const stageConverted = new Float64Array(map.length);
  const stageSkipped = new Float64Array(map.length);
  const firstStageTime = new Float64Array(map.length);
  /** Per stage, the index in the person's touchpoints of their first touchpoint of it (-1: none). */
  const firstStageAt = new Int32Array(map.length);
  const stageNps = map.map(() => new NpsTally());
  const stageCsat = map.map(() => new CsatTally());
  const byChannel = new Map<number, ChannelTally>();
  /** Per channel cell, the index in the person's touchpoints of their first map touchpoint on it. */
  const firstOnChannel = new Map<number, number>();
  const firstAt = new Int32Array(tallies.length);
  const readNps = createNpsReader(index);
  const readCsat = createCsatReader(index);
  const time = index.time.data;
  const channels = index.channel.data;
  const feedback: Answers = [];
  const csatFeedback: Answers = [];
  const personsByOrder = new Map<string, number>();

  index.forEachPerson((events) => {
    firstStageTime.fill(Infinity);
    firstStageAt.fill(-1);
    firstAt.fill(-1);
    feedback.length = 0;
    csatFeedback.length = 0;
    firstOnChannel.clear();
    let last = -1;
    for (let i = 0; i < events.length; i++) {
      const position = events[i]!;
      const t = time[position]!;
      if (t < from || t > to) continue;
      last = i;
      const score = readNps(position);
      if (score !== undefined) feedback.push([i, score]);
      const csat = readCsat(position);
      if (csat !== undefined) csatFeedback.push([i, csat]);
      for (let j = 0; j < tallies.length; j++) {
        const tally = tallies[j]!;
        if (!tally.test(position)) continue;
        tally.events++;
        const channel = channels[position]!;
        tally.byChannel.set(channel, (tally.byChannel.get(channel) ?? 0) + 1);
        if (firstAt[j] === -1) firstAt[j] = i;
        if (t < firstStageTime[tally.stage]!) firstStageTime[tally.stage] = t;
        if (!firstOnChannel.has(channel)) firstOnChannel.set(channel, i);
      }
    }
    if (last === -1) return;
    for (let j = 0; j < tallies.length; j++) {
      const at = firstAt[j]!;
      if (at === -1) continue;
      const tally = tallies[j]!;
      tally.persons++;
      if (tally.test(events[last]!)) tally.exits++;
      const after = firstAfter(feedback, at);
      if (after !== undefined) tally.nps.add(after);
      const csatAfter = firstAfter(csatFeedback, at);
      if (csatAfter !== undefined) tally.csat.add(csatAfter);
      const stageAt = firstStageAt[tally.stage]!;
      if (stageAt === -1 || at < stageAt) firstStageAt[tally.stage] = at;
    }
    // The stage's score: the first answer after the person's first touchpoint of it.
    for (let s = 0; s < map.length; s++) {
      const at = firstStageAt[s]!;
      if (at === -1) continue;
      const after = firstAfter(feedback, at);
      if (after !== undefined) stageNps[s]!.add(after);
      const csatAfter = firstAfter(csatFeedback, at);
      if (csatAfter !== undefined) stageCsat[s]!.add(csatAfter);
    }
    // The channel's score: the first answer after the person's first map touchpoint on it.
    for (const [channel, at] of firstOnChannel) {
      let tally = byChannel.get(channel);
      if (tally === undefined) {
        tally = { persons: 0, nps: new NpsTally(), csat: new CsatTally() };
        byChannel.set(channel, tally);
      }
      tally.persons++;
      const after = firstAfter(feedback, at);
      if (after !== undefined) tally.nps.add(after);
      const csatAfter = firstAfter(csatFeedback, at);
      if (csatAfter !== undefined) tally.csat.add(csatAfter);
    }
    for (let s = 0; s < map.length; s++) {
      if (firstStageTime[s] === Infinity) continue;
      stagePersons[s]! += 1;
      if (s === 0) continue;
      if (firstStageTime[s - 1] === Infinity) stageSkipped[s]! += 1;
      else if (firstStageTime[s]! >= firstStageTime[s - 1]!) stageConverted[s]! += 1;
    }
    const lived = toLivedOrder(firstStageTime);
    if (lived.length > 0) {
      const key = lived.join(',');
      personsByOrder.set(key, (personsByOrder.get(key) ?? 0) + 1);
    }
  });

  const channelName = (cell: number) => (cell === 0 ? null : index.channels.values[cell - 1]!);
  let j = 0;
  const stages = map.map((stage, s) => ({
    name: stage.name,
    persons: stagePersons[s]!,
    conversionFromPrevious:
      s === 0 ? null : stagePersons[s - 1] === 0 ? 0 : stageConverted[s]! / stagePersons[s - 1]!,
    withoutPrevious: s === 0 ? null : stageSkipped[s]!,
    feedback: stageNps[s]!.summary(),
    csat: stageCsat[s]!.summary(),
    touchpoints: stage.touchpoints.map((touchpoint): TouchpointStats => {
      const tally = tallies[j++]!;
      return {
        name: touchpoint.name,
        channel: touchpoint.channel ?? null,
        events: tally.events,
        persons: tally.persons,
        exitRate: tally.persons === 0 ? 0 : tally.exits / tally.persons,
        byChannel: [...tally.byChannel]
          .sort(([a, x], [b, y]) => y - x || a - b)
          .map(([cell, events]) => ({ channel: channelName(cell), events })),
        ...tally.nps.summary(),
        csat: tally.csat.summary(),
        goal: touchpoint.goal === true,
        momentOfTruth: touchpoint.momentOfTruth === true,
      };
    }),
  }));
  return {
    stages,
    designedOrder: summariseDesignedOrder(
      map.map((stage) => stage.name),
      personsByOrder,
    ),
    channels: orderChannelFeedback(
      [...byChannel].map(([cell, tally]) => ({
        channel: channelName(cell),
        persons: tally.persons,
        nps: tally.nps.summary(),
        csat: tally.csat.summary(),
      })),
    ),
    painPoints: findPainPoints(stages),
  };
}

/**
 * The pain points of a journey map's figures: the touchpoints (of at least
 * {@link PAIN_POINT_MIN_PERSONS} persons) with the highest exit rates, goals apart
 * (leaving after a goal is the journey done, not a drop-off), then those with the
 * lowest NPS, then those with the lowest CSAT below {@link CSAT_SATISFIED_MARK}, three
 * of each. Exported so that every engine derives them alike.
 */
export function findPainPoints(stages: StagesResult['stages']): PainPoint[] {
  const candidates = stages.flatMap((stage) =>
    stage.touchpoints
      .filter((t) => t.persons >= PAIN_POINT_MIN_PERSONS)
      .map((t) => ({
        stage: stage.name,
        touchpoint: t.name,
        channel: t.channel,
        exitRate: t.exitRate,
        nps: t.nps,
        csat: t.csat.satisfied,
        goal: t.goal,
      })),
  );
  const byExits = [...candidates]
    .filter((c) => c.exitRate > 0 && !c.goal)
    .sort((a, b) => b.exitRate - a.exitRate)
    .slice(0, PAIN_POINTS_PER_REASON)
    .map(({ goal: _goal, ...c }) => ({ ...c, reason: 'drop-off' as const }));
  const byScore = [...candidates]
    .filter((c) => c.nps !== null)
    .sort((a, b) => a.nps! - b.nps!)
    .slice(0, PAIN_POINTS_PER_REASON)
    .map(({ goal: _goal, ...c }) => ({ ...c, reason: 'low score' as const }));
  const bySatisfaction = [...candidates]
    .filter((c) => c.csat !== null && c.csat < CSAT_SATISFIED_MARK)
    .sort((a, b) => a.csat! - b.csat!)
    .slice(0, PAIN_POINTS_PER_REASON)
    .map(({ goal: _goal, ...c }) => ({ ...c, reason: 'low satisfaction' as const }));
  return [...byExits, ...byScore, ...bySatisfaction];
}
