import type { DidCondition, DidNotCondition, SegmentDefinition } from '@parcours/schema';
import { propertyRaw } from './funnelMasks.js';
import { selectTraitHolders } from './getPersons.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';
import { matchTouchpoint } from './touchpointSql.js';

type Target = { database: string; projectId: string };

/** A 0/1 column over one stored event: it is a touchpoint `condition` counts. */
function matchCondition(condition: DidCondition | DidNotCondition): string {
  const touchpoint =
    condition.channel === undefined
      ? { name: condition.name }
      : { name: condition.name, channel: condition.channel };
  const tests = [matchTouchpoint(touchpoint)];
  if (condition.from !== undefined) tests.push(`timestamp >= ${quoteInteger(condition.from)}`);
  if (condition.to !== undefined) tests.push(`timestamp <= ${quoteInteger(condition.to)}`);
  if (condition.where !== undefined) {
    // Properties are stored as JSON.stringify wrote them: the same value has the same raw text.
    tests.push(
      `${propertyRaw(condition.where.name)} = ${quoteString(JSON.stringify(condition.where.value))}`,
    );
  }
  return `toUInt8(${tests.join(' AND ')})`;
}

/** The test of a person row (`person`, one 0/1 array per touchpoint condition), and the arrays it needs. */
function compileCondition(
  target: Target,
  definition: SegmentDefinition,
  columns: Record<string, string>,
): string {
  switch (definition.kind) {
    case 'and':
    case 'or': {
      const parts = definition.conditions.map((c) => compileCondition(target, c, columns));
      return `(${parts.join(definition.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'trait':
      return `person IN (${selectTraitHolders(target, definition)})`;
    case 'did':
    case 'didNot': {
      const column = `c${Object.keys(columns).length}`;
      columns[column] = matchCondition(definition);
      return definition.kind === 'did'
        ? `arraySum(${column}) >= ${quoteInteger(definition.minCount ?? 1)}`
        : `arraySum(${column}) = 0`;
    }
  }
}

/**
 * SQL of the `person` keys (`u:<user id>` / `d:<device>`) a segment holds, as
 * `compileSegment` of `@parcours/store` tests them: per person (identities stitched),
 * one array per touchpoint condition marking the touchpoints it counts, summed; a
 * trait condition is the persons whose latest identify carries the value
 * (`selectTraitHolders`, as the persons list's property search). Every touchpoint is
 * read, so a person who did nothing a condition names is there for "did not".
 */
export function selectSegmentPersons(target: Target, definition: SegmentDefinition): string {
  const columns: Record<string, string> = {};
  const test = compileCondition(target, definition, columns);
  return `SELECT person FROM (${selectPersonTouchpoints(target, columns)}) WHERE ${test}`;
}
