import type { SegmentDefinition } from '@parcours/schema';

/** What every journey question that can be narrowed to a segment carries. */
export interface SegmentedQuery {
  /**
   * Only the persons this definition holds (see `compileSegment`); a saved segment is
   * resolved to its definition before the store is asked. Default every person.
   */
  segment?: SegmentDefinition | undefined;
}
