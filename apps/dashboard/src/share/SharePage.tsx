import { useQuery } from '@tanstack/react-query';
import { getErrorCode } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { SharedFigures } from './SharedFigures.js';

/** The route of share links: `#/share?token=…` (`shares.create` makes them). */
export const SHARE_PATH = 'share';

const VIEW_TITLES = {
  overview: 'Overview',
  funnel: 'Funnel',
  paths: 'Paths',
  journeyMap: 'Journey map',
} as const;

/**
 * A shared view, opened with no account (`share.get`): the figures of one overview,
 * funnel, paths or journey map, read-only. No person, no id, no link into the app.
 */
export function SharePage({ token }: { token: string | undefined }) {
  const trpc = useTRPC();
  const shared = useQuery({
    ...trpc.share.get.queryOptions({ token: token ?? '' }),
    enabled: Boolean(token),
  });
  const isDead = !token || getErrorCode(shared.error) === 'NOT_FOUND';

  return (
    <>
      <header class="topbar">
        <span class="brand">Parcours</span>
        {shared.data && <span class="project">{shared.data.projectName}</span>}
        <span class="muted">Shared view, read-only</span>
      </header>
      <main id="main">
        {isDead ? (
          <>
            <h1>Link not available</h1>
            <p class="notice notice-error" role="alert">
              This link has expired or was revoked. Ask the person who shared it for a new one.
            </p>
          </>
        ) : shared.isError ? (
          <>
            <h1>Shared view</h1>
            <ErrorNotice error={shared.error} onRetry={() => void shared.refetch()} />
          </>
        ) : shared.isPending ? (
          <>
            <h1>Shared view</h1>
            <p class="notice" role="status">
              Opening the shared view…
            </p>
          </>
        ) : (
          <>
            <div class="page-head">
              <h1>
                {VIEW_TITLES[shared.data.view]} <span class="muted">· {shared.data.projectName}</span>
              </h1>
            </div>
            <p class="help">
              Figures as of now, read-only. This link works until {formatDateTime(shared.data.expiresAt)}.
            </p>
            <SharedFigures shared={shared.data} />
          </>
        )}
      </main>
    </>
  );
}
