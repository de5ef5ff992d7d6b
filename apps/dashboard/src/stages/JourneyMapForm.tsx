import { useState } from 'preact/hooks';
import type { JourneyStage } from '../api/types.js';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { editJourneyMap, findJourneyMapProblem, MAX_STAGES } from './editJourneyMap.js';
import { StageEditor } from './StageEditor.js';

export interface JourneyMapFormProps {
  projectId: string;
  /** The map's name and stages as saved: the form edits a copy. */
  initialName: string;
  initial: readonly JourneyStage[];
  isSaving: boolean;
  onSave: (stages: JourneyStage[], name: string) => void;
  onCancel: () => void;
}

/**
 * Edits a journey map: its name; stages added, removed, renamed and reordered,
 * touchpoints added and removed.
 */
export function JourneyMapForm({
  projectId,
  initialName,
  initial,
  isSaving,
  onSave,
  onCancel,
}: JourneyMapFormProps) {
  const [name, setName] = useState(initialName);
  const [stages, setStages] = useState<JourneyStage[]>(() => [...initial]);
  const [showProblem, setShowProblem] = useState(false);
  const problem = name.trim() === '' ? 'Name the map.' : findJourneyMapProblem(stages);

  const submit = (event: Event) => {
    event.preventDefault();
    setShowProblem(true);
    if (problem === undefined)
      onSave(
        stages.map((stage) => ({ ...stage, name: stage.name.trim() })),
        name.trim(),
      );
  };

  return (
    <form onSubmit={submit} aria-label="Edit the journey map" noValidate>
      <div class="field">
        <label for="map-name">Map name</label>
        <input
          id="map-name"
          value={name}
          maxLength={100}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <TouchpointNameList id="map-names" projectId={projectId} />
      <ol class="stage-editors">
        {stages.map((stage, index) => (
          <StageEditor
            key={index}
            stage={stage}
            index={index}
            stageCount={stages.length}
            namesListId="map-names"
            onEdit={(edit) => setStages((current) => editJourneyMap(current, edit))}
          />
        ))}
      </ol>
      {showProblem && problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div class="form-row">
        <button
          type="button"
          class="button-secondary"
          disabled={stages.length >= MAX_STAGES}
          onClick={() =>
            setStages((current) =>
              editJourneyMap(current, { type: 'addStage', name: `stage ${current.length + 1}` }),
            )
          }
        >
          Add a stage
        </button>
        <button type="button" class="button-secondary save-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save the map'}
        </button>
      </div>
    </form>
  );
}
