import { TRPCError } from '@trpc/server';
import { DEFAULT_REPORT_BRAND, type ReportBrand } from '@parcours/store';
import { z } from 'zod';
import { resolveSegment } from './resolveSegment.js';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { toTileQuery } from '../reports/insightQueries.js';
import { renderDashboardReportHtml, renderReportHtml, type ReportTile } from '../reports/renderReportHtml.js';
import { projectProcedure, router } from '../trpc.js';
import { funnelInput, overviewInput, pathsInput } from './journeyInputs.js';

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

const dashboardPdfInput = z.object({
  dashboardId: z.string().min(1),
  /** The report's range (inclusive epoch ms): every tile's figures are over it. */
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
});

/** The names a tile's view has when the report cannot draw it. */
const VIEW_TITLES: Record<string, string> = {
  journeyMap: 'Journey map',
  persons: 'Persons',
  retention: 'Retention',
  friction: 'Friction',
  funnel: 'Funnel (no step saved)',
};

/** The PDF renderer of the server, or a 501 naming what is missing. */
function requireRenderPdf(ctx: AuthorisedContext) {
  const renderPdf = ctx.services?.renderPdf;
  if (renderPdf === undefined) {
    throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'This server has no PDF renderer (Chromium).' });
  }
  return renderPdf;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One tile's figures over the report's range: the same `journeys.*` question its page
 * asks (validated by that procedure's input schema, the segment resolved).
 */
async function answerTile(
  ctx: AuthorisedContext,
  insight: Parameters<typeof toTileQuery>[0] & { name: string },
  range: { from: number; to: number },
): Promise<ReportTile> {
  const { projectId } = ctx.project;
  const tile = toTileQuery(insight, range);
  const name = insight.name;
  if (tile.view === 'overview') {
    const query = await resolveSegment(ctx, overviewInput.parse({ projectId, ...tile.query }));
    return { name, view: 'overview', result: await ctx.store.getOverview(projectId, query) };
  }
  if (tile.view === 'funnel') {
    const query = await resolveSegment(ctx, funnelInput.parse({ projectId, ...tile.query }));
    return { name, view: 'funnel', result: await ctx.store.getFunnel(projectId, query) };
  }
  if (tile.view === 'paths') {
    const query = await resolveSegment(ctx, pathsInput.parse({ projectId, ...tile.query }));
    return { name, view: 'paths', result: await ctx.store.getPaths(projectId, query) };
  }
  return { name, view: 'elsewhere', title: VIEW_TITLES[insight.view] ?? insight.view };
}

/** The project's brand, or the default one titled with its name. */
async function getBrand(ctx: AuthorisedContext): Promise<ReportBrand> {
  return (
    (await ctx.store.getReportBrand(ctx.project.projectId)) ?? {
      ...DEFAULT_REPORT_BRAND,
      title: ctx.project.name,
    }
  );
}

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
    const { projectId } = ctx.project;
    if (input.from > input.to) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'to: the range ends before it starts' });
    }
    const dashboard = await ctx.store.getDashboard(projectId, input.dashboardId);
    if (dashboard === undefined) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `dashboardId: no dashboard ${input.dashboardId}` });
    }
    const insights = new Map(
      (await ctx.store.listInsights(projectId)).map((insight) => [insight.insightId, insight]),
    );
    const range = { from: input.from, to: input.to };
    const tiles = await Promise.all(
      dashboard.insightIds.flatMap((id) => {
        const insight = insights.get(id);
        return insight === undefined ? [] : [answerTile(ctx, insight, range)];
      }),
    );
    const html = renderDashboardReportHtml({
      brand: await getBrand(ctx),
      projectName: ctx.project.name,
      range,
      dashboardName: dashboard.name,
      tiles,
    });
    const pdf = await renderPdf(html);
    return {
      filename: `parcours-dashboard-${projectId}-${day(input.from)}-${day(input.to)}.pdf`,
      pdfBase64: Buffer.from(pdf).toString('base64'),
    };
  }),
});
