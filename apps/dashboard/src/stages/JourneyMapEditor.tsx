import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { JourneyMapForm } from './JourneyMapForm.js';

/**
 * Loads the saved journey map, lets the user edit it and saves it with
 * `journeys.setJourneyMap`. Saving refreshes everything computed from the map: the
 * stages, and the overview, whose default conversion is the decision stage.
 */
export function JourneyMapEditor({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const map = useQuery(trpc.journeys.journeyMap.queryOptions({ projectId }));
  const save = useMutation(
    trpc.journeys.setJourneyMap.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.journeys.journeyMap.queryKey({ projectId }), saved);
        void queryClient.invalidateQueries(trpc.journeys.overview.pathFilter());
        // Stay on "Saving…" until the new numbers are in, rather than flash the old map.
        await queryClient.invalidateQueries(trpc.journeys.stages.pathFilter());
        onDone();
      },
    }),
  );

  return (
    <section class="map-editor" aria-labelledby="map-editor-heading">
      <h2 id="map-editor-heading">Edit the journey map</h2>
      <p class="help">
        A stage gathers the touchpoints of one phase of the journey. A touchpoint with no channel counts on
        every channel.
      </p>
      {map.isPending && (
        <p class="notice" role="status">
          Loading the journey map…
        </p>
      )}
      {map.isError && <ErrorNotice error={map.error} onRetry={() => void map.refetch()} />}
      {save.isError && <ErrorNotice error={save.error} />}
      {map.data && (
        <JourneyMapForm
          projectId={projectId}
          initial={map.data}
          isSaving={save.isPending}
          onSave={(stages) => save.mutate({ projectId, stages })}
          onCancel={onDone}
        />
      )}
    </section>
  );
}
