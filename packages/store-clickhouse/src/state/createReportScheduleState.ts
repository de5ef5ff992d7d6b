import { createKey, type Project, type ReportSchedule, type ReportScheduleStore } from '@parcours/store';
import type { Records } from './createRecords.js';

/** A schedule's record id: unique across projects, listed by its owner (the project id). */
const recordId = (projectId: string, scheduleId: string) => `${projectId}:${scheduleId}`;

/**
 * Dashboards' report schedules as shared records (kind `report_schedule`, owner the
 * project id). Several `parcours start --clickhouse` processes with SMTP may each send
 * a due schedule in the same minute, as with webhooks: the write of its next run after
 * a send is what stops the others from sending it again.
 */
export function createReportScheduleState(
  records: Records,
  requireProject: (projectId: string) => Promise<Project>,
): ReportScheduleStore {
  const all = async () => (await records.list<ReportSchedule>('report_schedule')).map((row) => row.value);
  return {
    async createReportSchedule(input) {
      await requireProject(input.projectId);
      const schedule: ReportSchedule = {
        ...input,
        scheduleId: createKey('rsc', 9),
        createdAt: Date.now(),
        lastSentAt: null,
      };
      await records.put(
        'report_schedule',
        recordId(input.projectId, schedule.scheduleId),
        schedule,
        input.projectId,
      );
      return schedule;
    },
    async listReportSchedules(projectId) {
      await requireProject(projectId);
      return (await records.list<ReportSchedule>('report_schedule', projectId)).map((row) => row.value);
    },
    async deleteReportSchedule(projectId, scheduleId) {
      await requireProject(projectId);
      const id = recordId(projectId, scheduleId);
      if ((await records.get('report_schedule', id)) === undefined) return false;
      await records.remove('report_schedule', [id], projectId);
      return true;
    },
    async getDueReportSchedules(now, limit) {
      return (await all())
        .filter((schedule) => schedule.nextRunAt <= now)
        .sort((a, b) => a.nextRunAt - b.nextRunAt || a.createdAt - b.createdAt)
        .slice(0, limit);
    },
    async markReportScheduleSent(scheduleId, { sentAt, nextRunAt }) {
      const found = (await all()).find((schedule) => schedule.scheduleId === scheduleId);
      // Deleted meanwhile: nothing to record.
      if (found === undefined) return;
      await records.put(
        'report_schedule',
        recordId(found.projectId, scheduleId),
        { ...found, lastSentAt: sentAt ?? found.lastSentAt, nextRunAt },
        found.projectId,
      );
    },
  };
}
