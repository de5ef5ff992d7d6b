import { useMutation } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { describeError } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { ShareView } from '../api/types.js';
import { CopyField } from '../components/CopyField.js';
import { formatDateTime } from '../format/formatDateTime.js';

/** How long a share link may live, in days, as offered. */
export const SHARE_EXPIRY_DAYS = [1, 7, 30, 90] as const;

export interface ShareButtonProps {
  projectId: string;
  view: ShareView;
  /** The page's hash parameters, to show the view again the same way. */
  params: Record<string, string>;
  /** The exact input of the page's `journeys.*` query, without `projectId`. */
  query: Record<string, unknown>;
}

/**
 * "Share": makes a read-only link to this view (`shares.create`) that opens without an
 * account, with the figures only, until it expires or an owner revokes it.
 */
export function ShareButton({ projectId, view, params, query }: ShareButtonProps) {
  const trpc = useTRPC();
  const [isOpen, setOpen] = useState(false);
  const [days, setDays] = useState<number>(7);
  const create = useMutation(trpc.shares.create.mutationOptions());
  const panelId = `share-${view}`;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    create.mutate({ projectId, view, params, query, expiresInDays: days });
  };

  return (
    <>
      <button
        type="button"
        class="button-secondary"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!isOpen);
          create.reset();
        }}
      >
        Share
      </button>
      {isOpen && (
        <section id={panelId} class="card share-panel" aria-labelledby={`${panelId}-heading`}>
          <h2 id={`${panelId}-heading`}>Share this view</h2>
          <p class="help">
            Anyone with the link sees these figures, read-only and without an account: no person, no id. An
            owner can revoke it in Settings → Share links.
          </p>
          {create.data ? (
            <>
              <CopyField id={`${panelId}-url`} label="Link" value={create.data.url} />
              <p class="help">It works until {formatDateTime(create.data.expiresAt)}.</p>
            </>
          ) : (
            <form class="inline-form" onSubmit={onSubmit}>
              <div class="field">
                <label for={`${panelId}-days`}>The link expires after</label>
                <select
                  id={`${panelId}-days`}
                  value={days}
                  onChange={(event) => setDays(Number(event.currentTarget.value))}
                >
                  {SHARE_EXPIRY_DAYS.map((option) => (
                    <option key={option} value={option}>
                      {option === 1 ? '1 day' : `${option} days`}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" disabled={create.isPending}>
                {create.isPending ? 'Creating…' : 'Create link'}
              </button>
            </form>
          )}
          {create.isError && (
            <p class="notice notice-error" role="alert">
              {describeError(create.error)}
            </p>
          )}
        </section>
      )}
    </>
  );
}
