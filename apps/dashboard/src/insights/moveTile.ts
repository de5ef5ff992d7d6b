/** The tiles with the one at `index` moved by `step` places (−1 earlier, +1 later), clamped to the ends. */
export function moveTile(insightIds: readonly string[], index: number, step: number): string[] {
  const next = [...insightIds];
  const target = Math.min(Math.max(index + step, 0), next.length - 1);
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}
