import type Database from 'better-sqlite3';
import type { ShareView } from '../../accounts/types.js';

export interface ShareLinkRow {
  public_id: string;
  project_public_id: string;
  view: ShareView;
  state: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

const COLUMNS = `s.public_id, p.public_id AS project_public_id, s.view, s.state, s.created_by,
  s.created_at, s.expires_at, s.revoked_at`;

/** The share-link queries, prepared once. A link is found by the hash of its token. */
export function prepareShareLinkQueries(db: Database.Database) {
  const insertShareLink = db.prepare(`
    INSERT INTO share_links (hash, public_id, project_id, view, state, created_by, created_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  `);
  const getLiveShareLink = db.prepare(`
    SELECT ${COLUMNS} FROM share_links s JOIN projects p ON p.id = s.project_id
    WHERE s.hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?
  `);
  const getShareLinksOfProject = db.prepare(`
    SELECT ${COLUMNS} FROM share_links s JOIN projects p ON p.id = s.project_id
    WHERE s.project_id = ? ORDER BY s.created_at DESC, s.public_id
  `);
  const revokeShareLink = db.prepare(
    `UPDATE share_links SET revoked_at = ? WHERE project_id = ? AND public_id = ? AND revoked_at IS NULL`,
  );
  return {
    insertShareLink: (
      hash: string,
      link: {
        publicId: string;
        projectRowId: number;
        view: ShareView;
        state: string;
        createdBy: string;
        expiresAt: number;
      },
      now: number,
    ) => {
      insertShareLink.run(
        hash,
        link.publicId,
        link.projectRowId,
        link.view,
        link.state,
        link.createdBy,
        now,
        link.expiresAt,
      );
    },
    getLiveShareLink: (hash: string, now: number) =>
      getLiveShareLink.get(hash, now) as ShareLinkRow | undefined,
    getShareLinksOfProject: (projectRowId: number) =>
      getShareLinksOfProject.all(projectRowId) as ShareLinkRow[],
    revokeShareLink: (projectRowId: number, publicId: string, now: number) =>
      revokeShareLink.run(now, projectRowId, publicId).changes === 1,
  };
}
