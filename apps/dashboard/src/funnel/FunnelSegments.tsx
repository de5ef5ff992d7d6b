import { SegmentPicker } from '../segments/SegmentPicker.js';
import { COMPARE_PARAM, SEGMENT_PARAM } from '../segments/segmentParams.js';

export interface FunnelSegmentsProps {
  projectId: string;
  /** The segment the funnel is narrowed to, and the one it is compared with, by id. */
  segment: string | undefined;
  compare: string | undefined;
  /** The funnel's address with these URL parameters changed (`undefined` removes one). */
  hrefFor: (changes: Record<string, string | undefined>) => string;
}

/** The funnel's segment, and a second segment to show beside it. */
export function FunnelSegments({ projectId, segment, compare, hrefFor }: FunnelSegmentsProps) {
  const go = (key: string) => (segmentId: string | undefined) => {
    location.hash = hrefFor({ [key]: segmentId });
  };
  return (
    <div class="form-row" role="group" aria-label="Segments">
      <SegmentPicker
        projectId={projectId}
        id="funnel-segment"
        label="Segment"
        noneLabel="Everyone"
        value={segment}
        onChange={go(SEGMENT_PARAM)}
      />
      <SegmentPicker
        projectId={projectId}
        id="funnel-compare"
        label="Compare with"
        noneLabel="No comparison"
        value={compare}
        onChange={go(COMPARE_PARAM)}
      />
    </div>
  );
}
