import { DEFAULT_REPORT_BRAND, type ReportBrand, type Store } from '@parcours/store';
import {
  cohortRetentionInput,
  frictionInput,
  funnelInput,
  overviewInput,
  pathsInput,
  personsInput,
  stagesInput,
} from '../routers/journeyInputs.js';
import { resolveSegment } from '../routers/resolveSegment.js';
import { toTileQuery } from './insightQueries.js';
import { renderDashboardReportHtml, type ReportTile } from './renderReportHtml.js';

/** What printing a report reads and uses: the store, the project, and the server's PDF renderer. */
export interface ReportDeps {
  store: Store;
  project: { projectId: string; name: string };
  renderPdf: (html: string) => Promise<Uint8Array>;
}

/** The names a tile's view has when the report cannot draw it. */
const VIEW_TITLES: Record<string, string> = {
  funnel: 'Funnel (no step saved)',
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The project's brand, or the default one titled with its name. */
export async function getProjectBrand(deps: Omit<ReportDeps, 'renderPdf'>): Promise<ReportBrand> {
  return (
    (await deps.store.getReportBrand(deps.project.projectId)) ?? {
      ...DEFAULT_REPORT_BRAND,
      title: deps.project.name,
    }
  );
}

/**
 * One tile's figures over the report's range: the same `journeys.*` question its page
 * asks (validated by that procedure's input schema, the segment resolved).
 */
async function answerTile(
  deps: Omit<ReportDeps, 'renderPdf'>,
  insight: Parameters<typeof toTileQuery>[0] & { name: string },
  range: { from: number; to: number },
): Promise<ReportTile> {
  const { store, project } = deps;
  const { projectId } = project;
  const tile = toTileQuery(insight, range);
  const name = insight.name;
  if (tile.view === 'overview') {
    const query = await resolveSegment(deps, overviewInput.parse({ projectId, ...tile.query }));
    return { name, view: 'overview', result: await store.getOverview(projectId, query) };
  }
  if (tile.view === 'funnel') {
    const query = await resolveSegment(deps, funnelInput.parse({ projectId, ...tile.query }));
    return { name, view: 'funnel', result: await store.getFunnel(projectId, query) };
  }
  if (tile.view === 'paths') {
    const query = await resolveSegment(deps, pathsInput.parse({ projectId, ...tile.query }));
    return { name, view: 'paths', result: await store.getPaths(projectId, query) };
  }
  if (tile.view === 'journeyMap') {
    const query = await resolveSegment(deps, stagesInput.parse({ projectId, ...tile.query }));
    const result = await store.getStages(projectId, query).catch((error: unknown) => {
      if (error instanceof RangeError) return undefined; // the tile's map was deleted
      throw error;
    });
    if (result === undefined) return { name, view: 'elsewhere', title: 'Journey map (deleted)' };
    return { name, view: 'journeyMap', result };
  }
  if (tile.view === 'retention') {
    const query = await resolveSegment(deps, cohortRetentionInput.parse({ projectId, ...tile.query }));
    return { name, view: 'retention', result: await store.getCohortRetention(projectId, query) };
  }
  if (tile.view === 'friction') {
    const query = await resolveSegment(deps, frictionInput.parse({ projectId, ...tile.query }));
    return { name, view: 'friction', result: await store.getFriction(projectId, query) };
  }
  if (tile.view === 'persons') {
    const query = await resolveSegment(deps, personsInput.parse({ projectId, ...tile.query }));
    const { total } = await store.getPersons(projectId, query);
    return { name, view: 'persons', total, filter: { channel: query.channel, stage: query.stage } };
  }
  return { name, view: 'elsewhere', title: VIEW_TITLES[insight.view] ?? insight.view };
}

/**
 * A dashboard's report as a PDF: the brand's first page with the dashboard's name, then
 * each tile's figures over `range`, in the dashboard's order. Undefined when the
 * project has no such dashboard.
 */
export async function printDashboardReport(
  deps: ReportDeps,
  dashboardId: string,
  range: { from: number; to: number },
): Promise<{ filename: string; pdf: Uint8Array; dashboardName: string } | undefined> {
  const { store, project } = deps;
  const dashboard = await store.getDashboard(project.projectId, dashboardId);
  if (dashboard === undefined) return undefined;
  const insights = new Map(
    (await store.listInsights(project.projectId)).map((insight) => [insight.insightId, insight]),
  );
  const tiles = await Promise.all(
    dashboard.insightIds.flatMap((id) => {
      const insight = insights.get(id);
      return insight === undefined ? [] : [answerTile(deps, insight, range)];
    }),
  );
  const html = renderDashboardReportHtml({
    brand: await getProjectBrand(deps),
    projectName: project.name,
    range,
    dashboardName: dashboard.name,
    tiles,
  });
  return {
    filename: `parcours-dashboard-${project.projectId}-${day(range.from)}-${day(range.to)}.pdf`,
    pdf: await deps.renderPdf(html),
    dashboardName: dashboard.name,
  };
}
