import type { Paths } from '../api/types.js';

/**
 * Every touchpoint name seen in a `journeys.paths` answer, the most travelled first
 * (persons passing through it at any position; ties by name). The dashboard has no
 * "list names" call: paths deep and wide enough name every touchpoint in use.
 */
export function collectTouchpointNames(paths: {
  paths: ReadonlyArray<{ steps: readonly string[]; count: number }>;
  links: Paths['links'];
}): string[] {
  const persons = new Map<string, number>();
  const add = (name: string, count: number) => persons.set(name, (persons.get(name) ?? 0) + count);
  for (const link of paths.links) {
    if (link.depth === 0) add(link.from, link.count);
    add(link.to, link.count);
  }
  // A name seen only as a one-step path has no link.
  for (const path of paths.paths)
    for (const name of path.steps) if (!persons.has(name)) add(name, path.count);
  return [...persons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
