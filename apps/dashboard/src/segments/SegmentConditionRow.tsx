import { ChannelSelect } from '../funnel/ChannelSelect.js';
import { TouchpointNameField } from '../funnel/TouchpointNameField.js';
import type { ConditionDraft } from './segmentDraft.js';

export interface SegmentConditionRowProps {
  /** The row's place in its fields' ids: `0` gives `#segment-name-0`, `2-1` `#segment-name-2-1`. */
  rowId: string;
  /** The row's name on the page: `Condition 1`, `Condition 3.2` (row 2 of the group at 3). */
  label: string;
  condition: ConditionDraft;
  /** The id of the `<datalist>` of touchpoint names to suggest. */
  namesListId: string;
  /** The fields changed (a patch, applied to the latest draft). */
  onChange: (patch: Partial<ConditionDraft>) => void;
  /** Absent when the row cannot be removed (a segment keeps one condition). */
  onRemove: (() => void) | undefined;
}

const KIND_LABELS: Record<ConditionDraft['kind'], string> = {
  did: 'did',
  didNot: 'did not do',
  trait: 'has the property',
};

/** One condition of the segment builder: did / did not do a touchpoint (channel, times, days, property), or a person property. */
export function SegmentConditionRow({
  rowId,
  label,
  condition,
  namesListId,
  onChange,
  onRemove,
}: SegmentConditionRowProps) {
  const id = (field: string) => `segment-${field}-${rowId}`;
  const set = onChange;
  const isTouchpoint = condition.kind !== 'trait';
  return (
    <li class="funnel-step-row">
      <div class="field">
        <label for={id('kind')}>{label}</label>
        <select
          id={id('kind')}
          value={condition.kind}
          onChange={(event) => set({ kind: event.currentTarget.value as ConditionDraft['kind'] })}
        >
          {Object.entries(KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {isTouchpoint ? (
        <TouchpointNameField
          id={id('name')}
          label="Touchpoint"
          namesListId={namesListId}
          placeholder="a touchpoint name"
          value={condition.name}
          onInput={(name) => set({ name })}
        />
      ) : (
        <div class="field">
          <label for={id('name')}>Property</label>
          <input
            id={id('name')}
            autoComplete="off"
            placeholder="plan, country…"
            value={condition.name}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        </div>
      )}
      {isTouchpoint && (
        <>
          <div class="field">
            <label for={id('channel')}>Channel</label>
            <ChannelSelect
              id={id('channel')}
              value={condition.channel}
              onChange={(channel) => set({ channel })}
            />
          </div>
          {condition.kind === 'did' && (
            <div class="field">
              <label for={id('times')}>At least (times)</label>
              <input
                id={id('times')}
                type="number"
                min={1}
                max={10000}
                value={condition.minCount}
                onInput={(event) => set({ minCount: event.currentTarget.value })}
              />
            </div>
          )}
          <div class="field">
            <label for={id('from')}>From</label>
            <input
              id={id('from')}
              type="date"
              value={condition.fromDay}
              onInput={(e) => set({ fromDay: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={id('to')}>To</label>
            <input
              id={id('to')}
              type="date"
              value={condition.toDay}
              onInput={(e) => set({ toDay: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={id('property')}>With property</label>
            <input
              id={id('property')}
              autoComplete="off"
              placeholder="none"
              value={condition.property}
              onInput={(event) => set({ property: event.currentTarget.value })}
            />
          </div>
        </>
      )}
      {(!isTouchpoint || condition.property.trim() !== '') && (
        <div class="field">
          <label for={id('value')}>Equal to</label>
          <input
            id={id('value')}
            autoComplete="off"
            placeholder="pro, 42, true"
            value={condition.value}
            onInput={(event) => set({ value: event.currentTarget.value })}
          />
        </div>
      )}
      {onRemove && (
        <button
          type="button"
          class="button-secondary"
          onClick={onRemove}
          aria-label={`Remove ${label.toLowerCase()}`}
        >
          Remove
        </button>
      )}
    </li>
  );
}
