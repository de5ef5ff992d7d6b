import { SegmentPicker } from './SegmentPicker.js';
import { COMPARE_PARAM, SEGMENT_PARAM } from './segmentParams.js';

export interface SegmentPairPickerProps {
  projectId: string;
  /** The page's own name for its ids: `funnel` gives `#funnel-segment` and `#funnel-compare`. */
  idPrefix: string;
  /** The segment the page is narrowed to, and the one it is compared with, by id. */
  segment: string | undefined;
  compare: string | undefined;
  /** The page's address with these URL parameters changed (`undefined` removes one). */
  hrefFor: (changes: Record<string, string | undefined>) => string;
}

/** A page's segment (`?segment=`), and a second segment to show beside it (`?compare=`). */
export function SegmentPairPicker({
  projectId,
  idPrefix,
  segment,
  compare,
  hrefFor,
}: SegmentPairPickerProps) {
  const go = (key: string) => (segmentId: string | undefined) => {
    location.hash = hrefFor({ [key]: segmentId });
  };
  return (
    <div class="form-row" role="group" aria-label="Segments">
      <SegmentPicker
        projectId={projectId}
        id={`${idPrefix}-segment`}
        label="Segment"
        noneLabel="Everyone"
        value={segment}
        onChange={go(SEGMENT_PARAM)}
      />
      <SegmentPicker
        projectId={projectId}
        id={`${idPrefix}-compare`}
        label="Compare with"
        noneLabel="No comparison"
        value={compare}
        onChange={go(COMPARE_PARAM)}
      />
    </div>
  );
}
