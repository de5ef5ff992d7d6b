import { useState } from 'preact/hooks';
import type { JourneyStage } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { KNOWN_CHANNELS } from '../format/getChannelBadge.js';
import type { JourneyMapEdit, TouchpointMark } from './editJourneyMap.js';

/** The marks a touchpoint can carry, as the editor's toggles name them. */
const MARKS: ReadonlyArray<{ mark: TouchpointMark; label: string }> = [
  { mark: 'goal', label: 'Goal' },
  { mark: 'momentOfTruth', label: 'Moment of truth' },
];

export interface StageEditorProps {
  stage: JourneyStage;
  /** 0-based position of the stage. */
  index: number;
  stageCount: number;
  /** The id of the `<datalist>` of touchpoint names to suggest. */
  namesListId: string;
  onEdit: (edit: JourneyMapEdit) => void;
}

/** One stage of the journey map editor: its name and order, its touchpoints, a way to add one. */
export function StageEditor({ stage, index, stageCount, namesListId, onEdit }: StageEditorProps) {
  const [name, setName] = useState('');
  const [channel, setChannel] = useState('');
  const prefix = `stage-${index}`;

  const addTouchpoint = () => {
    onEdit({ type: 'addTouchpoint', stage: index, name, channel });
    setName('');
  };

  return (
    <li class="card stage-editor">
      <div class="form-row">
        <div class="field field-grow">
          <label for={`${prefix}-name`}>Stage {index + 1}</label>
          <input
            id={`${prefix}-name`}
            required
            maxLength={100}
            value={stage.name}
            onInput={(event) =>
              onEdit({ type: 'renameStage', stage: index, name: event.currentTarget.value })
            }
          />
        </div>
        <button
          type="button"
          class="button-secondary"
          disabled={index === 0}
          onClick={() => onEdit({ type: 'moveStage', stage: index, by: -1 })}
          aria-label={`Move stage ${index + 1} earlier`}
        >
          ↑
        </button>
        <button
          type="button"
          class="button-secondary"
          disabled={index === stageCount - 1}
          onClick={() => onEdit({ type: 'moveStage', stage: index, by: 1 })}
          aria-label={`Move stage ${index + 1} later`}
        >
          ↓
        </button>
        <button
          type="button"
          class="button-secondary"
          disabled={stageCount === 1}
          onClick={() => onEdit({ type: 'removeStage', stage: index })}
        >
          Remove stage
        </button>
      </div>
      <ul
        class="chips editor-touchpoints"
        aria-label={`Touchpoints of ${stage.name || `stage ${index + 1}`}`}
      >
        {stage.touchpoints.map((touchpoint, at) => (
          <li key={`${touchpoint.name}|${touchpoint.channel ?? ''}`} class="chip">
            {touchpoint.name} {touchpoint.channel && <ChannelBadge channel={touchpoint.channel} />}
            {MARKS.map(({ mark, label }) => (
              <button
                key={mark}
                type="button"
                class="chip-mark"
                aria-pressed={touchpoint[mark] === true}
                onClick={() =>
                  onEdit({
                    type: 'markTouchpoint',
                    stage: index,
                    touchpoint: at,
                    mark,
                    on: touchpoint[mark] !== true,
                  })
                }
                aria-label={`${label}: ${touchpoint.name}${touchpoint.channel ? ` on ${touchpoint.channel}` : ''}`}
              >
                {label}
              </button>
            ))}
            <button
              type="button"
              class="chip-remove"
              onClick={() => onEdit({ type: 'removeTouchpoint', stage: index, touchpoint: at })}
              aria-label={`Remove ${touchpoint.name}${touchpoint.channel ? ` on ${touchpoint.channel}` : ''}`}
            >
              ×
            </button>
          </li>
        ))}
        {stage.touchpoints.length === 0 && <li class="muted">No touchpoints yet.</li>}
      </ul>
      <div class="form-row">
        <div class="field field-grow">
          <label for={`${prefix}-touchpoint`}>Add a touchpoint</label>
          <input
            id={`${prefix}-touchpoint`}
            list={namesListId}
            autoComplete="off"
            placeholder="a touchpoint name"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter adds the touchpoint here rather than saving the whole map.
              if (event.key === 'Enter') {
                event.preventDefault();
                addTouchpoint();
              }
            }}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-channel`}>Channel</label>
          <select
            id={`${prefix}-channel`}
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value)}
          >
            <option value="">Any channel</option>
            {KNOWN_CHANNELS.map((known) => (
              <option key={known} value={known}>
                {known}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="button-secondary" disabled={name.trim() === ''} onClick={addTouchpoint}>
          Add
        </button>
      </div>
    </li>
  );
}
