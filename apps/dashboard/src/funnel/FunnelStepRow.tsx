import { ChannelSelect } from './ChannelSelect.js';
import { TouchpointNameField } from './TouchpointNameField.js';
import type { FunnelStepDefinition } from './parseFunnelDefinition.js';

export interface FunnelStepRowProps {
  /** 0-based position of the step. */
  index: number;
  step: FunnelStepDefinition;
  /** The id of the `<datalist>` of touchpoint names to suggest. */
  namesListId: string;
  onChange: (step: FunnelStepDefinition) => void;
  /** Absent when the step cannot be removed (a funnel keeps one step). */
  onRemove: (() => void) | undefined;
}

/** One step of the funnel form: a touchpoint name with suggestions and an optional channel. */
export function FunnelStepRow({ index, step, namesListId, onChange, onRemove }: FunnelStepRowProps) {
  const nameId = `funnel-step-${index}`;
  const channelId = `funnel-channel-${index}`;
  return (
    <li class="funnel-step-row">
      <TouchpointNameField
        id={nameId}
        label={`Step ${index + 1}`}
        namesListId={namesListId}
        placeholder="a touchpoint name"
        value={step.name}
        onInput={(name) => onChange({ ...step, name })}
      />
      <div class="field">
        <label for={channelId}>Channel</label>
        <ChannelSelect
          id={channelId}
          value={step.channel}
          onChange={(channel) => onChange(channel ? { name: step.name, channel } : { name: step.name })}
        />
      </div>
      {onRemove && (
        <button
          type="button"
          class="button-secondary"
          onClick={onRemove}
          aria-label={`Remove step ${index + 1}`}
        >
          Remove
        </button>
      )}
    </li>
  );
}
