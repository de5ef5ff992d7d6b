/**
 * The entry of one of the store's worker threads (`journeyWorker`, `checkpointWorker`),
 * next to this file in the build; from the sources (tests run them), the build's.
 */
export function getWorkerUrl(name: string): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL(`../../dist/sqlite/${name}.js`, here) : new URL(`./${name}.js`, here);
}
