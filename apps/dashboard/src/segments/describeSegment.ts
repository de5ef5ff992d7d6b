import type { SegmentDefinition } from '../api/types.js';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** When a condition's touchpoints happen, in words. */
function describeRange(from: number | undefined, to: number | undefined): string {
  if (from !== undefined && to !== undefined) return ` between ${day(from)} and ${day(to)}`;
  if (from !== undefined) return ` since ${day(from)}`;
  return to !== undefined ? ` until ${day(to)}` : '';
}

/** A segment definition in a sentence: `did Purchase on web at least 2 times and has plan = "pro"`. */
export function describeSegment(definition: SegmentDefinition, nested = false): string {
  switch (definition.kind) {
    case 'and':
    case 'or': {
      const text = definition.conditions.map((c) => describeSegment(c, true)).join(` ${definition.kind} `);
      return nested && definition.conditions.length > 1 ? `(${text})` : text;
    }
    case 'trait':
      return `has ${definition.name} = ${JSON.stringify(definition.value)}`;
    case 'did':
    case 'didNot': {
      const channel = definition.channel === undefined ? '' : ` on ${definition.channel}`;
      const times =
        definition.kind === 'did' && (definition.minCount ?? 1) > 1
          ? ` at least ${definition.minCount} times`
          : '';
      const where =
        definition.where === undefined
          ? ''
          : ` with ${definition.where.name} = ${JSON.stringify(definition.where.value)}`;
      const verb = definition.kind === 'did' ? 'did' : 'did not do';
      return `${verb} ${definition.name}${channel}${where}${times}${describeRange(definition.from, definition.to)}`;
    }
  }
}
