/**
 * The script-tag bundle, served by the collector as `/sdk.js`:
 *
 * ```html
 * <script async src="https://parcours.example.com/sdk.js" data-write-key="wk_…"></script>
 * ```
 *
 * Reads `data-write-key`, `data-host` (default: the script's own origin),
 * `data-policy-version` (default `"1"`), `data-buffer-before-consent` (present = on) and
 * `data-auto-page` (`"false"` = no automatic page views) from its tag, exposes the tracker as `window.parcours`, and replays in order the calls
 * the loader snippet's stub queued in `window.parcours.q` (see `loaderSnippet.ts`).
 */
import { warn } from './core/attempt.js';
import { createTracker, type TrackerOptions } from './index.js';
import { replayCalls } from './replayCalls.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset;
const holder = window as unknown as { parcours?: unknown };

if (data?.writeKey) {
  const calls = (holder.parcours as { q?: [string, unknown[]][] } | undefined)?.q;
  // The tag's attributes are the options (`writeKey`, `policyVersion`, `autoPage`,
  // `bufferBeforeConsent`): the core reads no other name in this bundle (the rest are
  // mangled, see rollup.config.js).
  const tracker = createTracker({
    ...(data as unknown as TrackerOptions),
    host: data.host || new URL(script!.src).origin,
  });
  holder.parcours = tracker;
  replayCalls(tracker, calls);
} else {
  warn('no data-write-key');
}
