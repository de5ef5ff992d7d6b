import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPassword } from '@parcours/api';
import { openSqliteStore, type AuditEntry, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './commands/CliIo.js';
import { DEMO_USER } from './demo/seedDemoProject.js';

// scrypt takes ~50 ms a hash alone; the machine is shared: room to spare.
const SLOW = 30_000;
const PASSWORD = 'correct horse battery';

let dir: string;
let db: string;
let out: string[];
let err: string[];
const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-cli-'));
  db = join(dir, 'cli.db');
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string[];
  err: string[];
  /** The one JSON line on stdout, parsed. */
  json: Record<string, unknown>;
}

/** Runs the CLI with fresh output buffers; `stdin` is what a pipe would give. */
async function run(argv: string[], stdin?: string): Promise<Run> {
  const result = { out: [] as string[], err: [] as string[] };
  const code = await runCli(argv, {
    out: (line) => result.out.push(line),
    err: (line) => result.err.push(line),
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
  });
  const json =
    code === 0 && result.out.length === 1 ? (JSON.parse(result.out[0]!) as Record<string, unknown>) : {};
  return { code, ...result, json };
}

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ filename: db });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function createProject(): Promise<{ projectId: string; writeKey: string; secretKey: string }> {
  expect(await runCli(['project', 'create', '--name', 'Shop', '--db', db], io)).toBe(0);
  expect(out).toHaveLength(1);
  return JSON.parse(out.pop()!) as { projectId: string; writeKey: string; secretKey: string };
}

async function createUser(email: string, name = 'Ana', password = PASSWORD): Promise<string> {
  const {
    code,
    json,
    err: errors,
  } = await run(['user', 'create', '--email', email, '--name', name, '--db', db], `${password}\n`);
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  return json.userId as string;
}

async function auditOf(projectId: string): Promise<AuditEntry[]> {
  return withStore(async (store) => (await store.getAuditLog(projectId, { limit: 100 })).entries);
}

const CLI_ACTOR = { kind: 'cli', label: 'parcours' };

describe('parcours', () => {
  it('prints help for itself and for each command', async () => {
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(
      /start[\s\S]*project create[\s\S]*project list[\s\S]*import[\s\S]*user create[\s\S]*member add[\s\S]*key create/,
    );
    for (const argv of [
      ['start', '--help'],
      ['project', 'create', '--help'],
      ['project', 'list', '--help'],
      ['import', '--help'],
      ['user', 'create', '--help'],
      ['user', 'list', '--help'],
      ['user', 'reset-password', '--help'],
      ['member', 'add', '--help'],
      ['member', 'list', '--help'],
      ['member', 'remove', '--help'],
      ['key', 'create', '--help'],
      ['key', 'list', '--help'],
      ['key', 'revoke', '--help'],
    ]) {
      out = [];
      expect(await runCli(argv, io)).toBe(0);
      expect(out.join('\n')).toContain(`Usage: parcours ${argv.slice(0, -1).join(' ')}`);
    }
    out = [];
    expect(await runCli(['user', '--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('user reset-password');
  });

  it('prints its version as one JSON line', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const { code, out: lines } = await run(['--version']);
    expect(code).toBe(0);
    expect(lines).toEqual([JSON.stringify({ version })]);
  });

  it('rejects an unknown command or option with exit code 2', async () => {
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown command "frobnicate"');
    expect(await runCli(['project', 'create', '--nme', 'x', '--db', db], io)).toBe(2);
    expect(await runCli(['project', 'create', '--db', db], io)).toBe(2);
    expect(err.join('\n')).toContain('--name is required');
    expect((await run(['user'])).code).toBe(2);
    expect((await run(['key', 'frob'])).err.join('\n')).toContain('unknown command "key frob"');
  });

  it('refuses, with exit code 1 and without creating it, a database that does not exist', async () => {
    for (const argv of [
      ['user', 'list'],
      ['project', 'list'],
      ['member', 'list', '--project', 'prj_x'],
      ['key', 'list', '--project', 'prj_x'],
    ]) {
      const { code, err: errors } = await run([...argv, '--db', db]);
      expect(code).toBe(1);
      expect(errors).toEqual([`parcours ${argv.slice(0, 2).join(' ')}: no database ${db}`]);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('project create prints the keys as one JSON line, an admin key, and audits it', async () => {
    const created = await createProject();
    expect(Object.keys(created).sort()).toEqual(['projectId', 'secretKey', 'writeKey']);
    await withStore(async (store) => {
      expect((await store.getProjectBySecretKey(created.secretKey))?.projectId).toBe(created.projectId);
      expect((await store.getKeyGrant(created.secretKey))?.scope).toBe('admin');
      expect(await store.listMembers(created.projectId)).toEqual([]);
    });
    const [entry] = await auditOf(created.projectId);
    expect(entry).toMatchObject({ action: 'project.created', actor: CLI_ACTOR, target: 'Shop' });
    expect(JSON.stringify(entry)).not.toContain(created.secretKey);
  });

  it('project create --time-zone sets the zone its days follow, UTC by default, and refuses an unknown one', async () => {
    const paris = await run([
      'project',
      'create',
      '--name',
      'Lyon',
      '--time-zone',
      'Europe/Paris',
      '--db',
      db,
    ]);
    expect(paris.code).toBe(0);
    const plain = await createProject();
    await withStore(async (store) => {
      expect((await store.getProject(paris.json.projectId as string))?.timeZone).toBe('Europe/Paris');
      expect((await store.getProject(plain.projectId))?.timeZone).toBe('UTC');
    });
    const [entry] = await auditOf(paris.json.projectId as string);
    expect(entry?.detail).toMatchObject({ timeZone: 'Europe/Paris' });

    const refused = await run(['project', 'create', '--name', 'X', '--time-zone', 'Paris', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toContain('--time-zone: "Paris" is not an IANA time zone');
    await withStore(async (store) => expect(await store.getProjects()).toHaveLength(2));
  });

  it(
    'project create --owner makes an existing user owner, and refuses an unknown one',
    async () => {
      await createUser('ana@example.com');
      const second = await createUser('bob@example.com', 'Bob');
      const { code, json } = await run([
        'project',
        'create',
        '--name',
        'Bob’s',
        '--owner',
        'BOB@example.com',
        '--db',
        db,
      ]);
      expect(code).toBe(0);
      const projectId = json.projectId as string;
      await withStore(async (store) => {
        expect((await store.listMembers(projectId)).map((m) => [m.userId, m.role])).toEqual([
          [second, 'owner'],
        ]);
      });

      const refused = await run([
        'project',
        'create',
        '--name',
        'X',
        '--owner',
        'nobody@example.com',
        '--db',
        db,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.err).toHaveLength(1);
      expect(refused.err[0]).toContain('no user with email nobody@example.com');
      expect(refused.out).toEqual([]);
      await withStore(async (store) => expect(await store.getProjects()).toHaveLength(1));
    },
    SLOW,
  );

  it('project list prints the projects as one JSON line', async () => {
    const first = await createProject();
    const second = await createProject();
    const { code, json } = await run(['project', 'list', '--db', db]);
    expect(code).toBe(0);
    expect(json).toEqual({
      projects: [
        { projectId: first.projectId, name: 'Shop', writeKey: first.writeKey, createdAt: expect.any(Number) },
        {
          projectId: second.projectId,
          name: 'Shop',
          writeKey: second.writeKey,
          createdAt: expect.any(Number),
        },
      ],
    });
  });

  it(
    'user create reads the password from stdin, stores only its hash, and makes the first user administrator and owner',
    async () => {
      const { projectId } = await createProject();
      const userId = await createUser('Ana@Example.com', 'Ana');
      expect(userId).toMatch(/^usr_/);
      const bobId = await createUser('bob@example.com', 'Bob', 'another long password');

      await withStore(async (store) => {
        const ana = (await store.getUserByEmail('ana@example.com'))!;
        expect(ana).toMatchObject({ userId, email: 'ana@example.com', name: 'Ana', isAdmin: true });
        expect(await verifyPassword(PASSWORD, ana.passwordHash)).toBe(true);
        expect(await store.getRole(projectId, userId)).toBe('owner');
        expect((await store.getUser(bobId))?.isAdmin).toBe(false);
        expect(await store.getRole(projectId, bobId)).toBeUndefined();
      });
      const created = (await auditOf(projectId)).find((e) => e.action === 'user.created');
      expect(created).toMatchObject({ actor: CLI_ACTOR, target: 'ana@example.com', projectId: null });

      // Neither the password nor any encoding of it is in the database files.
      const files = [db, `${db}-wal`].filter(existsSync).map((file) => readFileSync(file));
      expect(files.length).toBeGreaterThan(0);
      for (const bytes of files) {
        for (const password of [PASSWORD, 'another long password']) {
          for (const encoded of [
            Buffer.from(password),
            Buffer.from(password, 'utf16le'),
            Buffer.from(Buffer.from(password).toString('base64')),
            Buffer.from(Buffer.from(password).toString('hex')),
          ]) {
            expect(bytes.includes(encoded)).toBe(false);
          }
        }
      }
    },
    SLOW,
  );

  it(
    'user create refuses a short password or a taken email with exit code 1, and a bad email with 2',
    async () => {
      const short = await run(
        ['user', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--db', db],
        'short\n',
      );
      expect(short.code).toBe(1);
      expect(short.err).toEqual(['parcours user create: refused password: at least 10 characters']);
      expect(existsSync(db)).toBe(false);

      const empty = await run(
        ['user', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--db', db],
        '',
      );
      expect(empty.code).toBe(1);
      expect(empty.err[0]).toContain('first line of standard input');

      await createUser('ana@example.com');
      const taken = await run(
        ['user', 'create', '--email', 'ANA@example.com', '--name', 'Ana', '--db', db],
        `${PASSWORD}\n`,
      );
      expect(taken.code).toBe(1);
      expect(taken.err).toEqual(['parcours user create: a user with email ANA@example.com already exists']);

      expect(
        (await run(['user', 'create', '--email', 'nope', '--name', 'Ana', '--db', db], PASSWORD)).code,
      ).toBe(2);
      expect((await run(['user', 'create', '--email', 'a@b.c', '--db', db], PASSWORD)).code).toBe(2);
    },
    SLOW,
  );

  it(
    'user list prints the users without their password hashes',
    async () => {
      const userId = await createUser('ana@example.com');
      const { code, json, out: lines } = await run(['user', 'list', '--db', db]);
      expect(code).toBe(0);
      expect(json).toEqual({
        users: [
          { userId, email: 'ana@example.com', name: 'Ana', isAdmin: true, createdAt: expect.any(Number) },
        ],
      });
      expect(lines[0]).not.toContain('scrypt');
    },
    SLOW,
  );

  it(
    'user reset-password sets the new password and ends every session of the user',
    async () => {
      const { projectId } = await createProject();
      const userId = await createUser('ana@example.com');
      const { token } = await withStore((store) => store.createSession(userId));
      const newPassword = 'a brand new password';

      const { code, json } = await run(
        ['user', 'reset-password', '--email', 'ana@example.com', '--db', db],
        `${newPassword}\nignored`,
      );
      expect(code).toBe(0);
      expect(json).toEqual({ userId, reset: true });
      await withStore(async (store) => {
        expect(await store.getSession(token, 86_400_000)).toBeUndefined();
        const ana = (await store.getUserByEmail('ana@example.com'))!;
        expect(await verifyPassword(newPassword, ana.passwordHash)).toBe(true);
        expect(await verifyPassword(PASSWORD, ana.passwordHash)).toBe(false);
      });

      const unknown = await run(
        ['user', 'reset-password', '--email', 'bob@example.com', '--db', db],
        `${newPassword}\n`,
      );
      expect(unknown.code).toBe(1);
      expect(unknown.err).toHaveLength(1);
      expect(unknown.err[0]).toContain('no user with email bob@example.com');

      const reset = (await auditOf(projectId)).find((e) => e.action === 'user.passwordReset');
      expect(reset).toMatchObject({ actor: CLI_ACTOR, target: 'ana@example.com' });
      expect(JSON.stringify(reset)).not.toContain(newPassword);
    },
    SLOW,
  );

  it(
    'member add, list and remove manage roles, and keep a project owned',
    async () => {
      const { projectId } = await createProject();
      const anaId = await createUser('ana@example.com');
      const bobId = await createUser('bob@example.com', 'Bob');

      const added = await run([
        'member',
        'add',
        '--project',
        projectId,
        '--email',
        'bob@example.com',
        '--role',
        'analyst',
        '--db',
        db,
      ]);
      expect(added.code).toBe(0);
      expect(added.json).toEqual({ projectId, userId: bobId, role: 'analyst' });

      const listed = await run(['member', 'list', '--project', projectId, '--db', db]);
      expect(listed.json).toEqual({
        members: expect.arrayContaining([
          { userId: anaId, email: 'ana@example.com', name: 'Ana', role: 'owner', since: expect.any(Number) },
          {
            userId: bobId,
            email: 'bob@example.com',
            name: 'Bob',
            role: 'analyst',
            since: expect.any(Number),
          },
        ]) as unknown,
      });
      expect((listed.json.members as unknown[]).length).toBe(2);

      // Ana is the only owner: she can be neither demoted nor removed.
      const demote = await run([
        'member',
        'add',
        '--project',
        projectId,
        '--email',
        'ana@example.com',
        '--role',
        'viewer',
        '--db',
        db,
      ]);
      expect(demote.code).toBe(1);
      expect(demote.err).toEqual([expect.stringContaining('last owner')]);
      expect(
        (await run(['member', 'remove', '--project', projectId, '--email', 'ana@example.com', '--db', db]))
          .code,
      ).toBe(1);

      const removed = await run([
        'member',
        'remove',
        '--project',
        projectId,
        '--email',
        'bob@example.com',
        '--db',
        db,
      ]);
      expect(removed.code).toBe(0);
      expect(removed.json).toEqual({ projectId, userId: bobId, removed: true });
      await withStore(async (store) => {
        expect(await store.getRole(projectId, bobId)).toBeUndefined();
        expect(await store.getRole(projectId, anaId)).toBe('owner');
      });
      const again = await run([
        'member',
        'remove',
        '--project',
        projectId,
        '--email',
        'bob@example.com',
        '--db',
        db,
      ]);
      expect(again.code).toBe(1);
      expect(again.err).toEqual([`parcours member remove: bob@example.com is not a member of ${projectId}`]);

      const audit = await auditOf(projectId);
      expect(audit.find((e) => e.action === 'member.added')).toMatchObject({
        actor: CLI_ACTOR,
        target: 'bob@example.com',
        projectId,
        detail: { role: 'analyst' },
      });
      expect(audit.find((e) => e.action === 'member.removed')).toMatchObject({
        actor: CLI_ACTOR,
        target: 'bob@example.com',
      });
    },
    SLOW,
  );

  it(
    'member commands refuse an unknown project or user with exit 1, and an unknown role with exit 2',
    async () => {
      const { projectId } = await createProject();
      await createUser('ana@example.com');

      const noUser = await run([
        'member',
        'add',
        '--project',
        projectId,
        '--email',
        'zoe@example.com',
        '--role',
        'viewer',
        '--db',
        db,
      ]);
      expect(noUser.code).toBe(1);
      expect(noUser.err).toEqual([
        `parcours member add: no user with email zoe@example.com in ${db} (create one with: parcours user create --email zoe@example.com --name NAME)`,
      ]);
      const noProject = await run([
        'member',
        'add',
        '--project',
        'prj_nope',
        '--email',
        'ana@example.com',
        '--role',
        'viewer',
        '--db',
        db,
      ]);
      expect(noProject.code).toBe(1);
      expect(noProject.err).toEqual([`parcours member add: no project prj_nope in ${db}`]);
      expect((await run(['member', 'list', '--project', 'prj_nope', '--db', db])).code).toBe(1);
      expect(
        (await run(['member', 'remove', '--project', 'prj_nope', '--email', 'ana@example.com', '--db', db]))
          .code,
      ).toBe(1);

      const badRole = await run([
        'member',
        'add',
        '--project',
        projectId,
        '--email',
        'ana@example.com',
        '--role',
        'god',
        '--db',
        db,
      ]);
      expect(badRole.code).toBe(2);
      expect(badRole.err[0]).toContain('--role must be one of owner, analyst, privacy, viewer');
    },
    SLOW,
  );

  it('project identity shows the identity secret, requires signatures on demand and rotates the secret', async () => {
    const { projectId } = await createProject();
    const shown = await run(['project', 'identity', '--project', projectId, '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.json).toEqual({
      projectId,
      requireSignedIdentities: false,
      identitySecret: expect.stringMatching(/^ids_/),
    });
    const on = await run([
      'project',
      'identity',
      '--project',
      projectId,
      '--require-signed',
      'on',
      '--db',
      db,
    ]);
    expect(on.json).toEqual({ ...shown.json, requireSignedIdentities: true });
    const rotated = await run(['project', 'identity', '--project', projectId, '--rotate-secret', '--db', db]);
    expect(rotated.json.requireSignedIdentities).toBe(true);
    expect(rotated.json.identitySecret).not.toBe(shown.json.identitySecret);
    await withStore(async (store) => {
      expect(await store.getIdentitySettings(projectId)).toEqual({
        requireSignedIdentities: true,
        identitySecret: rotated.json.identitySecret,
      });
    });
    const off = await run([
      'project',
      'identity',
      '--project',
      projectId,
      '--require-signed',
      'off',
      '--db',
      db,
    ]);
    expect(off.json.requireSignedIdentities).toBe(false);
    const actions = (await auditOf(projectId)).map((e) => [e.action, e.detail]);
    expect(actions.filter(([action]) => action === 'identity.updated')).toHaveLength(3);
    expect(JSON.stringify(actions)).not.toContain(String(rotated.json.identitySecret));
    const bad = await run([
      'project',
      'identity',
      '--project',
      projectId,
      '--require-signed',
      'yes',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain('--require-signed must be on or off');
    expect((await run(['project', 'identity', '--db', db])).code).toBe(2);
    expect((await run(['project', 'identity', '--project', 'prj_nope', '--db', db])).code).toBe(1);
  });

  it('key create prints a scoped key once; key list never shows it; key revoke ends it', async () => {
    const { projectId } = await createProject();
    const created = await run([
      'key',
      'create',
      '--project',
      projectId,
      '--scope',
      'read',
      '--label',
      'BI export',
      '--db',
      db,
    ]);
    expect(created.code).toBe(0);
    const { key, keyId } = created.json as { key: string; keyId: string };
    expect(created.json).toEqual({
      key: expect.stringMatching(/^sk_/),
      scope: 'read',
      keyId: expect.stringMatching(/^key_/),
      label: 'BI export',
    });
    await withStore(async (store) => {
      expect(await store.getKeyGrant(key)).toEqual({ keyId, projectId, scope: 'read', label: 'BI export' });
    });

    const listed = await run(['key', 'list', '--project', projectId, '--db', db]);
    expect(listed.code).toBe(0);
    const keys = listed.json.keys as Array<Record<string, unknown>>;
    expect(keys.map((k) => [k.label, k.scope])).toEqual(
      expect.arrayContaining([
        ['default', 'admin'],
        ['BI export', 'read'],
      ]),
    );
    expect(keys.find((k) => k.keyId === keyId)).toEqual({
      keyId,
      prefix: key.slice(0, 8),
      label: 'BI export',
      scope: 'read',
      createdAt: expect.any(Number),
      lastUsedAt: expect.any(Number),
    });
    expect(listed.out[0]).not.toContain(key);

    const revoked = await run(['key', 'revoke', '--project', projectId, '--key-id', keyId, '--db', db]);
    expect(revoked.code).toBe(0);
    expect(revoked.json).toEqual({ revoked: true });
    await withStore(async (store) => expect(await store.getKeyGrant(key)).toBeUndefined());

    const again = await run(['key', 'revoke', '--project', projectId, '--key-id', keyId, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([`parcours key revoke: no key ${keyId} in project ${projectId}`]);

    const audit = await auditOf(projectId);
    expect(audit.find((e) => e.action === 'key.created')).toMatchObject({
      actor: CLI_ACTOR,
      target: key.slice(0, 8),
      detail: { scope: 'read', label: 'BI export' },
    });
    expect(audit.find((e) => e.action === 'key.revoked')).toMatchObject({
      actor: CLI_ACTOR,
      target: key.slice(0, 8),
    });
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it('key commands refuse an unknown project with exit 1 and an unknown scope with exit 2', async () => {
    const { projectId } = await createProject();
    const noProject = await run(['key', 'create', '--project', 'prj_nope', '--scope', 'read', '--db', db]);
    expect(noProject.code).toBe(1);
    expect(noProject.err).toEqual([`parcours key create: no project prj_nope in ${db}`]);
    expect((await run(['key', 'list', '--project', 'prj_nope', '--db', db])).code).toBe(1);
    expect(
      (await run(['key', 'revoke', '--project', 'prj_nope', '--key-id', 'key_x', '--db', db])).code,
    ).toBe(1);
    const badScope = await run(['key', 'create', '--project', projectId, '--scope', 'root', '--db', db]);
    expect(badScope.code).toBe(2);
    expect(badScope.err[0]).toContain('--scope must be one of read, privacy, admin');
    expect((await run(['key', 'create', '--project', projectId, '--db', db])).code).toBe(2);
  });

  it('import loads the valid lines, reports each rejected line with its number, and counts duplicates', async () => {
    const { projectId } = await createProject();
    const t = Date.UTC(2026, 4, 1);
    const file = join(dir, 'touchpoints.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 's1',
          type: 'track',
          name: 'Store visit',
          anonymousId: 'card-1',
          userId: 'u1',
          timestamp: t,
          channel: 'store',
        }),
        '',
        '{not json',
        JSON.stringify({
          id: 's2',
          type: 'track',
          name: 'Support call',
          anonymousId: 'card-1',
          timestamp: 'monday',
        }),
        JSON.stringify({
          id: 's3',
          type: 'track',
          name: 'Support call',
          anonymousId: 'card-1',
          timestamp: t + 1,
          channel: 'call_centre',
        }),
      ].join('\n'),
    );
    expect(await runCli(['import', file, '--project', projectId, '--db', db], io)).toBe(1);
    expect(JSON.parse(out.pop()!)).toEqual({ imported: 2, duplicates: 0, rejected: 2 });
    expect(err).toEqual([
      `${file}:3: not valid JSON`,
      expect.stringMatching(new RegExp(`^${file}:4: timestamp: `)),
    ]);

    expect(await runCli(['import', file, '--project', projectId, '--db', db], io)).toBe(1);
    expect(JSON.parse(out.pop()!)).toEqual({ imported: 0, duplicates: 2, rejected: 2 });

    const store = openSqliteStore({ filename: db });
    const timeline = await store.getPersonTimeline(projectId, { userId: 'u1' });
    expect(timeline?.events.map((e) => e.name)).toEqual(['Store visit', 'Support call']);
    await store.close();
  });

  it('import refuses an unknown project with one line and exit code 1', async () => {
    await createProject();
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    expect(await runCli(['import', file, '--project', 'prj_nope', '--db', db], io)).toBe(1);
    expect(err).toEqual([`parcours import: no project prj_nope in ${db}`]);
  });
});

interface Started {
  lines: string[];
  errors: string[];
  stop: () => Promise<number>;
}

/** `parcours start` in this process, until it prints its dashboard URL; `stop` is its SIGTERM. */
async function start(args: string[]): Promise<Started> {
  const lines: string[] = [];
  const errors: string[] = [];
  const controller = new AbortController();
  const running = runCli(['start', '--port', '0', '--host', '127.0.0.1', '--db', db, ...args], {
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    signal: controller.signal,
  });
  let exited: number | undefined;
  void running.then((code) => (exited = code));
  while (!lines.some((line) => line.startsWith('Dashboard: '))) {
    if (exited !== undefined) throw new Error(`start exited with ${exited}: ${errors.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    lines,
    errors,
    stop: () => {
      controller.abort();
      return running;
    },
  };
}

describe('parcours start', () => {
  it('says in one line that the port is taken, exits 1, and creates no database', async () => {
    const blocker = createNetServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as AddressInfo;
    try {
      const {
        code,
        out: lines,
        err: errors,
      } = await run(['start', '--host', '127.0.0.1', '--port', String(port), '--db', db]);
      expect(code).toBe(1);
      expect(errors).toEqual([
        `parcours start: port ${port} is already in use (try --port 0 or another port)`,
      ]);
      expect(lines).toEqual([]);
      expect(existsSync(db)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('refuses a session idle time that is not a positive number', async () => {
    const { code, err: errors } = await run(['start', '--session-idle-days', '0', '--db', db]);
    expect(code).toBe(2);
    expect(errors[0]).toContain('--session-idle-days must be a positive number');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses load limits that are not positive numbers', async () => {
    for (const [flag, value] of [
      ['--max-memory-mb', 'lots'],
      ['--max-connections', '0'],
      ['--ip-rate-limit', '-5'],
      ['--write-key-rate-limit', 'fast'],
    ] as const) {
      const { code, err: errors } = await run(['start', `${flag}=${value}`, '--db', db]);
      expect(code, flag).toBe(2);
      expect(errors[0]).toContain(`${flag} must be a positive number, got "${value}"`);
    }
    expect(existsSync(db)).toBe(false);
  });

  it(
    'prints a one-time set-up link while there is no user, a new one at each start',
    async () => {
      const setupLink = /^Set up the first account: http:\/\/localhost:\d+\/#\/invitation\?token=(\S+)$/;
      const first = await start(['--trust-proxy', '--session-idle-days', '1']);
      const firstToken = setupLink.exec(first.lines.find((l) => setupLink.test(l)) ?? '')?.[1];
      expect(firstToken).toBeDefined();
      expect(first.lines.join('\n')).toContain(
        `or: parcours user create --email EMAIL --name NAME --db ${db}`,
      );
      expect(first.lines.at(-1)).toMatch(/^Dashboard: http:\/\/localhost:\d+\/$/);
      expect(await first.stop()).toBe(0);

      const second = await start([]);
      const secondToken = setupLink.exec(second.lines.find((l) => setupLink.test(l)) ?? '')?.[1];
      expect(await second.stop()).toBe(0);
      await withStore(async (store) => {
        expect(await store.getInvitation(firstToken!)).toBeUndefined();
        expect(await store.getInvitation(secondToken!)).toMatchObject({ projectId: undefined, email: '' });
      });

      await createUser('ana@example.com');
      const third = await start([]);
      expect(await third.stop()).toBe(0);
      expect(third.lines.join('\n')).not.toContain('Set up the first account');
    },
    SLOW,
  );

  it('--demo makes a demo user who owns the demo project, with the same password and sessions at every start', async () => {
    const signIn = /^Sign in at http:\/\/localhost:\d+\/ as (\S+) with password (\S+)$/;
    const first = await start(['--demo']);
    expect(await first.stop()).toBe(0);
    const text = first.lines.join('\n');
    expect(text).toMatch(/^Demo project prj_\S+: \d+ touchpoints \(just generated\)$/m);
    expect(text).toMatch(/^ {2}write key: {2}wk_/m);
    expect(text).not.toMatch(/sk_|#key=|secret key/);
    expect(text).not.toContain('Set up the first account');
    const [, email, password] = signIn.exec(first.lines.find((l) => signIn.test(l)) ?? '') ?? [];
    expect(email).toBe(DEMO_USER.email);
    expect(password!.length).toBeGreaterThanOrEqual(16);

    // Only the hash is in the database; the clear password is in a private file next to it.
    for (const file of [db, `${db}-wal`].filter(existsSync)) {
      expect(readFileSync(file).includes(Buffer.from(password!))).toBe(false);
    }
    const sidecar = `${db}.demo-password`;
    expect(readFileSync(sidecar, 'utf8').trim()).toBe(password);
    expect(statSync(sidecar).mode & 0o777).toBe(0o600);

    const token = await withStore(async (store) => {
      const user = (await store.getUserByEmail(DEMO_USER.email))!;
      expect(user).toMatchObject({ name: DEMO_USER.name, isAdmin: true });
      expect(await verifyPassword(password!, user.passwordHash)).toBe(true);
      const [project] = await store.getProjects();
      expect(await store.getRole(project!.projectId, user.userId)).toBe('owner');
      return (await store.createSession(user.userId)).token;
    });

    // A restart: same password, and the open session still works.
    const second = await start(['--demo']);
    expect(await second.stop()).toBe(0);
    expect(second.lines.join('\n')).not.toContain('just generated');
    expect(second.lines.find((l) => signIn.test(l))).toContain(`with password ${password}`);
    await withStore(async (store) => expect(await store.getSession(token, 86_400_000)).toBeDefined());

    // The password file lost: a new password, kept again.
    rmSync(sidecar);
    const third = await start(['--demo']);
    expect(await third.stop()).toBe(0);
    const [, , newPassword] = signIn.exec(third.lines.find((l) => signIn.test(l)) ?? '') ?? [];
    expect(newPassword).toBeDefined();
    expect(newPassword).not.toBe(password);
    expect(readFileSync(sidecar, 'utf8').trim()).toBe(newPassword);
  }, 120_000);
});
