/** The page path of the saved insights list. */
export const INSIGHTS_PATH = 'insights';

/** The page path of dashboards: `?id=` one of them, else the project's default. */
export const DASHBOARDS_PATH = 'dashboards';

/** The page path of annotations, with their before/after comparisons. */
export const ANNOTATIONS_PATH = 'annotations';

const PRINT_ROUTE = /^dashboards\/([^/]+)\/print$/;

/** `dashboards/<id>/print`: a dashboard alone, without navigation, for printing and PDF export. */
export function createDashboardPrintPath(dashboardId: string): string {
  return `${DASHBOARDS_PATH}/${dashboardId}/print`;
}

/** The dashboard id of a print route's path, or undefined for any other path. */
export function parseDashboardPrintPath(path: string): string | undefined {
  return PRINT_ROUTE.exec(path)?.[1];
}
