import { createKey, type Project, type Segment, type SegmentStore } from '@parcours/store';
import type { Records } from './createRecords.js';

/** A segment's record id: unique across projects, listed by its owner (the project id). */
const recordId = (projectId: string, segmentId: string) => `${projectId}:${segmentId}`;

/**
 * Saved segments as shared records (kind `segment`, owner the project id), listed in
 * creation order as the SQLite engine lists them; a deletion is a tombstone.
 */
export function createSegmentState(
  records: Records,
  requireProject: (projectId: string) => Promise<Project>,
): SegmentStore {
  const getSegment = async (projectId: string, segmentId: string) => {
    await requireProject(projectId);
    return records.get<Segment>('segment', recordId(projectId, segmentId));
  };
  return {
    async listSegments(projectId) {
      await requireProject(projectId);
      return (await records.list<Segment>('segment', projectId)).map((row) => row.value);
    },
    getSegment,
    async createSegment(projectId, fields) {
      await requireProject(projectId);
      const now = Date.now();
      const segment: Segment = { segmentId: createKey('seg', 9), ...fields, createdAt: now, updatedAt: now };
      await records.put('segment', recordId(projectId, segment.segmentId), segment, projectId);
      return segment;
    },
    async updateSegment(projectId, segmentId, fields) {
      const found = await getSegment(projectId, segmentId);
      if (found === undefined) return undefined;
      const segment: Segment = { ...found, ...fields, updatedAt: Date.now() };
      await records.put('segment', recordId(projectId, segmentId), segment, projectId);
      return segment;
    },
    async deleteSegment(projectId, segmentId) {
      if ((await getSegment(projectId, segmentId)) === undefined) return false;
      await records.remove('segment', [recordId(projectId, segmentId)], projectId);
      return true;
    },
  };
}
