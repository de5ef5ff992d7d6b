import { ChannelSelect } from './ChannelSelect.js';
import { TouchpointNameField } from './TouchpointNameField.js';
import type { FunnelExclusionDefinition } from './parseFunnelDefinition.js';

export interface FunnelExclusionRowProps {
  /** 0-based position of the exclusion. */
  index: number;
  exclusion: FunnelExclusionDefinition;
  /** The funnel's steps, by name: an exclusion sits between one of them and the next. */
  stepNames: readonly string[];
  namesListId: string;
  onChange: (exclusion: FunnelExclusionDefinition) => void;
  onRemove: () => void;
}

/** One exclusion of the funnel form: a touchpoint (name, channel) that ends a chain between two steps. */
export function FunnelExclusionRow({
  index,
  exclusion,
  stepNames,
  namesListId,
  onChange,
  onRemove,
}: FunnelExclusionRowProps) {
  const id = (part: string) => `funnel-exclusion-${part}-${index}`;
  return (
    <li class="funnel-step-row">
      <TouchpointNameField
        id={id('name')}
        label="Not counted further if they do"
        namesListId={namesListId}
        placeholder="a touchpoint name, e.g. Cart emptied"
        value={exclusion.name}
        onInput={(name) => onChange({ ...exclusion, name })}
      />
      <div class="field">
        <label for={id('channel')}>Channel</label>
        <ChannelSelect
          id={id('channel')}
          value={exclusion.channel}
          onChange={(channel) => {
            const { channel: _old, ...rest } = exclusion;
            onChange(channel ? { ...rest, channel } : rest);
          }}
        />
      </div>
      <div class="field">
        <label for={id('after')}>Between</label>
        <select
          id={id('after')}
          class="select-wide"
          value={String(exclusion.afterStep)}
          onChange={(event) => onChange({ ...exclusion, afterStep: Number(event.currentTarget.value) })}
        >
          {stepNames.slice(0, -1).map((name, step) => (
            <option key={step} value={String(step + 1)}>
              step {step + 1} and {step + 2} ({name || 'unnamed'} → {stepNames[step + 1] || 'unnamed'})
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        class="button-secondary"
        onClick={onRemove}
        aria-label={`Remove exclusion ${index + 1}`}
      >
        Remove
      </button>
    </li>
  );
}
