import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'preact/hooks';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import type { LiveTouchpoints } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import type { PageProps } from '../pages.js';
import { LiveTouchpointTable } from './LiveTouchpointTable.js';
import { useLive } from './LiveUpdates.js';

/**
 * Live: the project's last 100 touchpoints as they arrive, newest first, for a developer
 * checking an integration. Its own subscription (`live.touchpoints`) answers the list at
 * once and again after each stored batch; the top bar's pause control stops it too,
 * keeping the list last shown.
 */
export function LivePage({ project }: PageProps) {
  const trpc = useTRPC();
  const { paused } = useLive();
  const [latest, setLatest] = useState<LiveTouchpoints | undefined>();
  const subscription = useSubscription(
    trpc.live.touchpoints.subscriptionOptions(paused ? skipToken : { projectId: project.projectId }, {
      onData: setLatest,
    }),
  );
  const touchpoints = latest?.touchpoints;

  return (
    <>
      <div class="page-head">
        <h1>Live</h1>
      </div>
      <p class="help">
        The last 100 touchpoints {project.name} stored, newest first, as they arrive: send one from your site
        or app and watch it appear here.
      </p>
      {subscription.status === 'error' && (
        <ErrorNotice error={subscription.error} onRetry={subscription.reset} />
      )}
      <p class="notice" role="status">
        {touchpoints === undefined
          ? paused
            ? 'Paused: resume live updates to list touchpoints.'
            : 'Connecting…'
          : touchpoints.length === 0
            ? 'Waiting for your first touchpoint…'
            : `${touchpoints.length} latest touchpoint${touchpoints.length === 1 ? '' : 's'}${paused ? ' (paused)' : ', updated as they arrive'}.`}
      </p>
      {touchpoints !== undefined && touchpoints.length > 0 && (
        <TableScroll label="Latest touchpoints">
          <LiveTouchpointTable
            projectId={project.projectId}
            touchpoints={touchpoints}
            linkPersons={can(project.role, 'readPersons')}
          />
        </TableScroll>
      )}
    </>
  );
}
