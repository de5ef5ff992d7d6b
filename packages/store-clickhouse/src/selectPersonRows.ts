import {
  checkColumnAliases,
  selectPersonSegments,
  type PersonSegmentsOptions,
  type PersonTarget,
} from './selectPersonSegments.js';

export { checkColumnAliases } from './selectPersonSegments.js';

/** Which events `selectPersonRows` reads (see `selectPersonSegments`). */
export type PersonRowsOptions = PersonSegmentsOptions;

/**
 * SQL of a subquery with one row per touchpoint (identifies are links, not
 * touchpoints): `person` (`u:<user id>` or `d:<device>`), `timestamp`, `arrival`, and
 * one column per entry of `columns`: an expression over the event's `name`, `channel`,
 * `properties` and `timestamp`, evaluated on the stored row. Identities are stitched,
 * replayed copies collapsed, `keep` narrows the touchpoints and `devices` the devices
 * read, and a segment the persons, as `selectPersonSegments` says.
 */
export function selectPersonRows(
  target: PersonTarget,
  columns: Record<string, string>,
  options: PersonRowsOptions = {},
): string {
  const names = checkColumnAliases(columns);
  const unpack = names
    .map(
      (name, i) => `,
        tupleElement(event, ${i + 3}) AS ${name}`,
    )
    .join('');
  return `SELECT person,
        tupleElement(event, 1) AS timestamp,
        tupleElement(event, 2) AS arrival${unpack}
      FROM (${selectPersonSegments(target, columns, options)})
      ARRAY JOIN segment AS event`;
}

/**
 * The public person id (`personId.ts` of `@parcours/store`) of a `person` column:
 * `user:<user id>`, or the device's id (`device:<id>` when it starts with `user:` or
 * `device:`). 18.16 has no `startsWith`: prefixes are compared with `substring`.
 */
export function selectPublicPersonId(person: string): string {
  const id = `substring(${person}, 3)`;
  return `if(substring(${person}, 1, 2) = 'u:', concat('user:', ${id}),
    if(substring(${id}, 1, 5) = 'user:' OR substring(${id}, 1, 7) = 'device:', concat('device:', ${id}), ${id}))`;
}
