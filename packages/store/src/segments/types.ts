import type { SegmentDefinition } from '@parcours/schema';

/** What a segment is made of, as it is created or replaced. */
export interface SegmentFields {
  name: string;
  description: string;
  definition: SegmentDefinition;
  /** A persona: a named segment with a description (issue 11, item 6). */
  persona: boolean;
}

/** A segment saved in a project. */
export interface Segment extends SegmentFields {
  segmentId: string;
  createdAt: number;
  updatedAt: number;
}

/** A project's saved segments: who an analysis can be narrowed to (`SegmentedQuery`). */
export interface SegmentStore {
  /** The project's segments, oldest first. */
  listSegments(projectId: string): Promise<Segment[]>;
  /** One segment, or undefined when the project has none of that id. */
  getSegment(projectId: string, segmentId: string): Promise<Segment | undefined>;
  createSegment(projectId: string, fields: SegmentFields): Promise<Segment>;
  /** Replaces a segment's fields; undefined when the project has none of that id. */
  updateSegment(projectId: string, segmentId: string, fields: SegmentFields): Promise<Segment | undefined>;
  /** False when the project has no such segment. */
  deleteSegment(projectId: string, segmentId: string): Promise<boolean>;
}
