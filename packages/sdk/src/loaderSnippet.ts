/**
 * The async loader snippet (≤ 250 bytes with these placeholders): paste it in `<head>`,
 * replacing `https://HOST` by the collector's origin and `KEY` by the project's write key.
 *
 * Until `/sdk.js` arrives, `window.parcours` is a stub: a Proxy that turns any call, at
 * any depth (`parcours.track(…)`, `parcours.consent.grant(…)`), into an entry
 * `[path, arguments]` of the queue `parcours.q`. The bundle replays that queue in order
 * (`replayCalls`), then replaces the stub with the real tracker. Calls on the stub return
 * nothing useful: use `consent.get()` and `flush()`'s promise once the SDK is loaded.
 * A dynamically inserted script is async by default (HTML, "force async").
 */
export const LOADER_SNIPPET =
  '<script>!function(w,d,s,q,f){f=m=>new Proxy((...a)=>q.push([m,a]),{get:(t,k)=>k=="q"?q:f(m+k+".")});' +
  'w.parcours=f("",q=[]);s=d.createElement("script");s.src="https://HOST/sdk.js";s.dataset.writeKey="KEY";' +
  'd.head.append(s)}(window,document)</script>';
