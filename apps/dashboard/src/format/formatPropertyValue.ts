import type { PropertyValue } from '../api/types.js';

/** Longest value shown in full; the rest goes to a tooltip. */
export const MAX_SHOWN_LENGTH = 80;

/** A property value as text: `null` and booleans as in JSON, strings as they are. */
export function formatPropertyValue(value: PropertyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  return String(value);
}

/**
 * A value shortened to {@link MAX_SHOWN_LENGTH} characters with an ellipsis, so a
 * long URL or free-text field does not blow up a timeline row. Cuts between code
 * points, never inside a surrogate pair.
 */
export function shortenText(text: string, maxLength = MAX_SHOWN_LENGTH): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= maxLength) return text;
  return `${codePoints.slice(0, maxLength - 1).join('')}…`;
}
