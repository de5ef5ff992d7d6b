import { skipToken, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { isLiveQuery } from './isLiveQuery.js';
import { refreshLiveQueries } from './refreshLiveQueries.js';

/** Where live updates stand: connected, (re)connecting, paused by the user, or refused. */
export type LiveStatus = 'live' | 'connecting' | 'paused' | 'error';

export interface LiveState {
  status: LiveStatus;
  paused: boolean;
  setPaused: (paused: boolean) => void;
}

const LiveContext = createContext<LiveState>({ status: 'paused', paused: true, setPaused: () => {} });

/** The project's live state, for the indicator and the pages that subscribe themselves (Live). */
export function useLive(): LiveState {
  return useContext(LiveContext);
}

/**
 * Keeps a project's pages up to date: one `live.changes` subscription (server-sent
 * events) for the whole tab, and on each push, at most one a second, the project's
 * journey queries are invalidated, so what is on screen refetches (and only that:
 * react-query refetches active queries and marks the others stale). Paused, the
 * subscription is closed; resuming, or reconnecting after a cut, refreshes at once
 * since pushes may have been missed meanwhile. A push never cancels a fetch on its way
 * (`refreshLiveQueries`): a query slower than the pushes still answers.
 */
export function LiveUpdates({ projectId, children }: { projectId: string; children: ComponentChildren }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);
  const starts = useRef(0);
  const refresh = () => refreshLiveQueries(queryClient, (query) => isLiveQuery(query, projectId));
  const subscription = useSubscription(
    trpc.live.changes.subscriptionOptions(paused ? skipToken : { projectId }, {
      // The first start follows the page's own fetch: nothing to catch up on.
      onStarted: () => {
        if (starts.current++ > 0) refresh();
      },
      onData: refresh,
    }),
  );
  const status: LiveStatus = paused
    ? 'paused'
    : subscription.status === 'pending'
      ? 'live'
      : subscription.status === 'error'
        ? 'error'
        : 'connecting';
  return <LiveContext.Provider value={{ status, paused, setPaused }}>{children}</LiveContext.Provider>;
}
