import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PageProps } from '../pages.js';
import { createPersonHash } from '../person/getPersonLookup.js';
import { TableScroll } from '../components/TableScroll.js';

/** The page path of consent proof. */
export const CONSENT_PATH = 'consent';

/** Records a page. */
const PAGE_SIZE = 100;

/** A list of consent categories, or a dash for none. */
function listCategories(categories: readonly string[]): string {
  return categories.length === 0 ? '—' : categories.join(', ');
}

/**
 * Owners and privacy officers: proof of each consent decision received, newest first
 * (`privacy.consentRecords`), a page at a time. A refusal carries no id of the person.
 */
export function ConsentPage({ project }: PageProps) {
  const trpc = useTRPC();
  const records = useInfiniteQuery(
    trpc.privacy.consentRecords.infiniteQueryOptions(
      { projectId: project.projectId, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = records.data?.pages.flatMap((page) => page.records) ?? [];

  return (
    <>
      <h1>Consent proof</h1>
      <p class="help">
        Each decision as the SDK sent it: when it was made, what was granted and denied, under which version
        of the privacy policy, and where. A decision that granted nothing carries no id.
      </p>
      {records.isPending && (
        <p class="notice" role="status">
          Loading the consent records…
        </p>
      )}
      {records.isError && !records.isFetchNextPageError && (
        <ErrorNotice error={records.error} onRetry={() => void records.refetch()} />
      )}
      {records.data && rows.length === 0 && <p class="notice">No consent decision was received yet.</p>}
      {rows.length > 0 && (
        <TableScroll label="Consent decisions">
          <table class="data-table">
            <caption>Consent decisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Granted</th>
                <th scope="col">Denied</th>
                <th scope="col">Policy version</th>
                <th scope="col">Source</th>
                <th scope="col">Anonymous id</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((record) => (
                <tr key={record.id}>
                  <td class="when">{formatDateTime(record.timestamp)}</td>
                  <td>{listCategories(record.granted)}</td>
                  <td>{listCategories(record.denied)}</td>
                  <td>{record.policyVersion}</td>
                  <td>{record.source}</td>
                  <td>
                    {record.anonymousId ? (
                      <a
                        class="id"
                        href={createPersonHash(project.projectId, {
                          kind: 'anonymousId',
                          value: record.anonymousId,
                        })}
                      >
                        {record.anonymousId}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {records.hasNextPage && (
        <button
          type="button"
          class="button-secondary"
          disabled={records.isFetchingNextPage}
          onClick={() => void records.fetchNextPage()}
        >
          {records.isFetchingNextPage ? 'Loading…' : `Load ${PAGE_SIZE} more`}
        </button>
      )}
      {records.isFetchNextPageError && <ErrorNotice error={records.error} />}
    </>
  );
}
