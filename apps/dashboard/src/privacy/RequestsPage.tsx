import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { getErrorCode } from '../api/getErrorCode.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { NewRequestForm } from './NewRequestForm.js';
import { RequestDetail } from './RequestDetail.js';
import { RequestsTable } from './RequestsTable.js';
import { REQUESTS_PATH } from './privacyPaths.js';

/** "2 overdue, 1 due this week": what needs doing first, or nothing. */
function describeUrgent(requests: { dueState: string }[]): string {
  const overdue = requests.filter((r) => r.dueState === 'overdue').length;
  const soon = requests.filter((r) => r.dueState === 'dueThisWeek').length;
  return [overdue > 0 ? `${overdue} overdue` : '', soon > 0 ? `${soon} due this week` : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * Owners and privacy officers: data-subject requests (`privacy.requests.*`), each due
 * one calendar month after receipt; recording one, and one request (`?request=req_…`)
 * handled from receipt to done: verified, assigned, extended, exported or erased.
 */
export function RequestsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const input = { projectId: project.projectId };
  const list = useQuery(trpc.privacy.requests.list.queryOptions(input));
  const assignees = useQuery(trpc.privacy.requests.assignees.queryOptions(input));
  const requestId = params['request'];
  const detail = useQuery({
    ...trpc.privacy.requests.get.queryOptions({ ...input, requestId: requestId ?? '' }),
    enabled: requestId !== undefined,
  });
  const urgent = describeUrgent(list.data?.requests ?? []);

  return (
    <>
      <h1>Requests</h1>
      <p class="help">
        Access, erasure, rectification, objection and portability requests. Each must be answered within one
        calendar month of receipt, or three once extended with a reason (GDPR Art. 12(3)).
      </p>
      {urgent && (
        <p class="notice notice-warn requests-urgent" role="status">
          {urgent}
        </p>
      )}
      {requestId !== undefined && detail.isPending && (
        <p class="notice" role="status">
          Loading the request…
        </p>
      )}
      {detail.isError &&
        (getErrorCode(detail.error) === 'NOT_FOUND' ? (
          <p class="notice">No such request in {project.name}.</p>
        ) : (
          <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />
        ))}
      {requestId !== undefined && detail.data && (
        <RequestDetail projectId={project.projectId} request={detail.data} assignees={assignees.data ?? []} />
      )}
      {list.isPending && (
        <p class="notice" role="status">
          Loading the requests…
        </p>
      )}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.requests.length === 0 && <p class="notice">No request was recorded yet.</p>}
      {list.data && list.data.requests.length > 0 && (
        <RequestsTable projectId={project.projectId} requests={list.data.requests} />
      )}
      <NewRequestForm
        projectId={project.projectId}
        assignees={assignees.data ?? []}
        onCreated={(request) => {
          location.hash = createProjectHash(project.projectId, REQUESTS_PATH, { request: request.requestId });
        }}
      />
    </>
  );
}
