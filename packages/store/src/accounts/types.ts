/**
 * Accounts, roles, keys, invitations, share links and the audit log: who may use a
 * Parcours instance and what they did. The store keeps them; `packages/api` decides
 * what each may do (the permission table) and hashes passwords.
 */

/** A member's role in one project, from most to least powerful. */
export const ROLES = ['owner', 'analyst', 'privacy', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a secret key may do: journey queries, privacy procedures, everything an owner
 * can do, or `ingest`: send touchpoints from a trusted server-side source, whose
 * batches without a consent list store every category (and nothing else).
 */
export const KEY_SCOPES = ['read', 'privacy', 'admin', 'ingest'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** The views a read-only share link can open. */
export const SHARE_VIEWS = ['overview', 'funnel', 'paths', 'journeyMap'] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

export interface User {
  userId: string;
  email: string;
  name: string;
  /** The instance's administrator: may create projects and users. The first user is one. */
  isAdmin: boolean;
  createdAt: number;
}

/** A user as the sign-in check sees them: with the stored password hash (never the password). */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface Membership {
  projectId: string;
  name: string;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: number;
}

/** A signed-in session: its user, and when it was last used (for idle expiry). */
export interface Session {
  sessionId: string;
  user: User;
  createdAt: number;
  lastSeenAt: number;
  /** True when this read pushed the idle expiry back (at most once a minute): time to renew the cookie. */
  renewed: boolean;
}

/** A secret key as listed: never the key, only its first characters. */
export interface SecretKeyInfo {
  keyId: string;
  /** The key's first 8 characters (`sk_Ab12x`), enough to recognise it. */
  prefix: string;
  label: string;
  scope: KeyScope;
  createdAt: number;
  lastUsedAt: number | null;
}

/** What `createSecretKey` hands back: the only time the key is ever visible. */
export interface CreatedSecretKey extends SecretKeyInfo {
  key: string;
}

/** What a valid secret key opens. */
export interface KeyGrant {
  keyId: string;
  projectId: string;
  scope: KeyScope;
  label: string;
}

export interface Invitation {
  invitationId: string;
  /** Undefined for the one-time set-up link of the instance's first account. */
  projectId?: string | undefined;
  projectName?: string | undefined;
  /** Empty for the set-up link: the first user chooses their email. */
  email: string;
  role?: Role | undefined;
  invitedBy?: string | undefined;
  createdAt: number;
  expiresAt: number;
}

/** What `createInvitation` hands back: the token goes in the link, only its hash is kept. */
export interface CreatedInvitation extends Invitation {
  token: string;
}

export interface ShareLink {
  shareId: string;
  projectId: string;
  view: ShareView;
  /** What the view needs to show itself again (the API keeps the query and the page's URL state). */
  state: Record<string, unknown>;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface CreatedShareLink extends ShareLink {
  token: string;
}

/** Who did something: a user, a secret key, a visitor of a share link, or the CLI. */
export interface AuditActor {
  /** `user`, `key`, `cli` or `system`. */
  kind: 'user' | 'key' | 'cli' | 'system';
  /** The user id or key id, when there is one. */
  id?: string | undefined;
  /** What a reader recognises: the email, the key's label and prefix, `parcours` for the CLI. */
  label: string;
}

export interface AuditEntryInput {
  /** Undefined for instance-wide actions (sign-in, user created). */
  projectId?: string | undefined;
  actor: AuditActor;
  /** A dotted verb: `auth.signIn`, `auth.signInFailed`, `member.invited`, `key.revoked`… */
  action: string;
  /** What the action was about: an email, a key prefix, a share id. */
  target?: string | undefined;
  /** Extra facts (role given, scope…); never a password, token or key. */
  detail?: Record<string, string | number | boolean | null> | undefined;
  ip?: string | undefined;
}

export interface AuditEntry extends Required<Pick<AuditEntryInput, 'actor' | 'action'>> {
  seq: number;
  at: number;
  projectId: string | null;
  target: string | null;
  detail: Record<string, string | number | boolean | null>;
  ip: string | null;
}

export interface AuditQuery {
  limit: number;
  /** A `nextCursor` of a previous page (opaque); another value throws `InvalidCursorError`. */
  cursor?: string | undefined;
  /** Only actions starting with this text (`member.`, `auth.signIn`). */
  action?: string | undefined;
  /** Only this actor's entries (email, key label or id). */
  actor?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * The account side of the store: users, sessions, memberships, invitations, share links
 * and the audit log; `Store` extends it (secret keys are in `ProjectStore`).
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** Throws {@link StoreConflictError} when the email is taken (case-insensitive). */
  createUser(input: { email: string; name: string; passwordHash: string; isAdmin?: boolean }): Promise<User>;
  getUser(userId: string): Promise<User | undefined>;
  getUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  getUserWithPassword(userId: string): Promise<UserWithPassword | undefined>;
  listUsers(): Promise<User[]>;
  /** Sets a new password hash and ends every session of the user but `keepSessionId`. */
  setPasswordHash(userId: string, passwordHash: string, keepSessionId?: string): Promise<void>;

  /** Opens a session; the token goes in the cookie, only its hash is stored. */
  createSession(userId: string): Promise<{ sessionId: string; token: string }>;
  /**
   * The session of a cookie token, or undefined when unknown, ended, or idle for
   * longer than `idleMs` (then it is deleted). Using it pushes its idle expiry back.
   */
  getSession(token: string, idleMs: number): Promise<Session | undefined>;
  deleteSession(token: string): Promise<void>;

  getMemberships(userId: string): Promise<Membership[]>;
  getRole(projectId: string, userId: string): Promise<Role | undefined>;
  listMembers(projectId: string): Promise<Member[]>;
  /** Adds the user to the project, or changes their role. */
  setMember(projectId: string, userId: string, role: Role): Promise<void>;
  /** False when the user was not a member. */
  removeMember(projectId: string, userId: string): Promise<boolean>;

  createInvitation(input: {
    projectId?: string;
    email: string;
    role?: Role;
    invitedBy?: string;
    ttlMs: number;
  }): Promise<CreatedInvitation>;
  /** A pending invitation: not accepted, not revoked, not expired. */
  getInvitation(token: string): Promise<Invitation | undefined>;
  listInvitations(projectId: string): Promise<Invitation[]>;
  revokeInvitation(projectId: string, invitationId: string): Promise<boolean>;
  /** Ends every pending set-up link (a new one is printed at each start while there is no user). */
  revokeSetupInvitations(): Promise<void>;
  /**
   * Accepts an invitation in one transaction: creates the user (or finds them by the
   * invited email, keeping their name and password), gives them the role, and spends the token. A set-up link creates
   * the instance administrator, owner of every existing project.
   * Undefined when the token is no longer pending.
   */
  acceptInvitation(
    token: string,
    account: { name: string; passwordHash: string; email?: string },
  ): Promise<{ user: User; projectId?: string } | undefined>;

  createShareLink(input: {
    projectId: string;
    view: ShareView;
    state: Record<string, unknown>;
    createdBy: string;
    expiresAt: number;
  }): Promise<CreatedShareLink>;
  /** A live share link: not revoked, not expired. */
  getShareLink(token: string): Promise<ShareLink | undefined>;
  listShareLinks(projectId: string): Promise<ShareLink[]>;
  revokeShareLink(projectId: string, shareId: string): Promise<boolean>;

  /** Appends to the audit log, which nothing can edit or delete. */
  appendAudit(entry: AuditEntryInput): Promise<void>;
  /** Newest first; `projectId` undefined reads instance-wide entries too. */
  getAuditLog(
    projectId: string,
    query: AuditQuery,
  ): Promise<{ entries: AuditEntry[]; nextCursor: string | null }>;
}

/** A unique value (an email) is taken. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
}
