import type { PropertyValue } from '@parcours/schema';
import type { JourneyStage } from '@parcours/store';
import { selectPersonRows, selectPublicPersonId } from './selectPersonRows.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';
import { matchTouchpoint } from './touchpointSql.js';

/** The raw JSON text of one property of the event, '' when the event does not carry it. */
export function readPropertyRaw(name: string): string {
  return `visitParamExtractRaw(properties, ${quoteString(name)})`;
}

/** True for an event carrying the property with this value (equal JSON text: properties are stored as JSON.stringify wrote them). */
export function hasPropertyValue(property: { name: string; value: PropertyValue }): string {
  return `${readPropertyRaw(property.name)} = ${quoteString(JSON.stringify(property.value))}`;
}

/** Per touchpoint, the 1-based positions in `stages` of the stages it belongs to. */
function selectStagesOf(stages: ReadonlyArray<JourneyStage>): string {
  if (stages.length === 0) return 'emptyArrayUInt16()';
  const positions = stages.map((stage, s) => {
    const matches = stage.touchpoints.map(matchTouchpoint);
    return `toUInt16(if(${matches.length === 0 ? '0' : matches.join(' OR ')}, ${quoteInteger(s + 1)}, 0))`;
  });
  return `arrayFilter(x -> x > 0, [${positions.join(', ')}])`;
}

/**
 * SQL of one row per person with a touchpoint (identities stitched as
 * `selectPersonRows` does), the figures of a persons list: `person` (`u:…`/`d:…`),
 * `person_id` (public), `first_seen`, `last_seen`, `touchpoints`, `channels` (in
 * order of first touch, '' for none), `stages` (1-based positions in `stages` of the
 * stages reached, in map order) and, with `property`, `on_property` (1 when a
 * touchpoint carries that value). Only these figures are grouped, never the rows;
 * `devices` reads only those devices (see `selectPersonRows`).
 */
export function selectPersonSummaries(
  target: { database: string; projectId: string },
  stages: ReadonlyArray<JourneyStage>,
  options: {
    property?: { name: string; value: PropertyValue } | undefined;
    devices?: ReadonlyArray<string>;
  } = {},
): string {
  const { property, devices } = options;
  const columns: Record<string, string> = { channel: 'channel', reached: selectStagesOf(stages) };
  if (property !== undefined) columns['on_property'] = `toUInt8(${hasPropertyValue(property)})`;
  return `SELECT person, ${selectPublicPersonId('person')} AS person_id,
      min(timestamp) AS first_seen, max(timestamp) AS last_seen, count() AS touchpoints,
      arrayDistinct(arrayMap(x -> tupleElement(x, 3), arraySort(groupArray((timestamp, arrival, channel))))) AS channels,
      arraySort(groupUniqArrayArray(reached)) AS stages${property === undefined ? '' : ',\n      max(on_property) AS on_property'}
    FROM (${selectPersonRows(target, columns, { devices })})
    GROUP BY person`;
}

/** A row of `selectPersonSummaries` as JSON gives it back (64-bit integers quoted). */
export interface PersonSummaryRow {
  person: string;
  person_id: string;
  first_seen: string;
  last_seen: string;
  touchpoints: string;
  channels: string[];
  stages: number[];
}

/** The summary of a row, in the store's shape: ids from `idsOf`, stage positions as names. */
export function toPersonSummary(
  row: PersonSummaryRow,
  ids: { anonymousIds: string[]; userIds: string[] },
  stages: ReadonlyArray<JourneyStage>,
) {
  return {
    personId: row.person_id,
    ...ids,
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
    touchpoints: Number(row.touchpoints),
    channels: row.channels.map((channel) => (channel === '' ? null : channel)),
    stages: row.stages.map((s) => stages[Number(s) - 1]!.name),
  };
}
