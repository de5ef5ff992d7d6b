/**
 * Rules that refuse input instead of silently rewriting it, shared by the zod schemas
 * and the hand-written fast path so that both say no to the same values.
 */

/**
 * Property names that are object machinery, not data. `JSON.parse` makes `__proto__`
 * an own key, and `out[key] = value` on `{}` then sets the prototype (or drops the
 * value) without a word; `constructor` and `prototype` shadow what code expects there.
 * They are refused wherever a name becomes an object key: properties, context, funnel
 * `where`, breakdowns.
 */
export const RESERVED_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** The messages of these rules, as validation errors show them after the field's path. */
export const INPUT_MESSAGES = {
  wellFormed:
    'must be well-formed Unicode: it holds a lone surrogate (half of a UTF-16 pair), which cannot be stored as UTF-8',
  reservedName: 'is a reserved name (__proto__, constructor and prototype are refused): rename the property',
  propertyValue: 'values must be a string, number, boolean or null (no nested object or array)',
} as const;

/**
 * True when a string has no lone surrogate. A lone surrogate (`"\ud800"` in JSON) is
 * valid JavaScript but not Unicode: SQLite would store it as invalid UTF-8, and every
 * reader after that sees a different string (or U+FFFD).
 */
export function isWellFormed(text: string): boolean {
  return text.isWellFormed();
}

/** True for a name that must not become an object key (see {@link RESERVED_PROPERTY_NAMES}). */
export function isReservedPropertyName(name: string): boolean {
  return RESERVED_PROPERTY_NAMES.has(name);
}
