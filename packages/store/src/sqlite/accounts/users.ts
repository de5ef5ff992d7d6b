import type Database from 'better-sqlite3';
import type { User, UserWithPassword } from '../../accounts/types.js';

interface UserRow {
  id: number;
  public_id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
}

const COLUMNS = 'id, public_id, email, name, password_hash, is_admin, created_at';

export function toUser(row: UserRow): User {
  return {
    userId: row.public_id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
  };
}

export function toUserWithPassword(row: UserRow): UserWithPassword {
  return { ...toUser(row), passwordHash: row.password_hash };
}

/** The user queries, prepared once. Emails compare case-insensitively (`COLLATE NOCASE`). */
export function prepareUserQueries(db: Database.Database) {
  const countUsers = db.prepare(`SELECT count(*) AS n FROM users`);
  const insertUser = db.prepare(
    `INSERT INTO users (public_id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const getUserByPublicId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE public_id = ?`);
  const getUserByEmail = db.prepare(`SELECT ${COLUMNS} FROM users WHERE email = ?`);
  const getUserByRowId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const getUsers = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY id`);
  const updatePasswordHash = db.prepare(`UPDATE users SET password_hash = ? WHERE id = ?`);
  return {
    countUsers: () => (countUsers.get() as { n: number }).n,
    insertUser: (user: {
      publicId: string;
      email: string;
      name: string;
      passwordHash: string;
      isAdmin: boolean;
      now: number;
    }) =>
      Number(
        insertUser.run(
          user.publicId,
          user.email,
          user.name,
          user.passwordHash,
          user.isAdmin ? 1 : 0,
          user.now,
        ).lastInsertRowid,
      ),
    getUserByPublicId: (publicId: string) => getUserByPublicId.get(publicId) as UserRow | undefined,
    getUserByEmail: (email: string) => getUserByEmail.get(email) as UserRow | undefined,
    getUserByRowId: (rowId: number) => getUserByRowId.get(rowId) as UserRow | undefined,
    getUsers: () => getUsers.all() as UserRow[],
    updatePasswordHash: (rowId: number, passwordHash: string) => {
      updatePasswordHash.run(passwordHash, rowId);
    },
  };
}
