import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { DataCollectionForm } from './DataCollectionForm.js';

/**
 * Owners and privacy officers: what the collector keeps of what it receives (issue 9,
 * "collect the minimum"): which query parameters stored URLs keep, and whether values
 * that look like personal data are redacted, with the properties exempt from it.
 */
export function DataCollectionPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const settings = useQuery(trpc.privacy.collectionSettings.queryOptions(input));
  const save = useMutation(
    trpc.privacy.setCollectionSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.privacy.collectionSettings.queryKey(input), data),
    }),
  );

  return (
    <>
      <h1>Data collection</h1>
      <p class="help">
        What Parcours keeps of what it receives, applied before anything is written. IP addresses are never
        stored: the collector uses them only to limit request rates, in memory. Changes apply to touchpoints
        collected from then on; what is already stored stays as it is.
      </p>
      {settings.isPending && (
        <p class="notice" role="status">
          Loading the data-collection settings…
        </p>
      )}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <DataCollectionForm
          current={settings.data}
          isSaving={save.isPending}
          onSave={(change) => save.mutate({ ...input, ...change })}
        />
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      <p class="help" role="status">
        {save.isSuccess && 'Saved: the collector applies these settings to the next batch.'}
      </p>
    </>
  );
}
