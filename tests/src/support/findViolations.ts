import axe, { type AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's violations in `page`, one readable line per failing element, plus any
 * sideways overflow (WCAG 1.4.10, reflow: the page itself must not scroll sideways).
 * The page's CSP blocks an inline <script>; `evaluate` runs outside it.
 */
export async function findViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run(),
  );
  const lines = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} — ${node.target.join(' ')}`),
  );
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) lines.push(`reflow: ${scrollWidth} px wide in ${clientWidth} px`);
  return lines;
}
