import { TRPCError } from '@trpc/server';
import { REPORT_FREQUENCIES, type ReportBrand } from '@parcours/store';
import { z } from 'zod';
import { resolveSegment } from './resolveSegment.js';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { getProjectBrand, printDashboardReport } from '../reports/printDashboardReport.js';
import { getNextReportRun } from '../reports/reportCalendar.js';
import { renderReportHtml } from '../reports/renderReportHtml.js';
import { projectProcedure, router } from '../trpc.js';
import { funnelInput, overviewInput } from './journeyInputs.js';

/** A logo's data URL at most: 256 KiB of base64, about 190 KiB of image. */
export const MAX_LOGO_DATA_URL_LENGTH = 262_144;

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

const brandInput = z.object({
  title: z.string().trim().min(1).max(100),
  primaryColor: color,
  accentColor: color,
  logoDataUrl: z
    .string()
    .max(MAX_LOGO_DATA_URL_LENGTH, `a logo of at most ${MAX_LOGO_DATA_URL_LENGTH / 1024} KiB as a data URL`)
    .regex(
      /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/,
      'a data:image/png, image/jpeg or image/webp URL, base64',
    )
    .nullable(),
});

const pdfInput = overviewInput.and(
  z.object({
    /** The funnel whose steps the report shows, over the same range. */
    funnel: funnelInput.optional(),
  }),
);

const scheduleInput = z.object({
  dashboardId: z.string().min(1),
  frequency: z.enum(REPORT_FREQUENCIES),
  recipients: z.array(z.string().trim().email('an email address')).min(1).max(20),
});

const dashboardPdfInput = z.object({
  dashboardId: z.string().min(1),
  /** The report's range (inclusive epoch ms): every tile's figures are over it. */
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
});

/** The PDF renderer of the server, or a 501 naming what is missing. */
function requireRenderPdf(ctx: AuthorisedContext) {
  const renderPdf = ctx.services?.renderPdf;
  if (renderPdf === undefined) {
    throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'This server has no PDF renderer (Chromium).' });
  }
  return renderPdf;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The project's brand, or the default one titled with its name. */
const getBrand = (ctx: AuthorisedContext) => getProjectBrand(ctx);

/**
 * Branded reports (issue 12, item 3): the brand owners set (title, colours, logo), and
 * the PDF of a report (the overview's figures and a funnel's steps over a range),
 * printed on the server by Chromium (`services.renderPdf`).
 */
export const reportsRouter = router({
  brand: projectProcedure.query(({ ctx }) => getBrand(ctx)),

  setBrand: projectProcedure.input(brandInput).mutation(async ({ ctx, input }) => {
    const brand: ReportBrand = {
      title: input.title,
      primaryColor: input.primaryColor.toLowerCase(),
      accentColor: input.accentColor.toLowerCase(),
      logoDataUrl: input.logoDataUrl,
    };
    await ctx.store.setReportBrand(ctx.project.projectId, brand);
    await auditProject(ctx, 'report.brandUpdated', {
      detail: { title: brand.title, logo: brand.logoDataUrl !== null },
    });
    return brand;
  }),

  /** The report as a PDF (base64), named after the project and range. */
  pdf: projectProcedure.input(pdfInput).query(async ({ ctx, input }) => {
    const renderPdf = requireRenderPdf(ctx);
    const { projectId } = ctx.project;
    const { funnel, ...overviewQuery } = input;
    const [brand, overview, funnelResult] = await Promise.all([
      getBrand(ctx),
      resolveSegment(ctx, overviewQuery).then((query) => ctx.store.getOverview(projectId, query)),
      funnel &&
        resolveSegment(ctx, { ...funnel, from: input.from, to: input.to }).then((query) =>
          ctx.store.getFunnel(projectId, query),
        ),
    ]);
    const html = renderReportHtml({
      brand,
      projectName: ctx.project.name,
      range: { from: input.from, to: input.to },
      overview,
      funnel: funnelResult && { result: funnelResult },
    });
    const pdf = await renderPdf(html);
    return {
      filename: `parcours-report-${projectId}-${day(input.from)}-${day(input.to)}.pdf`,
      pdfBase64: Buffer.from(pdf).toString('base64'),
    };
  }),

  /**
   * A dashboard's report as a PDF (base64): the brand's first page with the dashboard's
   * name, then each tile's figures over the range, in the dashboard's order.
   */
  dashboardPdf: projectProcedure.input(dashboardPdfInput).query(async ({ ctx, input }) => {
    const renderPdf = requireRenderPdf(ctx);
    if (input.from > input.to) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'to: the range ends before it starts' });
    }
    const report = await printDashboardReport({ ...ctx, renderPdf }, input.dashboardId, input);
    if (report === undefined) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `dashboardId: no dashboard ${input.dashboardId}` });
    }
    return { filename: report.filename, pdfBase64: Buffer.from(report.pdf).toString('base64') };
  }),

  /** The dashboards' reports sent by email, and whether this server can send mail. */
  schedules: projectProcedure.query(async ({ ctx }) => ({
    mailConfigured: ctx.services?.sendMail !== undefined,
    schedules: await ctx.store.listReportSchedules(ctx.project.projectId),
  })),

  /** Sends a dashboard's report weekly (Mondays) or monthly (the 1st), 08:00 in the project's zone. */
  schedule: projectProcedure.input(scheduleInput).mutation(async ({ ctx, input }) => {
    const { projectId } = ctx.project;
    if ((await ctx.store.getDashboard(projectId, input.dashboardId)) === undefined) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `dashboardId: no dashboard ${input.dashboardId}` });
    }
    const project = await ctx.store.getProject(projectId);
    const schedule = await ctx.store.createReportSchedule({
      projectId,
      dashboardId: input.dashboardId,
      frequency: input.frequency,
      recipients: [...new Set(input.recipients.map((email) => email.toLowerCase()))],
      createdBy: ctx.caller.actor.label,
      nextRunAt: getNextReportRun(input.frequency, Date.now(), project?.timeZone),
    });
    await auditProject(ctx, 'report.scheduled', {
      detail: {
        scheduleId: schedule.scheduleId,
        dashboardId: input.dashboardId,
        frequency: input.frequency,
        recipients: schedule.recipients.length,
      },
    });
    return schedule;
  }),

  unschedule: projectProcedure
    .input(z.object({ scheduleId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.store.deleteReportSchedule(ctx.project.projectId, input.scheduleId))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `scheduleId: no schedule ${input.scheduleId}` });
      }
      await auditProject(ctx, 'report.unscheduled', { detail: { scheduleId: input.scheduleId } });
      return { removed: true };
    }),
});
