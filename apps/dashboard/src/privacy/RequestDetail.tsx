import { formatDateTime } from '../format/formatDateTime.js';
import { DueBadge } from './DueBadge.js';
import { RequestActions } from './RequestActions.js';
import {
  formatCalendarDay,
  KIND_LABELS,
  STATUS_LABELS,
  VERIFICATION_LABELS,
  type PrivacyRequestView,
  type RequestAssignee,
} from './requestLabels.js';

/** What answered the request: the export's digest, the erasure receipt, or the note. */
function RequestOutcome({ outcome }: { outcome: NonNullable<PrivacyRequestView['outcome']> }) {
  if (outcome.kind === 'note') return <p class="request-outcome">{outcome.note}</p>;
  const rows = outcome.kind === 'export' ? outcome.rows : outcome.receipt.tables;
  return (
    <div class="request-outcome">
      {outcome.kind === 'export' ? (
        <p>
          Export <code>{outcome.filename}</code> ({outcome.bytes.toLocaleString()} bytes), made{' '}
          {formatDateTime(outcome.exportedAt)}. SHA-256 <code class="request-sha256">{outcome.sha256}</code>
        </p>
      ) : (
        <p>
          Erasure receipt <code>{outcome.receipt.requestId}</code>, erased{' '}
          {formatDateTime(outcome.receipt.erasedAt)}.
        </p>
      )}
      <table class="data-table receipt-table">
        <caption>{outcome.kind === 'export' ? 'Rows exported per table' : 'Rows removed per table'}</caption>
        <tbody>
          {Object.entries(rows).map(([table, count]) => (
            <tr key={table}>
              <th scope="row">
                <code>{table}</code>
              </th>
              <td>{count.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One request: its facts and deadlines, what answered it, and what can be done next. */
export function RequestDetail({
  projectId,
  request,
  assignees,
}: {
  projectId: string;
  request: PrivacyRequestView;
  assignees: RequestAssignee[];
}) {
  const ids = [...(request.userId !== null ? [`user id ${request.userId}`] : []), ...request.anonymousIds];
  return (
    <section class="card request-detail" aria-labelledby="request-heading">
      <h2 id="request-heading">
        {KIND_LABELS[request.kind]} <code>{request.requestId}</code>
      </h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd class="request-status">
          {STATUS_LABELS[request.status]}
          {request.refusalReason !== null && `: ${request.refusalReason}`}
        </dd>
        <dt>Received</dt>
        <dd>{formatCalendarDay(request.receivedOn)}</dd>
        <dt>Due</dt>
        <dd>
          {formatCalendarDay(request.effectiveDueOn)} <DueBadge state={request.dueState} />
          {request.extendedDueOn !== null && (
            <span class="muted">
              {' '}
              extended from {formatCalendarDay(request.dueOn)}: {request.extensionReason}
            </span>
          )}
        </dd>
        <dt>Requester</dt>
        <dd>
          {[request.requesterName, request.requesterEmail].filter(Boolean).join(', ') || (
            <span class="muted">not kept (erased) or not given</span>
          )}
        </dd>
        <dt>Ids given</dt>
        <dd>{ids.length > 0 ? <code>{ids.join(', ')}</code> : <span class="muted">none kept</span>}</dd>
        <dt>Identity</dt>
        <dd>{VERIFICATION_LABELS[request.verification]}</dd>
        <dt>Assignee</dt>
        <dd>{request.assignee?.name ?? 'nobody'}</dd>
      </dl>
      {request.outcome !== null && <RequestOutcome outcome={request.outcome} />}
      <RequestActions key={request.updatedAt} projectId={projectId} request={request} assignees={assignees} />
    </section>
  );
}
