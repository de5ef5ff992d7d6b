import { SegmentConditionRow } from './SegmentConditionRow.js';
import type { GroupDraft, SegmentDraftEdit } from './segmentDraft.js';

export interface SegmentGroupFieldsProps {
  /** The group's place among the segment's conditions. */
  index: number;
  group: GroupDraft;
  namesListId: string;
  /** The segment has all the rows it may have. */
  isFull: boolean;
  /** The group is the segment's only condition: it cannot be removed. */
  isOnly: boolean;
  onEdit: (edit: SegmentDraftEdit) => void;
}

/** A group of the segment builder: its own rows, all or any of them, as one condition of the segment. */
export function SegmentGroupFields({
  index,
  group,
  namesListId,
  isFull,
  isOnly,
  onEdit,
}: SegmentGroupFieldsProps) {
  const name = `Group ${index + 1}`;
  return (
    <li class="segment-group">
      <fieldset>
        <legend>{name}</legend>
        <div class="field">
          <label for={`segment-group-combinator-${index}`}>Persons matching</label>
          <select
            id={`segment-group-combinator-${index}`}
            value={group.combinator}
            onChange={(event) =>
              onEdit({ type: 'setGroup', index, combinator: event.currentTarget.value as 'and' | 'or' })
            }
          >
            <option value="and">all of the group (and)</option>
            <option value="or">any of the group (or)</option>
          </select>
        </div>
        <ol class="funnel-step-rows" aria-label={`${name}'s conditions`}>
          {group.conditions.map((condition, row) => (
            <SegmentConditionRow
              key={row}
              rowId={`${index}-${row}`}
              label={`Condition ${index + 1}.${row + 1}`}
              condition={condition}
              namesListId={namesListId}
              onChange={(patch) => onEdit({ type: 'setRow', path: [index, row], patch })}
              onRemove={() => onEdit({ type: 'remove', path: [index, row] })}
            />
          ))}
        </ol>
        <div class="form-row">
          <button
            type="button"
            class="button-secondary"
            disabled={isFull}
            onClick={() => onEdit({ type: 'addRow', group: index })}
          >
            Add a condition to {name.toLowerCase()}
          </button>
          <button
            type="button"
            class="button-secondary"
            disabled={isOnly}
            onClick={() => onEdit({ type: 'remove', path: [index] })}
          >
            Remove {name.toLowerCase()}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
