import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'preact/hooks';
import { getConflictingJourneyMap } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { JourneyStage, SavedJourneyMap } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { JourneyMapConflict } from './JourneyMapConflict.js';
import { JourneyMapForm } from './JourneyMapForm.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

interface Edit {
  name: string;
  stages: JourneyStage[];
}

/**
 * Loads one of the project's maps, lets the user edit it and saves it with
 * `journeys.saveMap` over the version it loaded. A save over a newer one is refused
 * (409): both versions are shown, to edit theirs or save this one over it. Saving
 * refreshes everything computed from maps: the list, the stages, and the overview,
 * whose default conversion is the main map's decision stage.
 */
export function JourneyMapEditor({
  projectId,
  mapId,
  onDone,
}: {
  projectId: string;
  mapId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const loaded = useQuery({ ...trpc.journeys.map.queryOptions({ projectId, mapId }), meta: { live: false } });
  // The version the edit is based on: the first one loaded (a refetch must not swap it
  // under the user's edits), or theirs once the user chose it.
  const [edited, setBase] = useState<SavedJourneyMap | undefined>();
  useEffect(() => {
    if (edited === undefined && loaded.data !== undefined) setBase(loaded.data);
  }, [edited, loaded.data]);
  const [refused, setRefused] = useState<{ theirs: SavedJourneyMap; mine: Edit } | undefined>();
  const save = useMutation(
    trpc.journeys.saveMap.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.journeys.map.queryKey({ projectId, mapId }), saved);
        void refetchAfterWrite(queryClient, trpc.journeys.maps.pathFilter());
        void refetchAfterWrite(queryClient, trpc.journeys.journeyMap.pathFilter());
        void refetchAfterWrite(queryClient, trpc.journeys.overview.pathFilter());
        // Stay on "Saving…" until the new numbers are in, rather than flash the old map.
        await refetchAfterWrite(queryClient, trpc.journeys.stages.pathFilter());
        onDone();
      },
    }),
  );
  const submit = (edit: Edit, over: SavedJourneyMap) =>
    save.mutate(
      { projectId, mapId, ...edit, baseVersion: over.version },
      {
        onError: (error) => {
          const theirs = getConflictingJourneyMap(error);
          if (theirs !== undefined) setRefused({ theirs, mine: edit });
        },
      },
    );
  const conflicted = refused !== undefined && save.isError;

  return (
    <section class="map-editor" aria-labelledby="map-editor-heading">
      <h2 id="map-editor-heading">Edit the journey map</h2>
      <p class="help">
        A stage gathers the touchpoints of one phase of the journey. A touchpoint with no channel counts on
        every channel.
      </p>
      {loaded.isPending && (
        <p class="notice" role="status">
          Loading the journey map…
        </p>
      )}
      {loaded.isError && <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />}
      {save.isError && !conflicted && <ErrorNotice error={save.error} />}
      {conflicted && (
        <JourneyMapConflict
          theirs={refused.theirs}
          mine={refused.mine}
          isSaving={save.isPending}
          onTakeTheirs={() => {
            setBase(refused.theirs);
            setRefused(undefined);
            save.reset();
          }}
          onOverwrite={() => submit(refused.mine, refused.theirs)}
        />
      )}
      {edited && (
        <JourneyMapForm
          // A new base (their version) starts a new form.
          key={edited.version}
          projectId={projectId}
          initialName={edited.name}
          initial={edited.stages}
          isSaving={save.isPending}
          onSave={(stages, name) => submit({ name, stages }, edited)}
          onCancel={onDone}
        />
      )}
    </section>
  );
}
