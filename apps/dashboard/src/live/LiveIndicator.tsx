import { useLive, type LiveStatus } from './LiveUpdates.js';

const LABELS: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  paused: 'Paused',
  error: 'Live updates unavailable',
};

/** The top bar's "live" indicator, and the control that pauses and resumes live updates. */
export function LiveIndicator() {
  const { status, paused, setPaused } = useLive();
  return (
    <span class="live-control">
      <span class={`live-status live-${status}`} role="status">
        <span class="live-dot" aria-hidden="true" />
        {LABELS[status]}
      </span>
      <button type="button" class="button-secondary" aria-pressed={paused} onClick={() => setPaused(!paused)}>
        {/* A toggle keeps its name; aria-pressed says whether it is on. */}
        Pause<span class="visually-hidden"> live updates</span>
      </button>
    </span>
  );
}
