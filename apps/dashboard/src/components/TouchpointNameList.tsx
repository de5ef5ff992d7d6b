import { useTouchpointNames } from '../api/useTouchpointNames.js';

/** A `<datalist>` of the project's touchpoint names, for `<input list={id}>` fields to suggest from. */
export function TouchpointNameList({ id, projectId }: { id: string; projectId: string }) {
  const names = useTouchpointNames(projectId);
  return (
    <datalist id={id}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
