import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { PathPersonsInput } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadMoreButton } from '../components/LoadMoreButton.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount } from '../format/formatPercent.js';
import { PersonLink } from '../person/PersonLink.js';

/** Persons a page: enough to scan, small enough to load at once. */
const PAGE_SIZE = 50;

export interface PathPersonsListProps {
  input: Omit<PathPersonsInput, 'limit' | 'cursor'>;
  /** The link that closes the list. */
  closeHref: string;
}

/** "“Pricing” at step 2", "“Pricing” → “Signup” after step 2", "left after “Pricing” at step 2". */
export function describeSelection({
  at,
  name,
  next,
}: Pick<PathPersonsInput, 'at' | 'name' | 'next'>): string {
  if (next === null) return `Left after “${name}” at step ${at + 1}`;
  if (next !== undefined) return `“${name}” at step ${at + 1}, then “${next}”`;
  return `“${name}” at step ${at + 1}`;
}

/**
 * The persons on a node, band or exit of the flow, a page at a time, each linking to
 * their timeline, with their whole path: from "30 % leave here" to who they are.
 */
export function PathPersonsList({ input, closeHref }: PathPersonsListProps) {
  const trpc = useTRPC();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the chart above: bring the list into view and tell screen readers where they are.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  const query = useInfiniteQuery(
    trpc.journeys.pathPersons.infiniteQueryOptions(
      { ...input, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const persons = query.data?.pages.flatMap((page) => page.persons) ?? [];
  const total = query.data?.pages[0]?.total;
  const title = describeSelection(input);

  return (
    <section class="card" aria-labelledby="path-persons-heading">
      <div class="page-head">
        <h2 id="path-persons-heading" ref={heading} tabIndex={-1}>
          {title}
          {total !== undefined && <span class="muted"> · {formatCount(total)} persons</span>}
        </h2>
        <a href={closeHref}>Close</a>
      </div>
      {query.isPending && (
        <p class="notice" role="status">
          Finding who went this way…
        </p>
      )}
      {query.isError && !query.isFetchNextPageError && (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && persons.length === 0 && <p class="notice">Nobody went this way.</p>}
      {persons.length > 0 && (
        <TableScroll label={`Persons: ${title}`}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Their path</th>
                <th scope="col">After the path</th>
              </tr>
            </thead>
            <tbody>
              {persons.map((person) => (
                <tr key={person.personId}>
                  <td>
                    <PersonLink projectId={input.projectId} person={person} />
                  </td>
                  <td>{person.steps.join(' → ')}</td>
                  <td>{person.left ? 'Left' : 'Went on'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMoreButton query={query} pageSize={PAGE_SIZE} />
      {query.isFetchNextPageError && <ErrorNotice error={query.error} />}
    </section>
  );
}
