/**
 * The change from a previous figure to this one, in words for a screen reader and
 * eyes alike: `+25%`, `−10%`, `no change`, or `new` when the previous was zero.
 */
export function formatChange(current: number, previous: number): string {
  if (current === previous) return 'no change';
  if (previous === 0) return 'new';
  const percent = Math.round(((current - previous) / Math.abs(previous)) * 100);
  if (percent === 0) return current > previous ? '+<1%' : '−<1%';
  return percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`;
}
