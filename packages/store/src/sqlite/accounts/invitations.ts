import type Database from 'better-sqlite3';
import type { Role } from '../../accounts/types.js';

export interface InvitationRow {
  public_id: string;
  project_row_id: number | null;
  project_public_id: string | null;
  project_name: string | null;
  email: string;
  role: Role | null;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
}

const COLUMNS = `i.public_id, i.project_id AS project_row_id, p.public_id AS project_public_id,
  p.name AS project_name, i.email, i.role, i.invited_by, i.created_at, i.expires_at`;

/** The invitation queries, prepared once. A token is found by its hash; pending = not spent, not expired. */
export function prepareInvitationQueries(db: Database.Database) {
  const insertInvitation = db.prepare(`
    INSERT INTO invitations (hash, public_id, project_id, email, role, invited_by, created_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  `);
  const getPendingInvitation = db.prepare(`
    SELECT ${COLUMNS} FROM invitations i LEFT JOIN projects p ON p.id = i.project_id
    WHERE i.hash = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
  `);
  const getPendingInvitationsOfProject = db.prepare(`
    SELECT ${COLUMNS} FROM invitations i JOIN projects p ON p.id = i.project_id
    WHERE i.project_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
    ORDER BY i.created_at DESC
  `);
  const markAccepted = db.prepare(
    `UPDATE invitations SET accepted_at = ? WHERE hash = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
  );
  const revokeInvitation = db.prepare(`
    UPDATE invitations SET revoked_at = ?
    WHERE project_id = ? AND public_id = ? AND accepted_at IS NULL AND revoked_at IS NULL
  `);
  const revokeSetupInvitations = db.prepare(`
    UPDATE invitations SET revoked_at = ? WHERE project_id IS NULL AND accepted_at IS NULL AND revoked_at IS NULL
  `);
  return {
    insertInvitation: (
      hash: string,
      invitation: {
        publicId: string;
        projectRowId: number | null;
        email: string;
        role: Role | null;
        invitedBy: string | null;
        expiresAt: number;
      },
      now: number,
    ) => {
      insertInvitation.run(
        hash,
        invitation.publicId,
        invitation.projectRowId,
        invitation.email,
        invitation.role,
        invitation.invitedBy,
        now,
        invitation.expiresAt,
      );
    },
    getPendingInvitation: (hash: string, now: number) =>
      getPendingInvitation.get(hash, now) as InvitationRow | undefined,
    getPendingInvitationsOfProject: (projectRowId: number, now: number) =>
      getPendingInvitationsOfProject.all(projectRowId, now) as InvitationRow[],
    markAccepted: (hash: string, now: number) => markAccepted.run(now, hash).changes === 1,
    revokeInvitation: (projectRowId: number, publicId: string, now: number) =>
      revokeInvitation.run(now, projectRowId, publicId).changes === 1,
    revokeSetupInvitations: (now: number) => {
      revokeSetupInvitations.run(now);
    },
  };
}
