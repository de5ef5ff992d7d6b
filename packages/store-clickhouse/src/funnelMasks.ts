import type { FunnelQuery } from '@parcours/store';
import { matchTouchpoint } from './touchpointSql.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

/** The raw JSON of a property of the event (`null` when absent), as `properties` stores it. */
export function propertyRaw(key: string): string {
  const raw = `visitParamExtractRaw(properties, ${quoteString(key)})`;
  return `if(${raw} = '', 'null', ${raw})`;
}

/** Bit k of the mask: the event matches step k + 1 (name, channel, every `where`). */
export function stepMask(query: FunnelQuery): string {
  return query.steps
    .map((step, k) => {
      const tests = [`name = ${quoteString(step.name)}`];
      if (step.channel !== undefined) tests.push(`channel = ${quoteString(step.channel)}`);
      for (const [key, value] of Object.entries(step.where ?? {})) {
        // Properties are stored as JSON.stringify wrote them: the same value has the same raw text.
        tests.push(`${propertyRaw(key)} = ${quoteString(JSON.stringify(value))}`);
      }
      return `if(${tests.join(' AND ')}, ${quoteInteger(2 ** k)}, 0)`;
    })
    .join(' + ');
}

/**
 * Bit j − 1 of the mask: the event ends chains after step j (an exclusion with
 * `afterStep` j matches it). One term per step, so two exclusions after one step
 * still set one bit.
 */
export function exclusionMask(query: FunnelQuery): string {
  const byStep = new Map<number, string[]>();
  for (const exclusion of query.exclusions ?? []) {
    const tests = byStep.get(exclusion.afterStep) ?? [];
    tests.push(matchTouchpoint(exclusion));
    byStep.set(exclusion.afterStep, tests);
  }
  const terms = [...byStep].map(
    ([afterStep, tests]) => `if(${tests.join(' OR ')}, ${quoteInteger(2 ** (afterStep - 1))}, 0)`,
  );
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** The touchpoint names a funnel reads (steps and exclusions): the others change nobody's funnel. */
export function funnelNames(query: FunnelQuery): string {
  const names = [...query.steps, ...(query.exclusions ?? [])].map((step) => step.name);
  return [...new Set(names)].map(quoteString).join(', ');
}
