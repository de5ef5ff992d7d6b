import { getNextReportRun, getReportPeriod, runDueReportSchedules } from '@parcours/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './mail/createSmtpMailer.js';
import { createPdfRenderer } from './reports/createPdfRenderer.js';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';
import { startSmtpReceiver } from './testing/startSmtpReceiver.js';

// Issue 12, item 3: a dashboard's report sent by email on a schedule. A real server on
// loopback with a SQLite file takes the schedule; a real SMTP server on loopback
// receives what the pass sends, with the PDF Chromium printed attached; the clock is
// the pass's `now`.
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let server: JourneysServer;
const renderer = createPdfRenderer();
const DAY = 86_400_000;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startJourneysServer('report-schedules');
}, 30_000);
afterAll(async () => {
  await server.stop();
  await renderer.close();
  await smtp.stop();
});

async function call(path: string, input: object, method: 'GET' | 'POST') {
  const body = JSON.stringify({ projectId: server.project.projectId, ...input });
  const url =
    method === 'GET'
      ? `${server.base}/trpc/${path}?input=${encodeURIComponent(body)}`
      : `${server.base}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${server.project.secretKey}`, 'Content-Type': 'application/json' },
    ...(method === 'POST' && { body }),
  });
  const answer = (await response.json()) as { result?: { data: any }; error?: any };
  return { status: response.status, data: answer.result?.data, error: answer.error };
}

describe('scheduled reports by email', () => {
  it('sends a weekly schedule once when due, with the PDF attached, and not again until the next week', async () => {
    const { projectId } = server.project;
    const insight = await server.store.createInsight({
      projectId,
      name: 'Overview',
      description: '',
      view: 'overview',
      params: {},
      createdBy: 'owner@example.com',
    });
    const dashboard = await server.store.createDashboard({
      projectId,
      name: 'Weekly review',
      description: '',
      insightIds: [insight.insightId],
      createdBy: 'owner@example.com',
    });

    const before = Date.now();
    const created = await call(
      'reports.schedule',
      {
        dashboardId: dashboard.dashboardId,
        frequency: 'weekly',
        recipients: ['Team@Example.com', 'lead@example.com', 'team@example.com'],
      },
      'POST',
    );
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const schedule = created.data;
    expect(schedule.recipients).toEqual(['team@example.com', 'lead@example.com']);
    // The next Monday, 08:00 in the project's zone (UTC here).
    const due = schedule.nextRunAt as number;
    expect([getNextReportRun('weekly', before), getNextReportRun('weekly', Date.now())]).toContain(due);
    expect(new Date(due).getUTCDay()).toBe(1);
    expect(new Date(due).getUTCHours()).toBe(8);
    expect(due - before).toBeLessThanOrEqual(7 * DAY);

    // This server has no SMTP: the dashboard says so.
    const listed = await call('reports.schedules', {}, 'GET');
    expect(listed.data.mailConfigured).toBe(false);
    expect(listed.data.schedules.map((s: any) => s.scheduleId)).toEqual([schedule.scheduleId]);

    const { received } = smtp;
    const deps = {
      store: server.store,
      renderPdf: (html: string) => renderer.render(html),
      sendMail: createSmtpMailer({
        PARCOURS_SMTP_URL: smtp.url,
        PARCOURS_SMTP_FROM: 'parcours@example.com',
      })!,
    };
    expect(await runDueReportSchedules(deps, due - 1)).toBe(0);
    expect(received).toHaveLength(0);

    expect(await runDueReportSchedules(deps, due + 60_000)).toBe(1);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to.sort()).toEqual(['lead@example.com', 'team@example.com']);
    const period = getReportPeriod('weekly', due);
    const days = [period.from, period.to].map((t) => new Date(t).toISOString().slice(0, 10));
    expect(days[1]).toBe(new Date(due - DAY).toISOString().slice(0, 10));
    const unfolded = mail!.body.replace(/\r?\n[ \t]/g, ' ');
    expect(unfolded).toContain(`Subject: report-schedules: Weekly review, ${days[0]} to ${days[1]}`);
    expect(unfolded).toMatch(/Content-Type: application\/pdf; name=parcours-dashboard-/);
    // The attachment is a PDF: base64 of "%PDF-" starts "JVBERi0".
    expect(mail!.body).toContain('JVBERi0');

    // The same week again: nothing more; the next week: once more.
    expect(await runDueReportSchedules(deps, due + 2 * 60_000)).toBe(0);
    expect(received).toHaveLength(1);
    const [moved] = (await call('reports.schedules', {}, 'GET')).data.schedules;
    expect(moved.lastSentAt).toBe(due + 60_000);
    expect(moved.nextRunAt).toBe(due + 7 * DAY);
    expect(await runDueReportSchedules(deps, due + 7 * DAY + 60_000)).toBe(1);
    expect(received).toHaveLength(2);

    const removed = await call('reports.unschedule', { scheduleId: schedule.scheduleId }, 'POST');
    expect(removed.status).toBe(200);
    expect(await runDueReportSchedules(deps, due + 14 * DAY + 60_000)).toBe(0);
  }, 90_000);

  it('refuses a recipient that is not an email address, and a dashboard the project does not have', async () => {
    const bad = await call(
      'reports.schedule',
      { dashboardId: 'dsh_nope', frequency: 'weekly', recipients: ['not-an-address'] },
      'POST',
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.error)).toContain('an email address');
    const unknown = await call(
      'reports.schedule',
      { dashboardId: 'dsh_nope', frequency: 'monthly', recipients: ['team@example.com'] },
      'POST',
    );
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.error)).toContain('dashboardId');
  });
});
