import type { JourneyStage } from '../api/types.js';

/** Stages a journey map holds at most, and touchpoints a stage, as the API allows. */
export const MAX_STAGES = 20;
export const MAX_STAGE_TOUCHPOINTS = 50;

/** One change the journey map editor makes. Indexes are 0-based. */
export type JourneyMapEdit =
  | { type: 'addStage'; name: string }
  | { type: 'removeStage'; stage: number }
  | { type: 'renameStage'; stage: number; name: string }
  | { type: 'moveStage'; stage: number; by: -1 | 1 }
  | { type: 'addTouchpoint'; stage: number; name: string; channel?: string | undefined }
  | { type: 'removeTouchpoint'; stage: number; touchpoint: number }
  | { type: 'markTouchpoint'; stage: number; touchpoint: number; mark: TouchpointMark; on: boolean };

/** What a touchpoint can be marked as on the map: a goal (the journey done), a moment of truth. */
export type TouchpointMark = 'goal' | 'momentOfTruth';

/**
 * The journey map after one edit, as a new array (the editor's state is immutable).
 * Edits that make no sense (an index out of range, a blank or repeated touchpoint,
 * a move past either end) leave the map as it was.
 */
export function editJourneyMap(stages: readonly JourneyStage[], edit: JourneyMapEdit): JourneyStage[] {
  const next = stages.map((stage) => ({ ...stage, touchpoints: [...stage.touchpoints] }));
  const stage = 'stage' in edit ? next[edit.stage] : undefined;
  switch (edit.type) {
    case 'addStage':
      if (next.length < MAX_STAGES) next.push({ name: edit.name, touchpoints: [] });
      return next;
    case 'removeStage':
      return next.filter((_, index) => index !== edit.stage);
    case 'renameStage':
      if (stage) stage.name = edit.name;
      return next;
    case 'moveStage': {
      const to = edit.stage + edit.by;
      if (!stage || to < 0 || to >= next.length) return next;
      next.splice(edit.stage, 1);
      next.splice(to, 0, stage);
      return next;
    }
    case 'addTouchpoint': {
      const name = edit.name.trim();
      const channel = edit.channel?.trim() || undefined;
      const isThere = stage?.touchpoints.some((t) => t.name === name && t.channel === channel);
      if (stage && name && !isThere && stage.touchpoints.length < MAX_STAGE_TOUCHPOINTS) {
        stage.touchpoints.push(channel ? { name, channel } : { name });
      }
      return next;
    }
    case 'removeTouchpoint':
      if (stage) stage.touchpoints.splice(edit.touchpoint, 1);
      return next;
    case 'markTouchpoint': {
      const touchpoint = stage?.touchpoints[edit.touchpoint];
      if (!stage || !touchpoint) return next;
      const { [edit.mark]: _was, ...rest } = touchpoint;
      stage.touchpoints[edit.touchpoint] = edit.on ? { ...rest, [edit.mark]: true } : rest;
      return next;
    }
  }
}

/**
 * Why the map cannot be saved, in words, or `undefined` when it can: the API wants at
 * least one stage and unique, non-blank stage names (compared trimmed, as it trims them).
 */
export function findJourneyMapProblem(stages: readonly JourneyStage[]): string | undefined {
  if (stages.length === 0) return 'Add at least one stage.';
  const names = stages.map((stage) => stage.name.trim());
  if (names.some((name) => name === '')) return 'Every stage needs a name.';
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) return `Two stages are named “${repeated}”: stage names must be unique.`;
  return undefined;
}
