import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';

export interface SegmentPickerProps {
  projectId: string;
  /** The `id` of the select. */
  id: string;
  label: string;
  /** What no segment means here: "Everyone", "Nobody to compare". */
  noneLabel: string;
  /** The saved segment chosen now, by id. */
  value: string | undefined;
  onChange: (segmentId: string | undefined) => void;
}

/** One of the project's saved segments, or none; the page keeps the choice in its URL. */
export function SegmentPicker({ projectId, id, label, noneLabel, value, onChange }: SegmentPickerProps) {
  const trpc = useTRPC();
  const segments = useQuery({ ...trpc.segments.list.queryOptions({ projectId }), meta: { live: false } });
  const known = segments.data ?? [];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
      >
        <option value="">{noneLabel}</option>
        {known.map((segment) => (
          <option key={segment.segmentId} value={segment.segmentId}>
            {segment.persona ? `Persona: ${segment.name}` : segment.name}
          </option>
        ))}
        {value && segments.isSuccess && !known.some((segment) => segment.segmentId === value) && (
          <option value={value}>a deleted segment</option>
        )}
      </select>
    </div>
  );
}

/** The segment picker of a page whose URL keeps the segment in `?segment=`: a row of its own. */
export function PageSegmentPicker({
  projectId,
  value,
  hrefFor,
}: {
  projectId: string;
  value: string | undefined;
  hrefFor: (segmentId: string | undefined) => string;
}) {
  return (
    <div class="form-row">
      <SegmentPicker
        projectId={projectId}
        id="page-segment"
        label="Segment"
        noneLabel="Everyone"
        value={value}
        onChange={(segmentId) => {
          location.hash = hrefFor(segmentId);
        }}
      />
    </div>
  );
}
