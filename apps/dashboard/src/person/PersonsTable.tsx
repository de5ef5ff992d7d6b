import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { PersonsInput } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatCount } from '../format/formatPercent.js';
import { createPersonHash } from './getPersonLookup.js';

/** Persons a page: enough to scan, small enough to load at once. */
const PAGE_SIZE = 50;

/** The persons matching a search, a page at a time, each linking to their page. */
export function PersonsTable({ input }: { input: PersonsInput }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.journeys.persons.infiniteQueryOptions(
      { ...input, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  if (query.isPending) {
    return (
      <p class="notice" role="status">
        Finding persons…
      </p>
    );
  }
  if (query.isError && !query.isFetchNextPageError) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  const persons = query.data?.pages.flatMap((page) => page.persons) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  if (persons.length === 0) return <p class="notice">Nobody matches this search.</p>;
  return (
    <>
      <p class="muted" role="status">
        {formatCount(total)} {total === 1 ? 'person' : 'persons'}
      </p>
      <TableScroll label="Persons">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              <th scope="col" class="num">
                Touchpoints
              </th>
              <th scope="col">Channels</th>
              <th scope="col">Stages reached</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((person) => (
              <tr key={person.personId}>
                <th scope="row">
                  <a
                    class="id"
                    href={createPersonHash(input.projectId, { kind: 'personId', value: person.personId })}
                  >
                    {person.personId}
                  </a>
                  {person.anonymousIds.length > 1 && (
                    <span class="device">{person.anonymousIds.length} devices</span>
                  )}
                </th>
                <td class="when">{formatDateTime(person.firstSeen)}</td>
                <td class="when">{formatDateTime(person.lastSeen)}</td>
                <td class="num">{formatCount(person.touchpoints)}</td>
                <td>
                  <ul class="badges" aria-label="Channels, in order of first touch">
                    {person.channels.map((channel) => (
                      <li key={channel ?? ''}>
                        <ChannelBadge channel={channel ?? undefined} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {person.stages.length === 0 ? <span class="muted">none</span> : person.stages.join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {query.hasNextPage && (
        <button
          type="button"
          class="button-secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : `Load ${PAGE_SIZE} more`}
        </button>
      )}
      {query.isFetchNextPageError && <ErrorNotice error={query.error} />}
    </>
  );
}
