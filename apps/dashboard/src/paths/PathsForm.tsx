import { useState } from 'preact/hooks';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import {
  MAX_PATH_DEPTH,
  PATH_LIMITS,
  parseDayBound,
  toDayString,
  type PathsQuery,
} from './parsePathsQuery.js';

/** A date range as the form edits it: UTC days, empty for open. */
interface DayRange {
  from: string;
  to: string;
}

const toDays = (range: { from?: number | undefined; to?: number | undefined } | undefined): DayRange => ({
  from: range?.from === undefined ? '' : toDayString(range.from),
  to: range?.to === undefined ? '' : toDayString(range.to),
});

const fromDays = (range: DayRange) => {
  const from = parseDayBound(range.from, 'start');
  const to = parseDayBound(range.to, 'end');
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
};

export interface PathsFormProps {
  projectId: string;
  query: PathsQuery;
  /** The second flow's date range; undefined when not comparing. */
  compared: { from?: number; to?: number } | undefined;
  onSubmit: (query: PathsQuery, compared: { from?: number; to?: number } | undefined) => void;
}

/** Which paths to show: from a touchpoint, to a touchpoint, over which days, how long, how many; and a range to compare. */
export function PathsForm({ projectId, query, compared, onSubmit }: PathsFormProps) {
  const [draft, setDraft] = useState(query);
  const [range, setRange] = useState(toDays(query));
  const [versus, setVersus] = useState(toDays(compared));
  const [error, setError] = useState<string>();

  const submit = (event: Event) => {
    event.preventDefault();
    const start = draft.start?.trim();
    const end = draft.end?.trim();
    const main = fromDays(range);
    const other = fromDays(versus);
    for (const bounds of [main, other]) {
      if (bounds.from !== undefined && bounds.to !== undefined && bounds.from > bounds.to) {
        setError('A range must not end before it starts.');
        return;
      }
    }
    setError(undefined);
    onSubmit(
      {
        depth: draft.depth,
        limit: draft.limit,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        ...main,
      },
      Object.keys(other).length === 0 ? undefined : other,
    );
  };

  const day = (id: string, label: string, value: string, set: (value: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="date" value={value} onInput={(event) => set(event.currentTarget.value)} />
    </div>
  );

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
      {day('path-from', 'From', range.from, (from) => setRange({ ...range, from }))}
      {day('path-to', 'To', range.to, (to) => setRange({ ...range, to }))}
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
      <fieldset class="form-row path-compare">
        <legend>Compare with (optional)</legend>
        {day('path-vs-from', 'From', versus.from, (from) => setVersus({ ...versus, from }))}
        {day('path-vs-to', 'To', versus.to, (to) => setVersus({ ...versus, to }))}
      </fieldset>
      <button type="submit">Show paths</button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
