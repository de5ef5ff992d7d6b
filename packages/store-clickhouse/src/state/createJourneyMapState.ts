import { randomBytes } from 'node:crypto';
import {
  MAIN_JOURNEY_MAP_ID,
  MAIN_JOURNEY_MAP_NAME,
  type JourneyMapEngine,
  type JourneyStage,
  type Project,
  type SavedJourneyMap,
} from '@parcours/store';
import type { Records, StoredRecord } from './createRecords.js';

/**
 * Journey maps as shared records (kind `journey_map`, owner the project id), one record
 * per saved version, never rewritten: `<project>:<map>@<version>:<random>`. Two
 * processes saving the same version of a map both insert; the first insert (lowest
 * record version) is that version, and each writer reads back which one won, so the
 * later one answers a conflict instead of overwriting (first writer wins, as the
 * SQLite transaction does). The order is the processes' clocks': two saves of one
 * version could both be told they won only if the later-stamped one's read came
 * before the earlier-stamped one's insert landed (clock skew between two servers plus
 * an insert's time in flight: milliseconds, for two people saving the same map).
 * Before several maps, a project's one map was the record `journey_map`/`<project>`
 * (owner ''): it reads as the main map at version 1 until the main map is saved.
 */
export function createJourneyMapState(
  records: Records,
  requireProject: (projectId: string) => Promise<Project>,
): JourneyMapEngine {
  const readMaps = async (projectId: string) => {
    await requireProject(projectId);
    const rows = await records.list<SavedJourneyMap>('journey_map', projectId);
    // Rows come in creation order: each map's first row places it, the first row of its highest version is it.
    const maps = new Map<string, StoredRecord<SavedJourneyMap>>();
    for (const row of rows) {
      const seen = maps.get(row.value.mapId);
      if (seen === undefined || row.value.version > seen.value.version) maps.set(row.value.mapId, row);
    }
    if (!maps.has(MAIN_JOURNEY_MAP_ID)) {
      const legacy = await records.get<JourneyStage[]>('journey_map', projectId);
      if (legacy !== undefined) return [legacyMain(legacy), ...[...maps.values()].map((row) => row.value)];
    }
    return [...maps.values()].map((row) => row.value);
  };
  const readMap = async (projectId: string, mapId: string) =>
    (await readMaps(projectId)).find((map) => map.mapId === mapId);
  const recordIdsOf = async (projectId: string, mapId: string) =>
    (await records.list<SavedJourneyMap>('journey_map', projectId))
      .filter((row) => row.value.mapId === mapId)
      .map((row) => row.id);

  return {
    listJourneyMaps: readMaps,
    getJourneyMapRecord: readMap,
    async writeJourneyMap(projectId, map) {
      const current = await readMap(projectId, map.mapId);
      if ((current?.version ?? 0) !== map.version - 1) return { written: false, current };
      const id = `${projectId}:${map.mapId}@${map.version}:${randomBytes(6).toString('hex')}`;
      await records.put('journey_map', id, map, projectId);
      const rows = await records.list<SavedJourneyMap>('journey_map', projectId);
      const winner = rows.find((row) => row.value.mapId === map.mapId && row.value.version === map.version);
      if (winner?.id === id) return { written: true };
      return { written: false, current: await readMap(projectId, map.mapId) };
    },
    async deleteJourneyMap(projectId, mapId) {
      await requireProject(projectId);
      const ids = await recordIdsOf(projectId, mapId);
      await records.remove('journey_map', ids, projectId);
      return ids.length > 0;
    },
  };
}

function legacyMain(stages: JourneyStage[]): SavedJourneyMap {
  return {
    mapId: MAIN_JOURNEY_MAP_ID,
    name: MAIN_JOURNEY_MAP_NAME,
    stages,
    version: 1,
    updatedAt: 0,
    updatedBy: null,
  };
}
