import { TableScroll } from '../components/TableScroll.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { DueBadge } from './DueBadge.js';
import { formatCalendarDay, KIND_LABELS, STATUS_LABELS, type PrivacyRequestView } from './requestLabels.js';

import { REQUESTS_PATH } from './privacyPaths.js';

/** The requests, open ones first by deadline; overdue and due-this-week rows stand out. */
export function RequestsTable({
  projectId,
  requests,
}: {
  projectId: string;
  requests: PrivacyRequestView[];
}) {
  return (
    <TableScroll label="Requests">
      <table class="data-table requests-table">
        <caption>Requests</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.requestId} class={`due-row-${request.dueState}`}>
              <th scope="row">
                <a href={createProjectHash(projectId, REQUESTS_PATH, { request: request.requestId })}>
                  {KIND_LABELS[request.kind]}
                </a>
                <span class="muted"> {request.requesterName ?? ''}</span>
              </th>
              <td class="when">{formatCalendarDay(request.receivedOn)}</td>
              <td class="when">
                {formatCalendarDay(request.effectiveDueOn)} <DueBadge state={request.dueState} />
              </td>
              <td>{STATUS_LABELS[request.status]}</td>
              <td>{request.assignee?.name ?? <span class="muted">nobody</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
