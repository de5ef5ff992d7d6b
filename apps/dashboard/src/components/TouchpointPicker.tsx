import { useEffect, useState } from 'preact/hooks';
import { TouchpointNameList } from './TouchpointNameList.js';

export interface TouchpointPickerProps {
  projectId: string;
  /** The `id` of the name field; its suggestions and help take it as a prefix. */
  id: string;
  label: string;
  /** What an empty field means, shown in it. */
  placeholder: string;
  help: string;
  /** The name chosen now; none: the default the placeholder names. */
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}

/** A touchpoint name with suggestions, applied on submit; empty for the page's default. */
export function TouchpointPicker({
  projectId,
  id,
  label,
  placeholder,
  help,
  value,
  onChange,
}: TouchpointPickerProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    onChange(text.trim() || undefined);
  };

  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          list={`${id}s`}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby={`${id}-help`}
        />
        <TouchpointNameList id={`${id}s`} projectId={projectId} />
      </div>
      <button type="submit" class="button-secondary">
        Apply
      </button>
      <p id={`${id}-help`} class="help">
        {help}
      </p>
    </form>
  );
}
