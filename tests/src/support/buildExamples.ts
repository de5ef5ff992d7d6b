import { join } from 'node:path';
import { EXAMPLES } from './paths.js';

/**
 * Vitest global setup: bundles examples/spa-npm once, before any file runs. Two
 * browser files serve its `dist/app.js`; built by each of them, one could read the
 * file while the other, running beside it, rewrites it.
 */
export default async function buildExamples(): Promise<void> {
  const { buildSpa } = (await import(join(EXAMPLES, 'spa-npm', 'build.js'))) as {
    buildSpa: () => Promise<unknown>;
  };
  await buildSpa();
}
