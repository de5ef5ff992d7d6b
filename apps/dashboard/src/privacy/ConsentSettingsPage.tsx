import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { ConsentConfigEditor } from './ConsentConfigEditor.js';
import { ConsentVersions } from './ConsentVersions.js';
import { formatHashPrefix } from './formatPublisher.js';
import { privacyKey, usePrivacyClient, type ConsentConfigInput } from './privacyApi.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Owners and privacy officers: the current consent settings in an editor, published
 * as a new immutable version (`privacy.publishConsentConfig`), and every version with
 * what changed between two.
 */
export function ConsentSettingsPage({ project }: PageProps) {
  const privacy = usePrivacyClient();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const current = useQuery({
    queryKey: privacyKey('consentConfig', input),
    queryFn: () => privacy.consentConfig.query(input),
  });
  const publish = useMutation({
    mutationFn: (draft: ConsentConfigInput) => privacy.publishConsentConfig.mutate({ ...input, ...draft }),
    onSuccess: () =>
      Promise.all([
        refetchAfterWrite(queryClient, { queryKey: privacyKey('consentConfig') }),
        refetchAfterWrite(queryClient, { queryKey: privacyKey('consentConfigVersions') }),
      ]),
  });

  return (
    <>
      <h1>Consent settings</h1>
      <p class="help">
        What the consent banner offers and says, in French and English. Publishing makes a new version with
        its own number and hash; the banner shows it within a minute, and visitors who chose under an older
        version are asked again.
      </p>
      <div role="status" class="publish-status">
        {publish.isSuccess && (
          <p class="notice">
            Published version {publish.data.policyVersion} (hash{' '}
            <code>{formatHashPrefix(publish.data.configHash)}</code>).
          </p>
        )}
      </div>
      {publish.isError && <ErrorNotice error={publish.error} />}
      {current.isPending && (
        <p class="notice" role="status">
          Loading the consent settings…
        </p>
      )}
      {current.isError && <ErrorNotice error={current.error} onRetry={() => void current.refetch()} />}
      {current.data && (
        <>
          <p class="help">
            Current version: <strong>{current.data.policyVersion}</strong>.
          </p>
          <ConsentConfigEditor
            key={current.data.policyVersion}
            current={current.data}
            isPublishing={publish.isPending}
            onPublish={(draft) => publish.mutate(draft)}
          />
        </>
      )}
      <ConsentVersions projectId={project.projectId} />
    </>
  );
}
