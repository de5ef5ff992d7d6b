import { INSIGHT_LIMITS } from './types.js';

/**
 * Checks a dashboard's tiles, as every engine must: at most `INSIGHT_LIMITS.tiles`,
 * each an insight of the project (`isInsight`), none twice. Throws a RangeError naming
 * the first bad tile.
 */
export function checkDashboardTiles(insightIds: readonly string[], isInsight: (id: string) => boolean): void {
  if (insightIds.length > INSIGHT_LIMITS.tiles) {
    throw new RangeError(`a dashboard has at most ${INSIGHT_LIMITS.tiles} tiles`);
  }
  const seen = new Set<string>();
  for (const id of insightIds) {
    if (!isInsight(id)) throw new RangeError(`tile ${id}: not a saved insight of this project`);
    if (seen.has(id)) throw new RangeError(`tile ${id}: already on this dashboard`);
    seen.add(id);
  }
}
