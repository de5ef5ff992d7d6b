import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'preact/hooks';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { DownloadCsvButton } from '../components/DownloadCsvButton.js';
import type { FunnelInput } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadMoreButton } from '../components/LoadMoreButton.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatCount } from '../format/formatPercent.js';
import { PersonLink } from '../person/PersonLink.js';
import { SendToWebhook } from '../webhooks/SendToWebhook.js';

/** Persons a page: enough to scan, small enough to load at once. */
const PAGE_SIZE = 50;

export interface DropoffListProps {
  funnel: FunnelInput;
  /** 1-based: the step these persons did not reach. */
  step: number;
  /** The link that closes the list. */
  closeHref: string;
  /** Offer to send the list to a webhook (owners and analysts). Default false. */
  maySend?: boolean;
}

function withoutProject({ projectId: _, ...query }: FunnelInput) {
  return query;
}

/**
 * Who reached step `step - 1` but not `step`, a page at a time, each linking to their
 * timeline: the way from "40 % drop off here" to "what did these people do instead".
 */
export function DropoffList({ funnel, step, closeHref, maySend = false }: DropoffListProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a bar far above: bring the list into view and tell screen readers where they are.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  const query = useInfiniteQuery(
    trpc.journeys.funnelDropoffs.infiniteQueryOptions(
      { ...funnel, step, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const reached = funnel.steps[step - 2]?.name;
  const missed = funnel.steps[step - 1]?.name;
  const persons = query.data?.pages.flatMap((page) => page.persons) ?? [];
  const total = query.data?.pages[0]?.total;

  return (
    <section class="card" aria-labelledby="dropoff-heading">
      <div class="page-head">
        <h2 id="dropoff-heading" ref={heading} tabIndex={-1}>
          Reached “{reached}” but not “{missed}”
          {total !== undefined && <span class="muted"> · {formatCount(total)} persons</span>}
        </h2>
        <a href={closeHref}>Close</a>
      </div>
      {query.isPending && (
        <p class="notice" role="status">
          Finding who dropped off…
        </p>
      )}
      {query.isError && !query.isFetchNextPageError && (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && persons.length === 0 && <p class="notice">Nobody dropped off at this step.</p>}
      {total !== undefined && total > 0 && (
        <DownloadCsvButton
          what="drop-off list"
          fetchCsv={() => client.exports.dropoffsCsv.query({ ...funnel, step })}
        />
      )}
      {maySend && total !== undefined && total > 0 && (
        <SendToWebhook
          projectId={funnel.projectId}
          source="funnelDropoffs"
          query={{ ...withoutProject(funnel), step }}
          what={`these ${formatCount(total)} persons`}
        />
      )}
      {persons.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Reached step {step - 1}</th>
                <th scope="col">Last touchpoint</th>
              </tr>
            </thead>
            <tbody>
              {persons.map((person) => (
                <tr key={person.personId}>
                  <td>
                    <PersonLink projectId={funnel.projectId} person={person} />
                  </td>
                  <td class="when">{formatDateTime(person.reachedAt)}</td>
                  <td>
                    <span class="name">{person.lastTouchpoint.name}</span>{' '}
                    <ChannelBadge channel={person.lastTouchpoint.channel ?? undefined} />{' '}
                    <span class="muted">{formatDateTime(person.lastTouchpoint.timestamp)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton query={query} pageSize={PAGE_SIZE} />
      {query.isFetchNextPageError && <ErrorNotice error={query.error} />}
    </section>
  );
}
