import type { CreatedSecretKey, KeyGrant, KeyScope, SecretKeyInfo } from './accounts/types.js';

/** What `createProject` hands back: the only time the secret key is ever visible. */
export interface CreatedProject {
  projectId: string;
  /** Public: goes in the page, identifies the project to the collector. */
  writeKey: string;
  /** Private: authorises the read API. Only its hash is stored. */
  secretKey: string;
}

export interface Project {
  projectId: string;
  name: string;
  writeKey: string;
  createdAt: number;
  /** The IANA zone its days, weeks and months follow (`UTC` for projects made before zones). */
  timeZone: string;
}

/** Projects and the keys that open them: what the collector and the API look up first. */
export interface ProjectStore {
  /**
   * A new project with an `admin` secret key labelled `default` and version 1 of its
   * consent settings (the default, published by nobody); `ownerUserId` becomes its owner.
   */
  createProject(input: { name: string; ownerUserId?: string; timeZone?: string }): Promise<CreatedProject>;
  /** Every project, oldest first. */
  getProjects(): Promise<Project[]>;
  /** One project by its public id, or undefined. */
  getProject(projectId: string): Promise<Project | undefined>;
  /** The project a public write key belongs to, or undefined. Hot path: cached. */
  getProjectByWriteKey(writeKey: string): Promise<Project | undefined>;
  /** The project a secret key authorises, or undefined (see `getKeyGrant` for its scope). */
  getProjectBySecretKey(secretKey: string): Promise<Project | undefined>;
  renameProject(projectId: string, name: string): Promise<void>;
  /** Sets the zone the project's days follow; a name Intl does not know throws a RangeError. */
  setProjectTimeZone(projectId: string, timeZone: string): Promise<void>;
  /** Deletes the project and everything it holds. */
  deleteProject(projectId: string): Promise<void>;

  createSecretKey(projectId: string, input: { scope: KeyScope; label: string }): Promise<CreatedSecretKey>;
  listSecretKeys(projectId: string): Promise<SecretKeyInfo[]>;
  /** False when the project has no such key. */
  revokeSecretKey(projectId: string, keyId: string): Promise<boolean>;
  /** What a secret key opens, or undefined; records its use. */
  getKeyGrant(secretKey: string): Promise<KeyGrant | undefined>;
}
