import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import type { ReportFrequency, ReportSchedule, ReportScheduleStore } from '../../reports/schedules.js';

interface ScheduleRow {
  public_id: string;
  project_public_id: string;
  dashboard_id: string;
  frequency: ReportFrequency;
  recipients: string;
  created_by: string;
  created_at: number;
  next_run_at: number;
  last_sent_at: number | null;
}

const COLUMNS = `s.public_id, p.public_id AS project_public_id, s.dashboard_id, s.frequency, s.recipients,
  s.created_by, s.created_at, s.next_run_at, s.last_sent_at`;

function toSchedule(row: ScheduleRow): ReportSchedule {
  return {
    scheduleId: row.public_id,
    projectId: row.project_public_id,
    dashboardId: row.dashboard_id,
    frequency: row.frequency,
    recipients: JSON.parse(row.recipients) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    nextRunAt: row.next_run_at,
    lastSentAt: row.last_sent_at,
  };
}

/** The SQLite store's report schedules, one row each. */
export function createSqliteReportScheduleStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): ReportScheduleStore {
  const insert = db.prepare(`
    INSERT INTO report_schedules
      (public_id, project_id, dashboard_id, frequency, recipients, created_by, created_at, next_run_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const ofProject = db.prepare<[number], ScheduleRow>(`
    SELECT ${COLUMNS} FROM report_schedules s JOIN projects p ON p.id = s.project_id
    WHERE s.project_id = ? ORDER BY s.created_at, s.id`);
  const due = db.prepare<[number, number], ScheduleRow>(`
    SELECT ${COLUMNS} FROM report_schedules s JOIN projects p ON p.id = s.project_id
    WHERE s.next_run_at <= ? ORDER BY s.next_run_at, s.id LIMIT ?`);
  const remove = db.prepare(`DELETE FROM report_schedules WHERE project_id = ? AND public_id = ?`);
  const markSent = db.prepare(
    `UPDATE report_schedules SET last_sent_at = COALESCE(?, last_sent_at), next_run_at = ? WHERE public_id = ?`,
  );

  return {
    async createReportSchedule(input) {
      const schedule: ReportSchedule = {
        ...input,
        scheduleId: createKey('rsc', 9),
        createdAt: Date.now(),
        lastSentAt: null,
      };
      insert.run(
        schedule.scheduleId,
        getProjectRowId(input.projectId),
        input.dashboardId,
        input.frequency,
        JSON.stringify(input.recipients),
        input.createdBy,
        schedule.createdAt,
        input.nextRunAt,
      );
      return schedule;
    },
    async listReportSchedules(projectId) {
      return ofProject.all(getProjectRowId(projectId)).map(toSchedule);
    },
    async deleteReportSchedule(projectId, scheduleId) {
      return remove.run(getProjectRowId(projectId), scheduleId).changes > 0;
    },
    async getDueReportSchedules(now, limit) {
      return due.all(now, limit).map(toSchedule);
    },
    async markReportScheduleSent(scheduleId, { sentAt, nextRunAt }) {
      markSent.run(sentAt ?? null, nextRunAt, scheduleId);
    },
  };
}
