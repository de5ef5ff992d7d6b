export interface InsightFieldsProps {
  /** The fields' ids are `${idPrefix}-name` and `${idPrefix}-description`. */
  idPrefix: string;
  name: string;
  description: string;
  onChange: (change: { name?: string; description?: string }) => void;
}

/** An insight's name (required) and description, as saving and editing ask for them. */
export function InsightFields({ idPrefix, name, description, onChange }: InsightFieldsProps) {
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-name`}>Name</label>
        <input
          id={`${idPrefix}-name`}
          required
          maxLength={120}
          value={name}
          onInput={(e) => onChange({ name: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`${idPrefix}-description`}>Description</label>
        <input
          id={`${idPrefix}-description`}
          maxLength={2000}
          value={description}
          onInput={(e) => onChange({ description: e.currentTarget.value })}
        />
      </div>
    </>
  );
}
