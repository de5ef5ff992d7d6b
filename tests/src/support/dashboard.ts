import type { Browser, Page } from 'playwright-core';

/**
 * Collects what Chromium says about the Content-Security-Policy on `page`: a refused
 * inline script or style attribute, an `eval`. A test expects none.
 */
export function watchCsp(page: Page, reports: string[]): void {
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) reports.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.message.includes('Content Security Policy')) reports.push(error.message);
  });
}

/** Signs in through the dashboard's form at `origin`, and waits for the signed-in navigation. */
export async function signInThroughForm(
  page: Page,
  origin: string,
  user: { email: string; password: string },
  hash = '',
): Promise<void> {
  await page.goto(`${origin}/${hash}`);
  await page.fill('#sign-in-email', user.email);
  await page.fill('#sign-in-password', user.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav[aria-label=Main]');
}

/** The text of the page's main navigation. */
export function readNav(page: Page): Promise<string> {
  return page.locator('nav[aria-label=Main]').innerText();
}

/** Where `openFromNav` signs in and which page it opens. */
export interface OpenFromNavOptions {
  origin: string;
  user: { email: string; password: string };
  width: number;
  /** The main navigation's link to click. */
  link: string;
  /** Collects the window's Content-Security-Policy reports (see `watchCsp`). */
  cspReports: string[];
  /** Called just before the link is clicked: to wait for the request it sends, say. */
  beforeClick?: (page: Page) => void;
}

/**
 * A new window `width` px wide (900 tall, `en-US`), signed in through the form, on the
 * page behind one link of the main navigation; `close` ends the window.
 */
export async function openFromNav(browser: Browser, options: OpenFromNavOptions) {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watchCsp(page, options.cspReports);
  await signInThroughForm(page, options.origin, options.user);
  options.beforeClick?.(page);
  await page.click(`nav[aria-label=Main] >> text=${options.link}`);
  return { page, close: () => context.close() };
}
