import type { Browser } from 'playwright-core';
import { launchChromium } from './launchChromium.js';
import { EXAMPLES } from './paths.js';
import { serveFolder } from './serveFolder.js';
import { startCollector, type Collector } from './startCollector.js';

/** What a browser end-to-end test runs against. */
export interface E2E {
  browser: Browser;
  /** The real server on 127.0.0.1 over a real SQLite file. */
  collector: Collector;
  /** `examples/` served on localhost: another origin than the collector's. */
  site: { origin: string; close: () => void };
  stop: () => Promise<void>;
}

/** Chromium, the collector and the examples' site, started together. */
export async function startE2E(): Promise<E2E> {
  const [browser, collector, site] = await Promise.all([
    launchChromium(),
    startCollector(),
    serveFolder(EXAMPLES),
  ]);
  return {
    browser,
    collector,
    site,
    async stop() {
      await browser.close();
      site.close();
      await collector.stop();
    },
  };
}
