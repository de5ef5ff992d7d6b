import type { Store } from '@parcours/store';
import type { SendMail } from '../context.js';
import { printDashboardReport } from './printDashboardReport.js';
import { getNextReportRun, getReportPeriod } from './reportCalendar.js';

/** Schedules one pass sends at most. */
const MAX_PER_PASS = 20;

export interface ReportMailDeps {
  store: Store;
  renderPdf: (html: string) => Promise<Uint8Array>;
  sendMail: SendMail;
  /** A schedule that cannot be sent (its dashboard deleted, SMTP down) is logged here and tried at its next run. */
  logError?: (error: unknown) => void;
}

const formatDay = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );

/**
 * One pass of the report schedules due at `now`: each dashboard's report of the period
 * before its run (the last 7 days, or last month, in the project's zone) is printed and
 * mailed to its recipients as a PDF attachment, then the schedule moves to its next
 * run, so a schedule is sent once per period however often the pass runs. Answers how
 * many were sent.
 */
export async function runDueReportSchedules(deps: ReportMailDeps, now: number): Promise<number> {
  const { store } = deps;
  let sent = 0;
  for (const schedule of await store.getDueReportSchedules(now, MAX_PER_PASS)) {
    const project = await store.getProject(schedule.projectId);
    const timeZone = project?.timeZone ?? 'UTC';
    const nextRunAt = getNextReportRun(schedule.frequency, now, timeZone);
    try {
      if (project === undefined) throw new Error(`report schedule ${schedule.scheduleId}: no project`);
      const period = getReportPeriod(schedule.frequency, schedule.nextRunAt, timeZone);
      const report = await printDashboardReport(
        { store, project: { projectId: project.projectId, name: project.name }, renderPdf: deps.renderPdf },
        schedule.dashboardId,
        period,
      );
      if (report === undefined) {
        throw new Error(`report schedule ${schedule.scheduleId}: dashboard ${schedule.dashboardId} is gone`);
      }
      const days = `${formatDay(period.from, timeZone)} to ${formatDay(period.to, timeZone)}`;
      await deps.sendMail({
        to: schedule.recipients.join(', '),
        subject: `${project.name}: ${report.dashboardName}, ${days}`,
        text: `The ${schedule.frequency} report of the dashboard "${report.dashboardName}" (${project.name}), ${days}, is attached.\n`,
        attachments: [{ filename: report.filename, content: report.pdf, contentType: 'application/pdf' }],
      });
      sent++;
      await store.markReportScheduleSent(schedule.scheduleId, { sentAt: now, nextRunAt });
    } catch (error) {
      deps.logError?.(error);
      // Not sent: tried again at its next run rather than every pass.
      await store.markReportScheduleSent(schedule.scheduleId, { nextRunAt });
    }
  }
  return sent;
}
