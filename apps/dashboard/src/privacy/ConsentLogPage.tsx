import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { downloadText } from '../audit/downloadText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { ConsentLogFilters } from './ConsentLogFilters.js';
import { ConsentLogTable } from './ConsentLogTable.js';
import { createConsentLogParams, parseConsentLogFilter, toConsentLogQuery } from './parseConsentLogFilter.js';
import { CONSENT_LOG_PATH } from './privacyPaths.js';
import { privacyKey, usePrivacyClient } from './privacyApi.js';
import { VerifyLedgerButton } from './VerifyLedgerButton.js';

/** Records a page. */
const PAGE_SIZE = 100;

/**
 * Owners and privacy officers: the consent ledger, newest first (`privacy.consentLog`),
 * searched by anonymous id or user id and filtered by days, action and version (kept
 * in the URL), a page at a time; exported as CSV (`privacy.consentLogCsv`); each record
 * says whether its chain link verifies, and the whole chain can be verified.
 */
export function ConsentLogPage({ project, params }: PageProps) {
  const privacy = usePrivacyClient();
  const filter = parseConsentLogFilter(params);
  const query = { projectId: project.projectId, ...toConsentLogQuery(filter) };
  const log = useInfiniteQuery({
    queryKey: privacyKey('consentLog', query),
    queryFn: ({ pageParam }) =>
      privacy.consentLog.query({ ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const versions = useQuery({
    queryKey: privacyKey('consentConfigVersions', { projectId: project.projectId }),
    queryFn: () => privacy.consentConfigVersions.query({ projectId: project.projectId }),
  });
  const exportCsv = useMutation({
    mutationFn: () => privacy.consentLogCsv.query(query),
    onSuccess: ({ filename, csv }) => downloadText(filename, csv, 'text/csv;charset=utf-8'),
  });
  const records = log.data?.pages.flatMap((page) => page.records) ?? [];
  const isFiltered = Object.keys(filter).length > 0;

  return (
    <>
      <div class="page-head">
        <h1>Consent log</h1>
        <button
          type="button"
          class="button-secondary"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate()}
        >
          {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p class="help">
        Every decision as the server received it, chained by hash: a record changed or removed afterwards no
        longer verifies. A refusal carries no id of the person.
      </p>
      <VerifyLedgerButton projectId={project.projectId} />
      <ConsentLogFilters
        key={JSON.stringify(filter)}
        filter={filter}
        versions={(versions.data ?? []).map((version) => version.policyVersion)}
        onSubmit={(next) => {
          location.hash = createProjectHash(
            project.projectId,
            CONSENT_LOG_PATH,
            createConsentLogParams(next),
          );
        }}
      />
      {exportCsv.isError && <ErrorNotice error={exportCsv.error} />}
      <p class="help" role="status">
        {exportCsv.isSuccess && `Downloaded ${exportCsv.data.filename}.`}
      </p>
      {log.isPending && (
        <p class="notice" role="status">
          Reading the consent log…
        </p>
      )}
      {log.isError && !log.isFetchNextPageError && (
        <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />
      )}
      {log.data && records.length === 0 && (
        <p class="notice">
          {isFiltered ? 'No record matches these filters.' : 'No consent decision was received yet.'}
        </p>
      )}
      {records.length > 0 && <ConsentLogTable projectId={project.projectId} records={records} />}
      {log.hasNextPage && (
        <button
          type="button"
          class="button-secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? 'Loading…' : `Load ${PAGE_SIZE} more`}
        </button>
      )}
      {log.isFetchNextPageError && <ErrorNotice error={log.error} />}
    </>
  );
}
