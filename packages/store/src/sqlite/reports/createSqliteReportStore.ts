import type Database from 'better-sqlite3';
import type { ReportBrand, ReportStore } from '../../reports/types.js';

interface ReportBrandRow {
  title: string;
  primary_color: string;
  accent_color: string;
  logo_data_url: string | null;
}

/** The SQLite store's report brands, one row per project. */
export function createSqliteReportStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): ReportStore {
  const getBrand = db.prepare(
    `SELECT title, primary_color, accent_color, logo_data_url FROM report_brands WHERE project_id = ?`,
  );
  const upsertBrand = db.prepare(`
    INSERT INTO report_brands (project_id, title, primary_color, accent_color, logo_data_url, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (project_id) DO UPDATE SET title = excluded.title, primary_color = excluded.primary_color,
      accent_color = excluded.accent_color, logo_data_url = excluded.logo_data_url, updated_at = excluded.updated_at
  `);
  return {
    async getReportBrand(projectId) {
      const row = getBrand.get(getProjectRowId(projectId)) as ReportBrandRow | undefined;
      return (
        row && {
          title: row.title,
          primaryColor: row.primary_color,
          accentColor: row.accent_color,
          logoDataUrl: row.logo_data_url,
        }
      );
    },
    async setReportBrand(projectId, brand: ReportBrand) {
      const { title, primaryColor, accentColor, logoDataUrl } = brand;
      upsertBrand.run(getProjectRowId(projectId), title, primaryColor, accentColor, logoDataUrl, Date.now());
    },
  };
}
