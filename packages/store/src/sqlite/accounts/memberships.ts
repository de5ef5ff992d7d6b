import type Database from 'better-sqlite3';
import type { Role } from '../../accounts/types.js';

export interface MembershipRow {
  public_id: string;
  name: string;
  role: Role;
}

export interface MemberRow {
  public_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: number;
}

/** The membership queries, prepared once: one role per (project, user). */
export function prepareMembershipQueries(db: Database.Database) {
  const getMembershipsOfUser = db.prepare(`
    SELECT p.public_id, p.name, m.role FROM memberships m JOIN projects p ON p.id = m.project_id
    WHERE m.user_id = ? ORDER BY p.name, p.id
  `);
  const getRole = db.prepare(`SELECT role FROM memberships WHERE project_id = ? AND user_id = ?`);
  const getMembers = db.prepare(`
    SELECT u.public_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.project_id = ? ORDER BY u.email
  `);
  const upsertMember = db.prepare(`
    INSERT INTO memberships (project_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role
  `);
  const deleteMember = db.prepare(`DELETE FROM memberships WHERE project_id = ? AND user_id = ?`);
  const insertOwnerOfEveryProject = db.prepare(`
    INSERT OR IGNORE INTO memberships (project_id, user_id, role, created_at)
    SELECT id, ?, 'owner', ? FROM projects
  `);
  return {
    getMembershipsOfUser: (userRowId: number) => getMembershipsOfUser.all(userRowId) as MembershipRow[],
    getRole: (projectRowId: number, userRowId: number) =>
      (getRole.get(projectRowId, userRowId) as { role: Role } | undefined)?.role,
    getMembers: (projectRowId: number) => getMembers.all(projectRowId) as MemberRow[],
    upsertMember: (projectRowId: number, userRowId: number, role: Role, now: number) => {
      upsertMember.run(projectRowId, userRowId, role, now);
    },
    deleteMember: (projectRowId: number, userRowId: number) =>
      deleteMember.run(projectRowId, userRowId).changes === 1,
    insertOwnerOfEveryProject: (userRowId: number, now: number) => {
      insertOwnerOfEveryProject.run(userRowId, now);
    },
  };
}
