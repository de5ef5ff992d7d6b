import type { z } from 'zod';

/** One validation problem, with the path of the bad field as a user would write it. */
export interface ValidationIssue {
  /** `batch[3].timestamp`, `writeKey`; empty for the value as a whole. */
  path: string;
  message: string;
}

/** Turns a path such as `['batch', 3, 'timestamp']` into `batch[3].timestamp`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Flattens a zod error into issues that name their field. */
export function getValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** One line for an error message: `batch[3].timestamp: Invalid input…; writeKey: …`. */
export function describeValidationIssues(issues: ReadonlyArray<ValidationIssue>, max = 5): string {
  const shown = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return shown.join('; ') + more;
}
