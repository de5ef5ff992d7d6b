import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { downloadText } from './downloadText.js';
import { createAuditParams, parseAuditFilter, toAuditQuery } from './parseAuditFilter.js';

/** The page path of the audit log. */
export const AUDIT_PATH = 'audit';

/** Entries a page. */
const PAGE_SIZE = 50;

/**
 * Owners and privacy officers: who did what in the project, newest first, filtered by
 * action, actor and days (kept in the URL), a page at a time, and exported as CSV.
 */
export function AuditLogPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const filter = parseAuditFilter(params);
  const query = { projectId: project.projectId, ...toAuditQuery(filter) };
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...query, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const exportCsv = useMutation({
    mutationFn: () => client.audit.exportCsv.query(query),
    onSuccess: ({ filename, csv }) => downloadText(filename, csv, 'text/csv;charset=utf-8'),
  });
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const isFiltered = Object.keys(filter).length > 0;

  return (
    <>
      <div class="page-head">
        <h1>Audit log</h1>
        <button
          type="button"
          class="button-secondary"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate()}
        >
          {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <AuditFilters
        key={JSON.stringify(filter)}
        filter={filter}
        onSubmit={(next) => {
          location.hash = createProjectHash(project.projectId, AUDIT_PATH, createAuditParams(next));
        }}
      />
      {exportCsv.isError && <ErrorNotice error={exportCsv.error} />}
      <p class="help" role="status">
        {exportCsv.isSuccess && `Downloaded ${exportCsv.data.filename}.`}
      </p>
      {log.isPending && (
        <p class="notice" role="status">
          Reading the audit log…
        </p>
      )}
      {log.isError && !log.isFetchNextPageError && (
        <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />
      )}
      {log.data && entries.length === 0 && (
        <p class="notice">{isFiltered ? 'No entry matches these filters.' : 'Nothing was recorded yet.'}</p>
      )}
      {entries.length > 0 && <AuditTable entries={entries} />}
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
