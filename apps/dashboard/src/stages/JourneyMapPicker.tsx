import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { NewJourneyMapForm } from './NewJourneyMapForm.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

export interface JourneyMapPickerProps {
  projectId: string;
  /** The map shown, by id (`main` for the project's main map). */
  mapId: string;
  mayEdit: boolean;
  /** Shows another map (`undefined`: the main map); `edit` opens its editor. */
  onPick: (mapId: string | undefined, options?: { edit: boolean }) => void;
}

/** The project's named maps: pick one, start a new one (blank or from a template), delete one. */
export function JourneyMapPicker({ projectId, mapId, mayEdit, onPick }: JourneyMapPickerProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isCreating, setCreating] = useState(false);
  const maps = useQuery(trpc.journeys.maps.queryOptions({ projectId }));
  const remove = useMutation(
    trpc.journeys.deleteMap.mutationOptions({
      onSuccess: async () => {
        await refetchAfterWrite(queryClient, trpc.journeys.maps.pathFilter());
        onPick(undefined);
      },
    }),
  );
  const known = maps.data ?? [];
  const shown = known.find((map) => map.mapId === mapId);

  return (
    <div class="map-picker">
      <div class="form-row" role="group" aria-label="Journey maps">
        <div class="field">
          <label for="journey-map-picker">Map</label>
          <select
            id="journey-map-picker"
            value={mapId}
            onChange={(event) => {
              const next = event.currentTarget.value;
              onPick(next === 'main' ? undefined : next);
            }}
          >
            {known.map((map) => (
              <option key={map.mapId} value={map.mapId}>
                {map.name}
              </option>
            ))}
            {maps.isSuccess && shown === undefined && <option value={mapId}>a deleted map</option>}
          </select>
        </div>
        {mayEdit && !isCreating && (
          <button type="button" class="button-secondary" onClick={() => setCreating(true)}>
            New map
          </button>
        )}
        {mayEdit && shown !== undefined && shown.mapId !== 'main' && (
          <ConfirmButton
            label="Delete"
            target={`the map ${shown.name}`}
            question={`Delete the map “${shown.name}”?`}
            isPending={remove.isPending}
            onConfirm={() => remove.mutate({ projectId, mapId: shown.mapId })}
          />
        )}
      </div>
      {shown && shown.version > 0 && (
        <p class="help">
          Version {shown.version}, saved {new Date(shown.updatedAt).toLocaleString()}
          {shown.updatedBy ? ` by ${shown.updatedBy}` : ''}.
        </p>
      )}
      {maps.isError && <ErrorNotice error={maps.error} onRetry={() => void maps.refetch()} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {isCreating && (
        <NewJourneyMapForm
          projectId={projectId}
          onCreated={(created) => {
            setCreating(false);
            onPick(created, { edit: true });
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </div>
  );
}
