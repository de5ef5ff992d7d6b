import type { Page } from 'playwright-core';

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
