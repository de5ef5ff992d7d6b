import { useState } from 'preact/hooks';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { MAX_PATH_DEPTH, PATH_LIMITS, type PathsQuery } from './parsePathsQuery.js';

export interface PathsFormProps {
  projectId: string;
  query: PathsQuery;
  onSubmit: (query: PathsQuery) => void;
}

/** Which paths to show: from a touchpoint, to a touchpoint, how long, how many. */
export function PathsForm({ projectId, query, onSubmit }: PathsFormProps) {
  const [draft, setDraft] = useState(query);

  const submit = (event: Event) => {
    event.preventDefault();
    const start = draft.start?.trim();
    const end = draft.end?.trim();
    onSubmit({
      depth: draft.depth,
      limit: draft.limit,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    });
  };

  return (
    <form class="card form-row" onSubmit={submit} aria-label="Paths to show">
      <TouchpointNameList id="path-names" projectId={projectId} />
      <div class="field field-grow">
        <label for="path-start">Starting at</label>
        <input
          id="path-start"
          list="path-names"
          autoComplete="off"
          placeholder="each person’s first touchpoint"
          value={draft.start ?? ''}
          onInput={(event) => setDraft({ ...draft, start: event.currentTarget.value })}
        />
      </div>
      <div class="field field-grow">
        <label for="path-end">Ending at</label>
        <input
          id="path-end"
          list="path-names"
          autoComplete="off"
          placeholder="anywhere"
          value={draft.end ?? ''}
          onInput={(event) => setDraft({ ...draft, end: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="path-depth">Steps</label>
        <input
          id="path-depth"
          type="number"
          min={1}
          max={MAX_PATH_DEPTH}
          required
          value={draft.depth}
          onInput={(event) => setDraft({ ...draft, depth: event.currentTarget.valueAsNumber })}
        />
      </div>
      <div class="field">
        <label for="path-limit">Top</label>
        <select
          id="path-limit"
          value={String(draft.limit)}
          onChange={(event) => setDraft({ ...draft, limit: Number(event.currentTarget.value) })}
        >
          {PATH_LIMITS.map((limit) => (
            <option key={limit} value={limit}>
              {limit} paths
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Show paths</button>
    </form>
  );
}
