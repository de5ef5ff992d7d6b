import { runDueReportSchedules, type ReportMailDeps } from '@parcours/api';

export interface ReportScheduleOptions {
  /** How often due schedules are looked for. Default 1 minute. */
  pollMs?: number | undefined;
  /** Where a failed pass or schedule is reported. Default `console.error`. */
  logError?: ((message: string, error: unknown) => void) | undefined;
}

/**
 * Sends the dashboards' scheduled reports in the background (`runDueReportSchedules`):
 * at start and every `pollMs`, one pass at a time. Only a server that can send mail
 * and print PDFs starts it. The timer is unref'd: it never keeps the process alive.
 */
export function startReportSchedules(
  deps: Omit<ReportMailDeps, 'logError'>,
  options: ReportScheduleOptions = {},
): { stop(): void } {
  const { pollMs = 60_000, logError = console.error } = options;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runDueReportSchedules(
        { ...deps, logError: (error) => logError('scheduled report failed', error) },
        Date.now(),
      );
    } catch (error) {
      logError('scheduled reports pass failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), pollMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
