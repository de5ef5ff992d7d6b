import { getBrowserTimeZone, useSetTimeZone } from '../api/useSetTimeZone.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

export interface FirstRunTimeZoneProps {
  projectId: string;
  timeZone: string;
}

/**
 * On a new project's first run, an owner whose browser is in another zone than the
 * project's (UTC for one made with `parcours project create`) sets it in one click,
 * before any day is counted.
 */
export function FirstRunTimeZone({ projectId, timeZone }: FirstRunTimeZoneProps) {
  const save = useSetTimeZone(projectId);
  const browser = getBrowserTimeZone();
  if (browser === timeZone && !save.isSuccess) return null;
  return (
    <div class="first-run-zone">
      <p class="help" role="status">
        {save.isSuccess ? `Days follow ${save.data.timeZone}.` : `Days follow ${timeZone}.`}
      </p>
      {!save.isSuccess && (
        <button
          type="button"
          class="button-secondary"
          disabled={save.isPending}
          onClick={() => save.mutate({ projectId, timeZone: browser })}
        >
          Use {browser}, this browser’s zone
        </button>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
    </div>
  );
}
