/**
 * The script-tag bundle, served by the collector as `/banner.js`:
 *
 * ```html
 * <script defer src="https://parcours.example.com/sdk.js" data-write-key="wk_…"></script>
 * <script defer src="https://parcours.example.com/banner.js" data-write-key="wk_…"></script>
 * ```
 *
 * Reads `data-write-key`, `data-host` (default: the script's own origin), `data-lang`
 * (`fr` or `en`; default from `navigator.language`) and `data-button` (present: a floating
 * "Cookies" button reopens the preferences), and drives `window.parcours`.
 */
import { createBanner } from './createBanner.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset;

if (data?.writeKey)
  createBanner({
    writeKey: data.writeKey,
    host: data.host || new URL(script!.src).origin,
    lang: data.lang,
    button: data.button != null,
  }).ready.catch((error) => console.warn('parcours:', error));
else console.warn('parcours: no data-write-key');
