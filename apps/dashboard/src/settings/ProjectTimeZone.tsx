import { useState } from 'preact/hooks';
import { getBrowserTimeZone, useSetTimeZone } from '../api/useSetTimeZone.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

export interface ProjectTimeZoneProps {
  projectId: string;
  /** The project's zone now. */
  timeZone: string;
}

/** Every zone this browser knows, for suggestions: the server checks the name anyway. */
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Owners: the IANA zone the project's days, weeks and date ranges follow (`admin.setTimeZone`). */
export function ProjectTimeZone({ projectId, timeZone }: ProjectTimeZoneProps) {
  const [draft, setDraft] = useState(timeZone);
  const save = useSetTimeZone(projectId);
  const browser = getBrowserTimeZone();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (draft.trim() !== '') save.mutate({ projectId, timeZone: draft.trim() });
  };
  return (
    <section class="card" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <p class="help">
        Days, weeks and date ranges of every chart start at midnight in this zone, daylight saving included.
      </p>
      <form class="inline-form" onSubmit={onSubmit}>
        <div class="field field-grow">
          <label for="project-time-zone">IANA time zone</label>
          <input
            id="project-time-zone"
            list="time-zones"
            required
            maxLength={64}
            autoComplete="off"
            spellcheck={false}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <datalist id="time-zones">
            {ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        {browser !== draft && (
          <button type="button" class="button-secondary" onClick={() => setDraft(browser)}>
            Use {browser}
          </button>
        )}
        <button type="submit" disabled={save.isPending || draft.trim() === timeZone}>
          {save.isPending ? 'Saving…' : 'Save zone'}
        </button>
      </form>
      {save.isError && <ErrorNotice error={save.error} />}
      <p class="help" role="status">
        {save.isSuccess && `Days now follow ${save.data.timeZone}.`}
      </p>
    </section>
  );
}
