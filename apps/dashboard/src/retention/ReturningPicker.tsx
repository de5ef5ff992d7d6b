import { useEffect, useState } from 'preact/hooks';
import { TouchpointNameList } from '../components/TouchpointNameList.js';

export interface ReturningPickerProps {
  projectId: string;
  /** The touchpoint that counts as coming back now; none: any touchpoint. */
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}

/** Which touchpoint counts as coming back: a name with suggestions, or any touchpoint. */
export function ReturningPicker({ projectId, value, onChange }: ReturningPickerProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    onChange(text.trim() || undefined);
  };

  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field">
        <label for="returning-name">Returning touchpoint</label>
        <input
          id="returning-name"
          list="returning-names"
          autoComplete="off"
          placeholder="any touchpoint"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby="returning-help"
        />
        <TouchpointNameList id="returning-names" projectId={projectId} />
      </div>
      <button type="submit" class="button-secondary">
        Apply
      </button>
      <p id="returning-help" class="help">
        Leave empty to count any touchpoint as a return.
      </p>
    </form>
  );
}
