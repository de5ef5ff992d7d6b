/**
 * Saved insights, dashboards and annotations (issue 12): what a project keeps of the
 * views its team looks at again, and of the dates that explain their figures.
 */

/** The pages an insight can be saved from: their URL state is what an insight keeps. */
export const INSIGHT_VIEWS = [
  'overview',
  'funnel',
  'paths',
  'journeyMap',
  'persons',
  'retention',
  'friction',
] as const;
export type InsightView = (typeof INSIGHT_VIEWS)[number];

/** Bounds the store and the API share. */
export const INSIGHT_LIMITS = {
  nameLength: 120,
  descriptionLength: 2_000,
  /** Tiles of one dashboard. */
  tiles: 30,
  annotationTextLength: 500,
} as const;

/** A saved view: a page and its URL query, kept as the page wrote it. */
export interface Insight {
  /** `ins_…`. */
  insightId: string;
  projectId: string;
  name: string;
  description: string;
  view: InsightView;
  /** The page's hash parameters, as-is: opening the insight opens the page with them. */
  params: Record<string, string>;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** A named grid of saved insights, in tile order. */
export interface Dashboard {
  /** `dsh_…`. */
  dashboardId: string;
  projectId: string;
  name: string;
  description: string;
  /** The project's home page; a project has at most one. */
  isDefault: boolean;
  /** The tiles, in order: each an insight of the project. */
  insightIds: string[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** A note on a day or a range of days of a project: a release, a campaign, a fix on a touchpoint. */
export interface Annotation {
  /** `ann_…`. */
  annotationId: string;
  projectId: string;
  /** First and last day it covers, `YYYY-MM-DD` (UTC), `fromDay <= toDay`. */
  fromDay: string;
  toDay: string;
  text: string;
  /** The touchpoint (event name) it is about, if any. */
  touchpoint: string | null;
  createdBy: string;
  createdAt: number;
}

export interface InsightInput {
  projectId: string;
  name: string;
  description: string;
  view: InsightView;
  params: Record<string, string>;
  createdBy: string;
}

export interface DashboardInput {
  projectId: string;
  name: string;
  description: string;
  insightIds: string[];
  /** Default false. Throws when the project already has its default dashboard. */
  isDefault?: boolean;
  createdBy: string;
}

export type AnnotationInput = Omit<Annotation, 'annotationId' | 'createdAt'>;

/** Saved insights, dashboards and annotations of a project; each list oldest first. */
export interface InsightStore {
  createInsight(input: InsightInput): Promise<Insight>;
  listInsights(projectId: string): Promise<Insight[]>;
  /** Changes a saved insight; undefined when the project has no such insight. */
  updateInsight(
    projectId: string,
    insightId: string,
    change: Partial<Pick<Insight, 'name' | 'description' | 'params'>>,
  ): Promise<Insight | undefined>;
  /** Deletes an insight and its tiles on every dashboard; false when there was none. */
  deleteInsight(projectId: string, insightId: string): Promise<boolean>;
  /** Throws a RangeError when a tile is not an insight of the project. */
  createDashboard(input: DashboardInput): Promise<Dashboard>;
  listDashboards(projectId: string): Promise<Dashboard[]>;
  getDashboard(projectId: string, dashboardId: string): Promise<Dashboard | undefined>;
  /** Renames or re-tiles a dashboard (`insightIds` in the new order); RangeError as `createDashboard`. */
  updateDashboard(
    projectId: string,
    dashboardId: string,
    change: Partial<Pick<Dashboard, 'name' | 'description' | 'insightIds'>>,
  ): Promise<Dashboard | undefined>;
  deleteDashboard(projectId: string, dashboardId: string): Promise<boolean>;
  createAnnotation(input: AnnotationInput): Promise<Annotation>;
  /** The project's annotations, by first day. */
  listAnnotations(projectId: string): Promise<Annotation[]>;
  deleteAnnotation(projectId: string, annotationId: string): Promise<boolean>;
}
