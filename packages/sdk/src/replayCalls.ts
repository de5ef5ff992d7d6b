import { attempt, warn } from './core/attempt.js';
import type { Tracker } from './core/types.js';

/**
 * Replays, in order, the calls the loader snippet's stub queued before the SDK loaded.
 * Each call is `[path, arguments]`, the path being the method names each followed by a
 * dot, as the stub's Proxy builds them: `"track."`, `"consent.grant."`.
 */
export const replayCalls = (tracker: Tracker, calls: [string, unknown[]][] = []) => {
  for (const [path, args] of calls)
    attempt(
      () =>
        // The tracker's methods are closures, so calling one detached from its object is fine.
        (
          path
            .split('.')
            .reduce<unknown>(
              (target, name) => (name ? (target as Record<string, unknown>)[name] : target),
              tracker,
            ) as (...values: unknown[]) => unknown
        )(...args),
      (error) => warn(path, error),
    );
};
