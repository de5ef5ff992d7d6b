let last = 0;

/**
 * A version for a new row: epoch ms × 1000, strictly increasing within the process
 * (stays below 2⁵³ until the year 2255, so it is a safe JavaScript number). Across
 * processes it is only as ordered as their clocks: of two writes to one record in the
 * same millisecond by two processes, either may win, as with any last-write-wins.
 */
export function nextVersion(): number {
  const now = Date.now() * 1000;
  last = now > last ? now : last + 1;
  return last;
}
