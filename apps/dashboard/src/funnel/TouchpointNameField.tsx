export interface TouchpointNameFieldProps {
  id: string;
  label: string;
  /** The id of the `<datalist>` of touchpoint names to suggest. */
  namesListId: string;
  placeholder: string;
  value: string;
  onInput: (name: string) => void;
}

/** A required touchpoint name with suggestions, as the funnel form's steps and exclusions take it. */
export function TouchpointNameField({
  id,
  label,
  namesListId,
  placeholder,
  value,
  onInput,
}: TouchpointNameFieldProps) {
  return (
    <div class="field field-grow">
      <label for={id}>{label}</label>
      <input
        id={id}
        list={namesListId}
        required
        autoComplete="off"
        spellcheck={false}
        placeholder={placeholder}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
