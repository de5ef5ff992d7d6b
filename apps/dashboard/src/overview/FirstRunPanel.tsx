import { skipToken, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../api/trpc.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LIVE_PATH } from '../live/livePath.js';
import { useLive } from '../live/LiveUpdates.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { replaceHash } from '../routing/useHashRoute.js';
import { createCurlCommand, createNpmSnippet, createScriptTag } from '../settings/createSnippets.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

export interface FirstRunPanelProps {
  projectId: string;
  writeKey: string;
}

/**
 * A project that has never received a touchpoint: its write key and three ways to send
 * one (script tag, npm, curl), while it listens (`live.touchpoints`); the first one
 * to arrive switches to the Live page, where it shows.
 */
export function FirstRunPanel({ projectId, writeKey }: FirstRunPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { paused } = useLive();
  const origin = location.origin;
  const subscription = useSubscription(
    trpc.live.touchpoints.subscriptionOptions(paused ? skipToken : { projectId }, {
      onData: ({ touchpoints }) => {
        if (touchpoints.length === 0) return;
        // Known at once, not after a refetch that leaving this page may cancel: with the
        // old `hasTouchpoints: false` still cached, coming back to the Overview showed this
        // panel again, whose first list (the touchpoint just sent) switched to Live again.
        queryClient.setQueryData(
          trpc.admin.project.queryKey({ projectId }),
          (settings) => settings && { ...settings, hasTouchpoints: true },
        );
        void refetchAfterWrite(queryClient, trpc.admin.project.queryFilter({ projectId }));
        // The waiting page has done its job: back should not return to it.
        replaceHash(createProjectHash(projectId, LIVE_PATH));
      },
    }),
  );

  return (
    <section class="card first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Waiting for your first touchpoint</h2>
      <p class="notice" role="status">
        {paused
          ? 'Live updates are paused: resume them to see your first touchpoint arrive.'
          : 'Listening: this page switches to the live view as soon as one arrives.'}
      </p>
      {subscription.status === 'error' && (
        <ErrorNotice error={subscription.error} onRetry={subscription.reset} />
      )}
      <p class="help">
        Send one with any of these. The write key only sends touchpoints and consent; it reads nothing, so it
        can sit in a web page or an app.
      </p>
      <CopyField id="first-run-write-key" label="Write key" value={writeKey} />
      <CopyField
        id="first-run-script-tag"
        label="Script tag, for a site’s <head>"
        value={createScriptTag(origin, writeKey)}
        multiline
      />
      <CopyField
        id="first-run-npm"
        label="With npm, for an app with a bundler"
        value={createNpmSnippet(origin, writeKey)}
        multiline
      />
      <CopyField
        id="first-run-curl"
        label="With curl, from a terminal"
        value={createCurlCommand(origin, writeKey)}
        multiline
      />
    </section>
  );
}
