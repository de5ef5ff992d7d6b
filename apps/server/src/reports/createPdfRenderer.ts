import { chromium, type Browser } from 'playwright-core';

export interface PdfRendererOptions {
  /** Chromium's binary. Default `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
  executablePath?: string | undefined;
}

export interface PdfRenderer {
  /** Prints a self-contained HTML page to an A4 PDF. */
  render(html: string): Promise<Uint8Array>;
  /** Closes Chromium, if it was started. */
  close(): Promise<void>;
}

/**
 * Prints reports with Chromium (through playwright-core), started at the first report
 * and kept for the next. Each page runs without JavaScript and may load nothing but
 * `data:` URLs (the logo): a report's HTML holds collected names, escaped, and must
 * never reach the network.
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  let browser: Promise<Browser> | undefined;
  const getBrowser = () =>
    (browser ??= chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }));
  return {
    async render(html) {
      const context = await (await getBrowser()).newContext({ javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      const started = browser;
      browser = undefined;
      if (started) await (await started).close();
    },
  };
}
