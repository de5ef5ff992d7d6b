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
import { createTracker } from './index.js';
import { replayCalls } from './replayCalls.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset;
const holder = window as unknown as { parcours?: unknown };

if (data?.writeKey) {
  const calls = (holder.parcours as { q?: [string, unknown[]][] } | undefined)?.q;
  const tracker = createTracker({
    writeKey: data.writeKey,
    host: data.host || new URL(script!.src).origin,
    policyVersion: data.policyVersion,
    bufferBeforeConsent: data.bufferBeforeConsent != null,
    autoPage: data.autoPage != 'false',
  });
  holder.parcours = tracker;
  replayCalls(tracker, calls);
} else {
  warn('no data-write-key');
}
