/** Logs with the SDK's prefix: the only way the SDK reports a problem in the page. */
export const warn = (...reasons: unknown[]) => console.warn('parcours:', ...reasons);

/**
 * Runs `fn` and returns its result; if it throws, returns `fail(error)` instead (default:
 * `undefined`). The one try/catch of the browser bundle: storage that throws (Safari
 * with storage blocked, a full quota), JSON that is not, a listener with a bug.
 */
export const attempt = <T, F = undefined>(fn: () => T, fail?: (error: unknown) => F): T | F => {
  try {
    return fn();
  } catch (error) {
    return fail?.(error) as F;
  }
};
