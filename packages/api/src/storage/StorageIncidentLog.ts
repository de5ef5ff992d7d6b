import type { StorageFault } from '@parcours/store';

/**
 * Logs storage faults once per incident, not once per request: a full disk under
 * 200 clients would otherwise write thousands of identical lines (onto the full disk).
 * The first fault of a kind logs a line; repeats are counted silently; the first
 * write that succeeds afterwards logs the recovery with the count. A fault of
 * another kind during an incident is a new incident.
 */
export class StorageIncidentLog {
  private _open: { kind: StorageFault['kind']; since: number; refused: number } | undefined;

  /** @param log where the lines go (the server's error log). */
  constructor(private readonly _log: (line: string) => void) {}

  /** A request was refused with a 503 because of `fault`. */
  onFault(fault: StorageFault, path: string): void {
    if (this._open?.kind === fault.kind) {
      this._open.refused++;
      return;
    }
    this._open = { kind: fault.kind, since: Date.now(), refused: 1 };
    this._log(
      `storage fault (${fault.code}): ${fault.message}; /trpc/${path} and every write answer 503 with Retry-After: ${fault.retryAfterSeconds} until it clears (logged once per incident)`,
    );
  }

  /** A write succeeded: closes the incident, if one is open. */
  onWriteSucceeded(): void {
    const open = this._open;
    if (open === undefined) return;
    this._open = undefined;
    const seconds = Math.round((Date.now() - open.since) / 1000);
    this._log(
      `storage recovered: writes succeed again after ${seconds} s (${open.kind}); ${open.refused} requests were answered 503`,
    );
  }
}
