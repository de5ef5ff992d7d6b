import type { ConsentCategory } from './types.js';
import type { ConsentLanguage, PublishedConsentConfig } from '@parcours/schema/consentConfig';
import {
  addStyles,
  createElement,
  renderDialog,
  renderFirstLayer,
  renderPreferences,
} from './renderBanner.js';
import type { Banner, BannerFields, BannerOptions, BannerSource, ConsentTracker } from './types.js';

/** The tracker, once it is the loaded SDK (the loader snippet's stub has a `q` and no real `review`). */
const getTracker = (options: BannerOptions) => {
  const tracker = options.tracker || (window as unknown as { parcours?: ConsentTracker }).parcours;
  return tracker && !(tracker as { q?: unknown }).q ? tracker : undefined;
};

/** Runs `fn` once the document is parsed: every `defer` script, the SDK's included, has run. */
const whenParsed = () =>
  new Promise<void>((resolve) =>
    document.readyState == 'loading' ? addEventListener('DOMContentLoaded', () => resolve()) : resolve(),
  );

/** `fr` for French, else `en`: from the option, else the browser's language. */
const getLanguage = (lang = navigator.language): ConsentLanguage => (/^fr\b/i.test(lang) ? 'fr' : 'en');

/**
 * Shows the project's published consent settings and drives the tracker's consent API.
 * Nothing is stored by the banner: the SDK keeps the decision, with the published version
 * and time, and `consent.review` says on each page whether it still stands (same version,
 * younger than `reaskMonths`); until then the SDK sends nothing.
 */
export const createBanner = (options: BannerOptions): Banner => {
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const lang = getLanguage(options.lang);
  let config: PublishedConsentConfig;
  let tracker: ConsentTracker | undefined;
  let dialog: HTMLElement | undefined;
  let floating: HTMLElement | undefined;
  /** Where focus was before the banner opened: it goes back there on close. */
  let before: Element | null = null;
  /** A choice stands (stored and current, or made in this page). */
  let decided = false;

  const close = () => {
    dialog?.remove();
    dialog = undefined;
    if (options.button && !floating) {
      floating = createElement('button', 'pcb-f', config.texts[lang].reopen, { type: 'button', lang });
      floating.onclick = () => open();
      document.body.append(floating);
    }
    (before as HTMLElement | null)?.focus?.();
  };

  /** Applies exactly `chosen`: a grant when it only adds, else a withdrawal first. */
  const decide = (
    chosen: ConsentCategory[],
    action: BannerFields['action'],
    source: BannerSource = 'banner',
  ) => {
    const consent = tracker!.consent;
    const now = consent.get();
    const fields: BannerFields = {
      action: action == 'refuse_all' && now[0] ? 'withdraw' : action,
      locale: lang,
      path: location.pathname,
      gpc,
      configHash: config.configHash,
      policyVersion: '' + config.policyVersion,
    };
    if (now.every((category) => chosen.includes(category))) consent.grant(chosen, source, fields);
    else {
      consent.deny(
        now.filter((category) => !chosen.includes(category)),
        source,
        fields,
      );
      const added = chosen.filter((category) => !now.includes(category));
      if (added[0]) consent.grant(added, source, fields);
    }
    decided = true;
    close();
  };

  const refuseAll = () => decide([], 'refuse_all');
  // With GPC, "accept all" cannot grant marketing: the signal refused it, and the record says so.
  const acceptAll = () => {
    const offered = config.categories;
    const kept = gpc ? offered.filter((category) => category != 'marketing') : offered;
    decide(
      kept,
      kept.length < offered.length ? 'gpc_default' : 'accept_all',
      kept.length < offered.length ? 'gpc' : 'banner',
    );
  };

  /** Shows `layer` in a fresh dialog, first in the page's tab order, and focuses its first control. */
  const show = (layer: 'first' | 'preferences') => {
    if (!dialog) before = document.activeElement;
    dialog?.remove();
    // × and Escape: a refusal before any choice; afterwards (a change of mind) they change nothing.
    const dismiss = () => (decided ? close() : layer == 'preferences' ? show('first') : refuseAll());
    dialog = renderDialog(config.texts[lang], lang, dismiss);
    // (A handler property that returns false cancels the key: Tab would not move.)
    dialog.onkeydown = (event) => void (event.key == 'Escape' && dismiss());
    if (layer == 'first')
      renderFirstLayer(dialog, config, lang, gpc, {
        acceptAll,
        refuseAll,
        customise: () => show('preferences'),
      });
    else
      renderPreferences(dialog, config, lang, gpc, decided ? tracker!.consent.get() : [], (chosen) =>
        decide(
          chosen,
          chosen.length == config.categories.length ? 'accept_all' : chosen[0] ? 'custom' : 'refuse_all',
        ),
      );
    document.body.prepend(dialog);
    (dialog.querySelector(layer == 'first' ? '.pcb-p' : 'input') as HTMLElement).focus();
  };

  const url =
    options.host +
    '/trpc/consent.config?input=' +
    encodeURIComponent(JSON.stringify({ writeKey: options.writeKey }));
  const ready = Promise.all([
    // Revalidated on every page (the ETag makes it a 304): a new version must be asked at once,
    // not after the minute the procedure lets caches keep it.
    fetch(url, { cache: 'no-cache' }).then((response) => response.json()),
    whenParsed(),
  ]).then(async ([answer]) => {
    config = (answer as { result: { data: PublishedConsentConfig } }).result.data;
    // An `async` SDK tag may still be on its way: wait for the page's load, once.
    tracker =
      getTracker(options) ||
      (await new Promise((resolve) => addEventListener('load', resolve)), getTracker(options));
    if (!tracker) throw new Error('parcours: no tracker (window.parcours) to drive');
    tracker.consent.open = open;
    addStyles();
    const since = new Date();
    since.setMonth(since.getMonth() - config.reaskMonths);
    decided = tracker.consent.review(config.policyVersion, +since);
    if (decided) close();
    else show('first');
  });

  function open() {
    void ready.then(() => show('preferences'));
  }

  return { open, ready };
};
