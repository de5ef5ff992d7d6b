import type { z } from 'zod';

/** One validation problem, with the path of the bad field as a user would write it. */
export interface ValidationIssue {
  /** `batch[3].timestamp`, `writeKey`, `batch[0].properties["utm source"]`; empty for the value as a whole. */
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Turns a path such as `['batch', 3, 'timestamp']` into `batch[3].timestamp`. A key
 * that is not an identifier (a property name with a space, a dot, a lone surrogate)
 * is written as a JSON string in brackets, so the path stays unambiguous and printable.
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && !IDENTIFIER.test(key)) out += `[${JSON.stringify(key)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Flattens a zod error into issues that name their field. A bad record key (a property
 * name too long or not well-formed) says why, instead of zod's "Invalid key in record".
 */
export function getValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message:
      issue.code === 'invalid_key'
        ? `property name: ${issue.issues.map((inner) => inner.message).join('; ')}`
        : issue.message,
  }));
}

/** One line for an error message: `batch[3].timestamp: Invalid input…; writeKey: …`. */
export function describeValidationIssues(issues: ReadonlyArray<ValidationIssue>, max = 5): string {
  const shown = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return shown.join('; ') + more;
}
