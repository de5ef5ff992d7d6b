import type { ClickHouseClient } from '@clickhouse/client';
import {
  decodeDropoffCursor,
  encodeDropoffCursor,
  InvalidCursorError,
  parsePersonId,
  type DroppedPerson,
  type FunnelDropoffQuery,
  type FunnelDropoffResult,
} from '@parcours/store';
import { describePersons } from './describePersons.js';
import { checkFunnelQuery } from '@parcours/store';
import { exclusionMask, stepMask } from './funnelMasks.js';
import { selectPersonFunnels } from './selectPersonFunnels.js';
import { selectPublicPersonId } from './selectPersonRows.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';
import { fromVisibleEvents } from './fromVisibleEvents.js';

type Target = { database: string; projectId: string };

/** True when the project has the user or device a person id names, as the SQLite engine's index knows them. */
export async function hasPerson(
  client: ClickHouseClient,
  target: Target,
  personId: string,
): Promise<boolean> {
  const ref = parsePersonId(personId);
  // A device exists for the index once it has a touchpoint or a trusted link.
  const test =
    'userId' in ref
      ? `user_id = ${quoteString(ref.userId)}`
      : `anonymous_id = ${quoteString(ref.anonymousId)} AND (type != 'identify' OR user_id != '')`;
  const result = await client.query({
    query: `SELECT count() AS n FROM (SELECT 1 FROM ${fromVisibleEvents(target)} AND ${test} LIMIT 1)`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row!.n) > 0;
}

/**
 * The persons who reached step `step − 1` of a funnel but not step `step`, by person
 * id, a page at a time, computed inside ClickHouse (only the page and the total leave
 * it). Same answers and cursors as the SQLite engine (`dropoffsEquivalence.test.ts`):
 * the cursor holds the last person id of the page; one that is not a cursor, or names
 * nobody in the project, throws `InvalidCursorError`. Person ids are ordered bytewise
 * (UTF-8), the same as the SQLite engine's order for ids in the Basic Multilingual Plane.
 */
export async function getFunnelDropoffs(
  client: ClickHouseClient,
  target: Target,
  query: FunnelDropoffQuery,
): Promise<FunnelDropoffResult> {
  if (!Number.isInteger(query.step) || query.step < 2 || query.step > query.steps.length) {
    throw new RangeError(`step must be between 2 and ${query.steps.length}`);
  }
  checkFunnelQuery(query);
  const cursor = query.cursor === undefined ? undefined : decodeDropoffCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === undefined || !(await hasPerson(client, target, cursor)))) {
    throw new InvalidCursorError('not a drop-off cursor of this funnel: start again without one');
  }
  const persons = selectPersonTouchpoints(target, {
    mask: stepMask(query),
    xmask: exclusionMask(query),
    breakdown: "''",
    names: 'name',
    channels: 'channel',
  });
  const dropped = `SELECT person_id, person, reached_at, last_name, last_channel, last_time
    FROM (${selectPersonFunnels(query, persons, {
      person_id: selectPublicPersonId('person'),
      person: 'person',
      last_name: 'names[length(names)]',
      last_channel: 'channels[length(channels)]',
      last_time: 'ts[length(ts)]',
    })})
    WHERE reached = ${quoteInteger(query.step - 1)}`;
  const after = cursor === undefined ? '' : `WHERE person_id > ${quoteString(cursor)}`;
  const [pageResult, totalResult] = await Promise.all([
    client.query({
      query: `SELECT * FROM (${dropped}) ${after} ORDER BY person_id LIMIT ${quoteInteger(query.limit + 1)}`,
      format: 'JSONEachRow',
    }),
    client.query({ query: `SELECT count() AS n FROM (${dropped})`, format: 'JSONEachRow' }),
  ]);
  const rows = await pageResult.json<{
    person_id: string;
    person: string;
    reached_at: string;
    last_name: string;
    last_channel: string;
    last_time: string;
  }>();
  const [total] = await totalResult.json<{ n: string }>();
  const page = rows.slice(0, query.limit);
  const idsOf = await describePersons(
    client,
    target,
    page.map((row) => row.person),
  );
  return {
    persons: page.map((row): DroppedPerson => {
      return {
        personId: row.person_id,
        ...idsOf(row.person),
        reachedAt: Number(row.reached_at),
        lastTouchpoint: {
          name: row.last_name,
          channel: row.last_channel === '' ? null : row.last_channel,
          timestamp: Number(row.last_time),
        },
      };
    }),
    nextCursor: rows.length > query.limit ? encodeDropoffCursor(page[page.length - 1]!.person_id) : null,
    total: Number(total!.n),
  };
}
