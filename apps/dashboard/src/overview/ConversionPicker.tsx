import { useEffect, useState } from 'preact/hooks';
import { TouchpointNameList } from '../components/TouchpointNameList.js';

export interface ConversionPickerProps {
  projectId: string;
  /** The touchpoint that counts as a conversion now; none: the journey map's decision stage. */
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}

/** Which touchpoint counts as a conversion: a name with suggestions, or the journey map's default. */
export function ConversionPicker({ projectId, value, onChange }: ConversionPickerProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    onChange(text.trim() || undefined);
  };

  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field">
        <label for="conversion-name">Conversion touchpoint</label>
        <input
          id="conversion-name"
          list="conversion-names"
          autoComplete="off"
          placeholder="the decision stage"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby="conversion-help"
        />
        <TouchpointNameList id="conversion-names" projectId={projectId} />
      </div>
      <button type="submit" class="button-secondary">
        Apply
      </button>
      <p id="conversion-help" class="help">
        Leave empty to count the touchpoints of the journey map’s decision stage.
      </p>
    </form>
  );
}
