import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { hashPassword, verifyPassword } from '@parcours/api';
import type { AuditActor, JourneyStage, Store } from '@parcours/store';
import { DEMO_SEGMENTS } from './demoSegments.js';
import { generateDemoJourneys } from './generateDemoJourneys.js';
import { seedDemoInsights } from './seedDemoInsights.js';

/** The demo project's name: how a later start finds it again. */
export const DEMO_PROJECT_NAME = 'Demo: outdoor retailer';

/** The demo's journey map, over the touchpoints generateDemoJourneys emits. */
export const DEMO_JOURNEY_MAP: JourneyStage[] = [
  {
    name: 'awareness',
    touchpoints: [{ name: 'Ad clicked' }, { name: 'Social post clicked' }, { name: 'Search result clicked' }],
  },
  {
    name: 'consideration',
    touchpoints: [{ name: '/' }, { name: 'Product viewed' }, { name: '/pricing' }, { name: 'Added to cart' }],
  },
  // The purchase is where the journey is meant to go: a goal, and its moment of truth.
  {
    name: 'decision',
    touchpoints: [{ name: 'Signed up' }, { name: 'Purchase completed', goal: true, momentOfTruth: true }],
  },
  {
    name: 'retention',
    touchpoints: [
      { name: 'App opened' },
      { name: 'Email opened' },
      { name: 'Store visit' },
      { name: 'Support call' },
    ],
  },
  // The last survey ends the journey too: leaving after it is no drop-off.
  { name: 'advocacy', touchpoints: [{ name: 'feedback', goal: true }] },
];

/**
 * The demo's other maps: the mobile app's onboarding, and after-sales support, each
 * with its goal and moment of truth, from the same touchpoints as the main map.
 */
export const DEMO_OTHER_MAPS: ReadonlyArray<{ name: string; stages: JourneyStage[] }> = [
  {
    name: 'App onboarding',
    stages: [
      { name: 'sign-up', touchpoints: [{ name: 'Signed up' }] },
      { name: 'install', touchpoints: [{ name: 'App installed', channel: 'mobile', momentOfTruth: true }] },
      { name: 'first use', touchpoints: [{ name: 'App opened', channel: 'mobile' }] },
      { name: 'first order', touchpoints: [{ name: 'Purchase completed', channel: 'mobile', goal: true }] },
    ],
  },
  {
    name: 'After-sales support',
    stages: [
      { name: 'purchase', touchpoints: [{ name: 'Purchase completed' }] },
      {
        name: 'contact',
        touchpoints: [{ name: 'Support call', channel: 'call_centre', momentOfTruth: true }],
      },
      { name: 'follow-up', touchpoints: [{ name: 'feedback', goal: true }] },
    ],
  },
];

/** The demo's user: owner of the demo project, signed in with the printed password. */
export const DEMO_USER = { email: 'demo@parcours.local', name: 'Demo' } as const;

/** Who the audit log names for what the demo sets up. */
const DEMO_ACTOR: AuditActor = { kind: 'system', label: 'demo' };

export interface DemoProject {
  projectId: string;
  writeKey: string;
  events: number;
  created: boolean;
  /** The demo user's email, {@link DEMO_USER}. */
  email: string;
  /**
   * The demo user's password, the same at every start. Undefined when it was changed
   * since the demo set it (`parcours user reset-password`): then only its owner knows it.
   */
  password: string | undefined;
}

export interface SeedDemoOptions {
  /**
   * Where the demo password is kept in clear between starts (mode 0600), next to the
   * database, which holds only its hash. Undefined for an in-memory database: the
   * password lives as long as the store.
   */
  passwordFile: string | undefined;
}

/**
 * Creates the demo project with its journeys when the database has no projects,
 * or finds it again; and makes sure the demo user exists and owns it. The demo
 * user keeps their password (and so their open sessions) across restarts.
 * Undefined when the database holds other projects only: demo data never mixes
 * into a real database.
 */
export async function seedDemoProject(
  store: Store,
  options: SeedDemoOptions,
): Promise<DemoProject | undefined> {
  const existing = await store.getProjects();
  let project = existing.find((p) => p.name === DEMO_PROJECT_NAME);
  let created = false;
  if (project === undefined) {
    if (existing.length > 0) return undefined;
    const { projectId } = await store.createProject({ name: DEMO_PROJECT_NAME });
    await store.setJourneyMap(projectId, DEMO_JOURNEY_MAP);
    for (const { name, stages } of DEMO_OTHER_MAPS) {
      const map = await store.createJourneyMap(projectId, { name, updatedBy: DEMO_ACTOR.label });
      await store.saveJourneyMap(projectId, { ...map, stages, baseVersion: map.version });
    }
    for (const segment of DEMO_SEGMENTS) await store.createSegment(projectId, segment);
    const events = generateDemoJourneys();
    for (let i = 0; i < events.length; i += 500) {
      await store.insertEvents(projectId, events.slice(i, i + 500));
    }
    await seedDemoInsights(store, projectId);
    project = (await store.getProjects()).find((p) => p.projectId === projectId)!;
    created = true;
  }
  const { userId, password } = await ensureDemoUser(store, options.passwordFile);
  if ((await store.getRole(project.projectId, userId)) !== 'owner') {
    await store.setMember(project.projectId, userId, 'owner');
  }
  return {
    projectId: project.projectId,
    writeKey: project.writeKey,
    events: await store.countEvents(project.projectId),
    created,
    email: DEMO_USER.email,
    password,
  };
}

/** The demo user, created if missing, and their password from `passwordFile` (or a new one). */
async function ensureDemoUser(
  store: Store,
  passwordFile: string | undefined,
): Promise<{ userId: string; password: string | undefined }> {
  const user = await store.getUserByEmail(DEMO_USER.email);
  if (user === undefined) {
    const password = createDemoPassword();
    const { userId } = await store.createUser({ ...DEMO_USER, passwordHash: await hashPassword(password) });
    await store.appendAudit({ actor: DEMO_ACTOR, action: 'user.created', target: DEMO_USER.email });
    if (passwordFile !== undefined) keepPassword(passwordFile, password);
    return { userId, password };
  }
  const kept = passwordFile === undefined ? undefined : readKeptPassword(passwordFile);
  if (kept !== undefined) {
    return {
      userId: user.userId,
      password: (await verifyPassword(kept, user.passwordHash)) ? kept : undefined,
    };
  }
  // The clear password is lost: a new one (this signs the demo user out, once).
  const password = createDemoPassword();
  await store.setPasswordHash(user.userId, await hashPassword(password));
  await store.appendAudit({ actor: DEMO_ACTOR, action: 'user.passwordReset', target: DEMO_USER.email });
  if (passwordFile !== undefined) keepPassword(passwordFile, password);
  return { userId: user.userId, password };
}

/** 24 random URL-safe characters (144 bits). */
function createDemoPassword(): string {
  return randomBytes(18).toString('base64url');
}

function keepPassword(file: string, password: string): void {
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  // `mode` applies only to a new file: tighten one left over from an older database too.
  chmodSync(file, 0o600);
}

function readKeptPassword(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
