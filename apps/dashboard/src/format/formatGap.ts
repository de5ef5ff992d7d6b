const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The time between two touchpoints in at most two units, e.g. `45 s`, `12 min`,
 * `2 h 5 min`, `3 d 4 h`. What a journey reads as: "came back three days later".
 * Negative or non-finite durations (clock skew between devices) give `0 s`.
 */
export function formatGap(milliseconds: number): string {
  const ms = Number.isFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0;
  if (ms < MINUTE) return `${Math.floor(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return joinUnits(Math.floor(ms / HOUR), 'h', Math.floor((ms % HOUR) / MINUTE), 'min');
  return joinUnits(Math.floor(ms / DAY), 'd', Math.floor((ms % DAY) / HOUR), 'h');
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}
