import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TEMPLATE_LABELS, type TemplateChoice } from './journeyMapParams.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

export interface NewJourneyMapFormProps {
  projectId: string;
  /** The new map's id, once created. */
  onCreated: (mapId: string) => void;
  onCancel: () => void;
}

/** Names a new journey map and picks what it starts from: blank, or a trade's template. */
export function NewJourneyMapForm({ projectId, onCreated, onCancel }: NewJourneyMapFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateChoice>('blank');
  const [showProblem, setShowProblem] = useState(false);
  const create = useMutation(
    trpc.journeys.createMap.mutationOptions({
      onSuccess: async (map) => {
        await refetchAfterWrite(queryClient, trpc.journeys.maps.pathFilter());
        onCreated(map.mapId);
      },
    }),
  );
  const problem = name.trim() === '' ? 'Name the map, e.g. Onboarding or Cancellation.' : undefined;

  return (
    <form
      class="new-map"
      aria-label="New journey map"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setShowProblem(true);
        if (problem === undefined) create.mutate({ projectId, name: name.trim(), template });
      }}
    >
      <div class="form-row">
        <div class="field">
          <label for="new-map-name">Name</label>
          <input
            id="new-map-name"
            value={name}
            maxLength={100}
            aria-invalid={showProblem && problem !== undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-map-template">Start from</label>
          <select
            id="new-map-template"
            value={template}
            onChange={(event) => setTemplate(event.currentTarget.value as TemplateChoice)}
          >
            {Object.entries(TEMPLATE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {showProblem && problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {create.isError && <ErrorNotice error={create.error} />}
      <div class="form-row">
        <button type="button" class="button-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create the map'}
        </button>
      </div>
    </form>
  );
}
