import { describeConsentField } from './describeConsentField.js';
import type { ConsentConfigInput } from './privacyApi.js';

/** One field that differs between two versions of the consent settings. */
export interface ConsentFieldChange {
  /** The dotted path, e.g. `texts.fr.title`. */
  path: string;
  /** The words for it, e.g. `Title (French)`. */
  label: string;
  /** The older version's value as text; `—` when it had none. */
  before: string;
  after: string;
}

/** Fields a published version adds to its settings: not settings, so never a change. */
const VERSION_FIELDS = new Set(['policyVersion', 'configHash', 'publishedAt']);

/** A value as the diff shows it: lists joined in their order, no value as `—`. */
function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value))
    return value.length === 0
      ? '—'
      : value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Every leaf of `value` by dotted path, in key order; arrays are leaves (their order is shown to visitors). */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (prefix === '' && VERSION_FIELDS.has(key)) continue;
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, into);
    }
  } else {
    into.set(prefix, value);
  }
}

/**
 * What changed from `before` to `after`, field by field, in `after`'s field order
 * (then fields only `before` had). Published versions may be passed as they are: their
 * version number, hash and time are not compared. Identical settings give `[]`.
 */
export function diffConsentConfigs(
  before: ConsentConfigInput,
  after: ConsentConfigInput,
): ConsentFieldChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  flatten(before, '', old);
  flatten(after, '', next);
  const paths = [...next.keys(), ...[...old.keys()].filter((path) => !next.has(path))];
  const changes: ConsentFieldChange[] = [];
  for (const path of paths) {
    const was = showValue(old.get(path));
    const now = showValue(next.get(path));
    if (was !== now) changes.push({ path, label: describeConsentField(path), before: was, after: now });
  }
  return changes;
}
