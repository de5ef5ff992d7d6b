/** How often a dashboard's report is sent. */
export const REPORT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** A dashboard's report sent by email on a schedule (issue 12, item 3). */
export interface ReportSchedule {
  scheduleId: string;
  projectId: string;
  dashboardId: string;
  frequency: ReportFrequency;
  /** Who receives it: the team's addresses, never a data subject's. */
  recipients: string[];
  createdBy: string;
  createdAt: number;
  /** When it is next due (epoch ms). */
  nextRunAt: number;
  /** When it was last sent; null before the first time. */
  lastSentAt: number | null;
}

/** The schedules of dashboards' reports, and the queue of those due. */
export interface ReportScheduleStore {
  createReportSchedule(
    input: Omit<ReportSchedule, 'scheduleId' | 'createdAt' | 'lastSentAt'>,
  ): Promise<ReportSchedule>;
  /** The project's schedules, oldest first. */
  listReportSchedules(projectId: string): Promise<ReportSchedule[]>;
  /** False when the project has no such schedule. */
  deleteReportSchedule(projectId: string, scheduleId: string): Promise<boolean>;
  /** Schedules of every project due at `now`, earliest first, at most `limit`. */
  getDueReportSchedules(now: number, limit: number): Promise<ReportSchedule[]>;
  /** Records a send (`sentAt`; absent: a try that failed) and the next time it is due. */
  markReportScheduleSent(scheduleId: string, sent: { sentAt?: number; nextRunAt: number }): Promise<void>;
}
