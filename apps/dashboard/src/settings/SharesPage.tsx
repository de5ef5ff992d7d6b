import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { ShareView } from '../api/types.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { FUNNEL_PATH } from '../funnel/funnelPath.js';
import { OVERVIEW_PATH } from '../overview/overviewPath.js';
import { PATHS_PATH } from '../paths/pathsPath.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { STAGES_PATH } from '../stages/stagesPath.js';
import { TableScroll } from '../components/TableScroll.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** Each shared view's page in the app, and its name. */
const VIEWS: Record<ShareView, { path: string; title: string }> = {
  overview: { path: OVERVIEW_PATH, title: 'Overview' },
  funnel: { path: FUNNEL_PATH, title: 'Funnel' },
  paths: { path: PATHS_PATH, title: 'Paths' },
  journeyMap: { path: STAGES_PATH, title: 'Journey map' },
};

const STATUS_LABELS = { live: 'Live', expired: 'Expired', revoked: 'Revoked' } as const;

/**
 * Owners: every read-only link made of this project's views, who made it, until when
 * it works, and revoking it (it answers "expired or revoked" at once).
 */
export function SharesPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const shares = useQuery(trpc.shares.list.queryOptions(input));
  const revoke = useMutation(
    trpc.shares.revoke.mutationOptions({
      onSuccess: () => refetchAfterWrite(queryClient, trpc.shares.list.queryFilter(input)),
    }),
  );

  return (
    <>
      <h1>Share links</h1>
      <p class="help">
        Analysts and owners share a view with its Share button. A link shows aggregate figures only, to anyone
        who has it, until it expires or is revoked here.
      </p>
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      {shares.isPending && (
        <p class="notice" role="status">
          Loading the share links…
        </p>
      )}
      {shares.isError && <ErrorNotice error={shares.error} onRetry={() => void shares.refetch()} />}
      {shares.data && shares.data.length === 0 && (
        <p class="notice">No view of this project was shared yet.</p>
      )}
      {shares.data && shares.data.length > 0 && (
        <TableScroll label="Share links">
          <table class="data-table">
            <caption>Share links, newest first</caption>
            <thead>
              <tr>
                <th scope="col">View</th>
                <th scope="col">Shared by</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shares.data.map((share) => (
                <tr key={share.shareId}>
                  <th scope="row">
                    <a href={createProjectHash(project.projectId, VIEWS[share.view].path, share.params)}>
                      {VIEWS[share.view].title}
                    </a>
                  </th>
                  <td>{share.createdBy}</td>
                  <td class="when">{formatDateTime(share.createdAt)}</td>
                  <td class="when">{formatDateTime(share.expiresAt)}</td>
                  <td>
                    <span class={`status status-${share.status}`}>{STATUS_LABELS[share.status]}</span>
                  </td>
                  <td>
                    {share.status === 'live' && (
                      <ConfirmButton
                        label="Revoke"
                        target={`the ${VIEWS[share.view].title.toLowerCase()} link of ${formatDateTime(share.createdAt)}`}
                        question="Revoke this link?"
                        isPending={revoke.isPending}
                        onConfirm={() => revoke.mutate({ ...input, shareId: share.shareId })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
