import { DUE_LABELS, type PrivacyRequestView } from './requestLabels.js';

/** "Overdue" or "Due this week", as a badge; nothing for a request on time or closed. */
export function DueBadge({ state }: { state: PrivacyRequestView['dueState'] }) {
  const label = DUE_LABELS[state];
  return label ? <span class={`badge due-${state}`}>{label}</span> : null;
}
