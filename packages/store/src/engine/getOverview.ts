import { formatDay, getZoneCalendar } from '../time/ZoneCalendar.js';
import { ConversionAttribution } from './ConversionAttribution.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { compileTouchpoint, createNpsReader, NpsTally } from './matchTouchpoint.js';
import type { OverviewQuery, OverviewResult, TouchpointRef } from './types.js';

export const MAX_OVERVIEW_DAYS = 366;

/**
 * Daily and per-channel activity over a range: persons active, touchpoints,
 * persons converting (a touchpoint of `conversions`), and NPS from `feedback`
 * touchpoints, and conversions credited to channels under an attribution model
 * (`ConversionAttribution`). Days are those of `query.timeZone` (default UTC).
 */
export function getOverview(
  index: JourneyIndex,
  query: OverviewQuery,
  conversions: ReadonlyArray<TouchpointRef>,
): OverviewResult {
  const calendar = getZoneCalendar(query.timeZone);
  const { firstDay, dayCount } = calendar.getDaySpan(query);
  if (query.to < query.from || dayCount > MAX_OVERVIEW_DAYS) {
    throw new RangeError(`the range must be 1 to ${MAX_OVERVIEW_DAYS} days`);
  }
  const isConversion = conversions.map((c) => compileTouchpoint(index, c));
  const readNps = createNpsReader(index);
  const channelCount = index.channels.size + 1;
  const day = {
    persons: new Float64Array(dayCount),
    events: new Float64Array(dayCount),
    conversions: new Float64Array(dayCount),
  };
  const channel = {
    persons: new Float64Array(channelCount),
    events: new Float64Array(channelCount),
    conversions: new Float64Array(channelCount),
  };
  const dayNps = Array.from({ length: dayCount }, () => new NpsTally());
  const totalNps = new NpsTally();
  const totals = { persons: 0, events: 0, conversions: 0 };
  // Stamps say which person last counted a day or channel: distinct persons in O(1).
  const dayStamp = new Int32Array(dayCount).fill(-1);
  const dayConversionStamp = new Int32Array(dayCount).fill(-1);
  const channelStamp = new Int32Array(channelCount).fill(-1);
  const channelConversionStamp = new Int32Array(channelCount).fill(-1);
  const time = index.time.data;
  const channels = index.channel.data;
  const attribution = new ConversionAttribution(query.attribution ?? 'last', index);

  index.forEachPerson((events, person) => {
    let active = false;
    let converted = false;
    let convertedAt = -1;
    for (let i = 0; i < events.length; i++) {
      const position = events[i]!;
      const t = time[position]!;
      if (t < query.from || t > query.to) continue;
      const d = calendar.getDay(t) - firstDay;
      const c = channels[position]!;
      active = true;
      totals.events++;
      day.events[d]! += 1;
      channel.events[c]! += 1;
      if (dayStamp[d] !== person) {
        dayStamp[d] = person;
        day.persons[d]! += 1;
      }
      if (channelStamp[c] !== person) {
        channelStamp[c] = person;
        channel.persons[c]! += 1;
      }
      if (isConversion.some((test) => test(position))) {
        converted = true;
        if (convertedAt === -1) convertedAt = i;
        if (dayConversionStamp[d] !== person) {
          dayConversionStamp[d] = person;
          day.conversions[d]! += 1;
        }
        if (channelConversionStamp[c] !== person) {
          channelConversionStamp[c] = person;
          channel.conversions[c]! += 1;
        }
      }
      const score = readNps(position);
      if (score !== undefined) {
        dayNps[d]!.add(score);
        totalNps.add(score);
      }
    }
    if (active) totals.persons++;
    if (converted) {
      totals.conversions++;
      attribution.add(events, convertedAt);
    }
  });

  const npsOf = (tally: NpsTally) => {
    const { responses, nps } = tally.summary();
    return { npsResponses: responses, nps };
  };
  return {
    days: Array.from({ length: dayCount }, (_, d) => ({
      day: formatDay(firstDay + d),
      persons: day.persons[d]!,
      events: day.events[d]!,
      conversions: day.conversions[d]!,
      ...npsOf(dayNps[d]!),
    })),
    channels: Array.from({ length: channelCount }, (_, c) => ({
      channel: c === 0 ? null : index.channels.values[c - 1]!,
      persons: channel.persons[c]!,
      events: channel.events[c]!,
      conversions: channel.conversions[c]!,
    }))
      .filter((row) => row.events > 0)
      .sort((a, b) => b.events - a.events),
    totals: { ...totals, ...npsOf(totalNps) },
    attribution: attribution.result(),
  };
}
