import { randomBytes } from 'node:crypto';
import type { ConsentConfigInput, PublishedConsentConfig } from '@parcours/schema';
import {
  DEFAULT_COLLECTION_SETTINGS,
  createDefaultConsentConfig,
  createKey,
  hashToken,
  sha256Hex,
  toCanonicalJson,
  DEFAULT_TIME_ZONE,
  type CollectionSettings,
  type ConsentConfigVersionSummary,
  type ConsentPublisher,
  type IdentitySettings,
  type Project,
  type StoreEngine,
} from '@parcours/store';
import type { Records } from './createRecords.js';
import type { SecretKeyBody } from './createAccountState.js';

/** How long a collector trusts its cache of write keys: a deleted project collects at most this long. */
export const WRITE_KEY_CACHE_MS = 10_000;

interface ConsentConfigBody {
  policyVersion: number;
  config: string;
  configHash: string;
  minimumPolicyVersion: number | null;
  publishedAt: number;
  publishedBy: ConsentPublisher;
}

type ProjectMethods = Pick<
  StoreEngine,
  | 'createProject'
  | 'getProjects'
  | 'getProject'
  | 'getProjectByWriteKey'
  | 'renameProject'
  | 'setProjectTimeZone'
  | 'getIdentitySettings'
  | 'setIdentitySettings'
  | 'getCollectionSettings'
  | 'setCollectionSettings'
  | 'getConsentConfig'
  | 'getConsentConfigVersion'
  | 'getConsentConfigVersions'
  | 'publishConsentConfig'
  | 'getConsentPolicy'
>;

/** A project record; those written before zones existed follow UTC days, as they always did. */
function withTimeZone<P extends Project | undefined>(project: P): P {
  return project && { ...project, timeZone: project.timeZone ?? DEFAULT_TIME_ZONE };
}

const toPublished = (body: ConsentConfigBody): PublishedConsentConfig => ({
  ...(JSON.parse(body.config) as ConsentConfigInput),
  policyVersion: body.policyVersion,
  configHash: body.configHash,
  publishedAt: body.publishedAt,
});

/**
 * Projects and their settings as shared records: identity and collection settings,
 * the journey map and the consent config versions. Settings are read on every call
 * (another process may change them); only write keys are cached, for
 * `WRITE_KEY_CACHE_MS`, because every collect looks one up.
 */
export function createProjectState(records: Records) {
  const writeKeys = new Map<string, { project: Project | undefined; until: number }>();
  const requireProject = async (projectId: string): Promise<Project> => {
    const project = await records.get<Project>('project', projectId);
    if (project === undefined) throw new Error(`unknown project ${projectId}`);
    return project;
  };
  const configBody = (policyVersion: number, config: ConsentConfigInput, publishedBy: ConsentPublisher) => {
    const json = toCanonicalJson(config);
    return {
      policyVersion,
      config: json,
      configHash: sha256Hex(json),
      minimumPolicyVersion: config.minimumPolicyVersion,
      publishedAt: Date.now(),
      publishedBy,
    } satisfies ConsentConfigBody;
  };
  const configVersions = async (projectId: string): Promise<ConsentConfigBody[]> =>
    (await records.list<ConsentConfigBody>('consent_config', projectId))
      .map((row) => row.value)
      .sort((a, b) => b.policyVersion - a.policyVersion);
  const latestConfig = async (projectId: string): Promise<ConsentConfigBody> => {
    const [latest] = await configVersions(projectId);
    if (latest === undefined) throw new Error(`project ${projectId} has no consent config`);
    return latest;
  };
  const getIdentitySettings = async (projectId: string): Promise<IdentitySettings> => {
    const settings = await records.get<IdentitySettings>('identity', projectId);
    if (settings !== undefined) return settings;
    await requireProject(projectId);
    const made = { requireSignedIdentities: false, identitySecret: createKey('ids', 32) };
    await records.put('identity', projectId, made);
    return made;
  };
  const getCollectionSettings = async (projectId: string): Promise<CollectionSettings> => ({
    ...DEFAULT_COLLECTION_SETTINGS,
    ...(await records.get<CollectionSettings>('collection', projectId)),
  });

  const methods: ProjectMethods = {
    async createProject({ name, ownerUserId, timeZone = DEFAULT_TIME_ZONE }) {
      const projectId = createKey('prj', 9);
      const writeKey = createKey('wk');
      const secretKey = createKey('sk', 24);
      const createdAt = Date.now();
      const key: SecretKeyBody = {
        keyId: createKey('key', 9),
        prefix: secretKey.slice(0, 8),
        label: 'default',
        scope: 'admin',
        projectId,
        createdAt,
      };
      // One insert: a crash never leaves a project without its key or consent config.
      await records.putAll([
        {
          kind: 'project',
          id: projectId,
          value: { projectId, name, writeKey, createdAt, timeZone } satisfies Project,
        },
        { kind: 'write_key', id: writeKey, value: { projectId } },
        { kind: 'secret_key', id: hashToken(secretKey), owner: projectId, value: key },
        {
          kind: 'identity',
          id: projectId,
          value: { requireSignedIdentities: false, identitySecret: createKey('ids', 32) },
        },
        // The key of the ledger's person digests: made here, so that no two collectors
        // ever make two on first use.
        { kind: 'ledger_secret', id: projectId, value: { secret: randomBytes(32).toString('hex') } },
        {
          kind: 'consent_config',
          id: `${projectId}/1`,
          owner: projectId,
          value: configBody(1, createDefaultConsentConfig(name), null),
        },
        ...(ownerUserId === undefined
          ? []
          : [
              {
                kind: 'membership' as const,
                id: `${projectId}/${ownerUserId}`,
                owner: projectId,
                value: { userId: ownerUserId, role: 'owner', since: createdAt },
              },
            ]),
      ]);
      return { projectId, writeKey, secretKey };
    },
    async getProjects() {
      return (await records.list<Project>('project')).map((row) => withTimeZone(row.value));
    },
    getProject: async (projectId) => withTimeZone(await records.get<Project>('project', projectId)),
    async getProjectByWriteKey(writeKey) {
      const cached = writeKeys.get(writeKey);
      if (cached !== undefined && cached.until > Date.now()) return cached.project;
      const link = await records.get<{ projectId: string }>('write_key', writeKey);
      const project = link && withTimeZone(await records.get<Project>('project', link.projectId));
      writeKeys.set(writeKey, { project, until: Date.now() + WRITE_KEY_CACHE_MS });
      return project;
    },
    async renameProject(projectId, name) {
      const project = await requireProject(projectId);
      await records.put('project', projectId, { ...project, name });
      writeKeys.delete(project.writeKey);
    },
    async setProjectTimeZone(projectId, timeZone) {
      const project = await requireProject(projectId);
      await records.put('project', projectId, { ...project, timeZone });
      writeKeys.delete(project.writeKey);
    },
    getIdentitySettings,
    async setIdentitySettings(projectId, change) {
      const current = await getIdentitySettings(projectId);
      const next = {
        requireSignedIdentities: change.requireSignedIdentities ?? current.requireSignedIdentities,
        identitySecret: change.rotateSecret === true ? createKey('ids', 32) : current.identitySecret,
      };
      await records.put('identity', projectId, next);
      return next;
    },
    getCollectionSettings,
    async setCollectionSettings(projectId, change) {
      await requireProject(projectId);
      const next = { ...(await getCollectionSettings(projectId)), ...change };
      await records.put('collection', projectId, next);
      return next;
    },
    async getConsentConfig(projectId) {
      return toPublished(await latestConfig(projectId));
    },
    async getConsentConfigVersion(projectId, policyVersion) {
      const body = await records.get<ConsentConfigBody>('consent_config', `${projectId}/${policyVersion}`);
      return body && toPublished(body);
    },
    async getConsentConfigVersions(projectId): Promise<ConsentConfigVersionSummary[]> {
      return (await configVersions(projectId)).map(
        ({ policyVersion, configHash, publishedAt, publishedBy }) => ({
          policyVersion,
          configHash,
          publishedAt,
          publishedBy,
        }),
      );
    },
    async publishConsentConfig(projectId, config, publishedBy) {
      // Not atomic across processes: two admins publishing in the same instant get
      // the same number and the later write wins (docs/decisions.md).
      const next = (await latestConfig(projectId)).policyVersion + 1;
      const body = configBody(next, config, publishedBy);
      await records.put('consent_config', `${projectId}/${next}`, body, projectId);
      return { policyVersion: next, configHash: body.configHash, publishedAt: body.publishedAt };
    },
    async getConsentPolicy(projectId) {
      const latest = await latestConfig(projectId);
      return { policyVersion: latest.policyVersion, minimumPolicyVersion: latest.minimumPolicyVersion };
    },
  };
  return { methods, requireProject, forgetWriteKey: (writeKey: string) => writeKeys.delete(writeKey) };
}
