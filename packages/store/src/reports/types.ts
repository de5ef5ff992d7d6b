/** How a project's reports look: its brand. */
export interface ReportBrand {
  /** The report's title. Default: the project's name. */
  title: string;
  /** Headings and rules, `#rrggbb`. */
  primaryColor: string;
  /** Bars and highlights, `#rrggbb`. */
  accentColor: string;
  /** A `data:image/…;base64,` URL, or null for none. */
  logoDataUrl: string | null;
}

/** The brand a project has before its owner sets one (the title then is its name). */
export const DEFAULT_REPORT_BRAND: Omit<ReportBrand, 'title'> = {
  primaryColor: '#1f2a44',
  accentColor: '#2f6fed',
  logoDataUrl: null,
};

/** The brand of each project's reports (issue 12, item 3). */
export interface ReportStore {
  /** The brand saved, or undefined until one is. */
  getReportBrand(projectId: string): Promise<ReportBrand | undefined>;
  /** Replaces the brand. */
  setReportBrand(projectId: string, brand: ReportBrand): Promise<void>;
}
