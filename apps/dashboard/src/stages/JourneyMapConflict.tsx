import type { JourneyStage, SavedJourneyMap } from '../api/types.js';

export interface JourneyMapConflictProps {
  /** The save made since the edit started. */
  theirs: SavedJourneyMap;
  /** The edit that was refused. */
  mine: { name: string; stages: JourneyStage[] };
  isSaving: boolean;
  /** Drops my edit and edits theirs. */
  onTakeTheirs: () => void;
  /** Saves my edit over theirs, having seen it. */
  onOverwrite: () => void;
}

/** A refused save: who saved what since, both versions side by side, and the two ways on. */
export function JourneyMapConflict({
  theirs,
  mine,
  isSaving,
  onTakeTheirs,
  onOverwrite,
}: JourneyMapConflictProps) {
  return (
    <section class="notice notice-error map-conflict" role="alert" aria-labelledby="map-conflict-heading">
      <h3 id="map-conflict-heading">Not saved: this map changed since you opened it</h3>
      <p>
        {theirs.updatedBy ?? 'Someone'} saved version {theirs.version} at{' '}
        {new Date(theirs.updatedAt).toLocaleString()}. Compare, then keep editing theirs or save yours over
        it.
      </p>
      <div class="map-versions">
        <MapVersion title={`Saved: version ${theirs.version}`} name={theirs.name} stages={theirs.stages} />
        <MapVersion title="Yours, not saved" name={mine.name} stages={mine.stages} />
      </div>
      <div class="form-row">
        <button type="button" class="button-secondary" onClick={onTakeTheirs}>
          Edit their version
        </button>
        <button type="button" disabled={isSaving} onClick={onOverwrite}>
          {isSaving ? 'Saving…' : 'Save mine over theirs'}
        </button>
      </div>
    </section>
  );
}

function MapVersion({
  title,
  name,
  stages,
}: {
  title: string;
  name: string;
  stages: readonly JourneyStage[];
}) {
  return (
    <div class="map-version">
      <h4>{title}</h4>
      <p>
        <strong>{name}</strong>
      </p>
      <ol>
        {stages.map((stage) => (
          <li key={stage.name}>
            {stage.name}
            {stage.touchpoints.length > 0 && (
              <>
                : {stage.touchpoints.map((t) => (t.channel ? `${t.name} (${t.channel})` : t.name)).join(', ')}
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
