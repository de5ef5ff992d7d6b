import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './support/paths.js';

// Issue 12, item 8: what a developer installs. `npm pack` of the SDK and the banner, installed
// with TypeScript from the npm registry in a folder outside the monorepo, must type-check a
// `createTracker` call under `strict`, with nothing from the unpublished `@parcours/schema`.
const PACKAGES = ['sdk', 'consent-banner'] as const;
/** npm install from the registry and two TypeScript runs: minutes on a busy machine. */
const INSTALL_TIMEOUT = 300_000;

let project: string;
const tarballs: Record<string, string> = {};

const run = (command: string, args: string[], cwd: string): string => {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
};

/** `npm pack` of one workspace package into `destination`; the tarball's path. */
const pack = (name: string, destination: string): string => {
  const [result] = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', destination], join(REPO, 'packages', name)),
  ) as Array<{ filename: string }>;
  return join(destination, result!.filename);
};

/** A consumer's code: every entry point, strict, and lines that must not compile. */
const CONSUMER = `import { createTracker, type Tracker, type TrackerOptions, type ConsentCategory } from '@parcours/sdk';
import { createTracker as createNodeTracker, createMemoryStorage } from '@parcours/sdk/node';
import { createTracker as createAppTracker } from '@parcours/sdk/react-native';
import { createBanner, type Banner } from '@parcours/consent-banner';

const options: TrackerOptions = { writeKey: 'wk_test', host: 'https://parcours.example.com' };
const tracker: Tracker = createTracker(options);
const granted: ConsentCategory[] = ['analytics'];
tracker.consent.grant(granted);
tracker.track('Signed up', { plan: 'pro', seats: 3 }, { channel: 'web' });
tracker.feedback({ kind: 'nps', score: 9 });
const flushed: Promise<void> = tracker.flush();
void flushed;

const server = createNodeTracker({ ...options, storage: createMemoryStorage(), consent: ['analytics'] });
server.identify('customer-1042');
void createAppTracker;

const banner: Banner = createBanner({ writeKey: 'wk_test', host: 'https://parcours.example.com', tracker });
banner.open();

// The declarations are real types, not \`any\`: each of these must fail.
// @ts-expect-error a touchpoint name is a string
tracker.track(42);
// @ts-expect-error the write key is required
createTracker({ host: 'https://parcours.example.com' });
// @ts-expect-error not a consent category
tracker.consent.grant(['everything']);
// @ts-expect-error feedback kinds are nps and csat
tracker.feedback({ kind: 'stars', score: 4 });
`;

const STRICT = {
  strict: true,
  noEmit: true,
  // Check the installed declarations themselves, not only the calls into them.
  skipLibCheck: false,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
};

const typecheck = (name: string, compilerOptions: object): string => {
  writeFileSync(
    join(project, `tsconfig.${name}.json`),
    JSON.stringify({ compilerOptions: { ...STRICT, ...compilerOptions }, include: ['src'] }),
  );
  return run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', `tsconfig.${name}.json`], project);
};

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'parcours-sdk-consumer-'));
  for (const name of PACKAGES) tarballs[name] = pack(name, project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'sdk-consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...PACKAGES.map((name) => tarballs[name]!), 'typescript'],
    project,
  );
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'app.ts'), CONSUMER);
}, INSTALL_TIMEOUT);
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed SDK and banner, installed outside the monorepo', () => {
  it('install without any unpublished package', () => {
    expect(readdirSync(join(project, 'node_modules', '@parcours')).sort()).toEqual(['consent-banner', 'sdk']);
    for (const name of PACKAGES) {
      const manifest = JSON.parse(
        readFileSync(join(project, 'node_modules', '@parcours', name, 'package.json'), 'utf8'),
      );
      expect(manifest.dependencies ?? {}, name).toEqual({});
      expect(manifest.peerDependencies ?? {}, name).toEqual({});
    }
  });

  it('ship declarations that name no other @parcours package', () => {
    const offenders: string[] = [];
    for (const name of PACKAGES) {
      const root = join(project, 'node_modules', '@parcours', name);
      const declarations = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.d.ts'),
      );
      expect(declarations.length, name).toBeGreaterThan(0);
      for (const file of declarations) {
        const text = readFileSync(join(root, file), 'utf8');
        // Statements and `import('…')` type queries; doc comments quote `from '@parcours/sdk'`.
        const references =
          /^(?:import|export)\s[^;]*?from\s*['"]@parcours\/[^'"]+['"]|import\(\s*['"]@parcours\//gm;
        for (const [statement] of text.matchAll(references)) offenders.push(`${name}/${file}: ${statement}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it(
    'type-check a createTracker call with strict TypeScript, Node ESM resolution',
    () => {
      expect(typecheck('node', { module: 'NodeNext', moduleResolution: 'NodeNext' })).toBe('');
    },
    INSTALL_TIMEOUT,
  );

  it(
    "type-check a createTracker call with strict TypeScript, a bundler's resolution",
    () => {
      expect(typecheck('bundler', { module: 'ESNext', moduleResolution: 'Bundler' })).toBe('');
    },
    INSTALL_TIMEOUT,
  );

  it('fail the type check when a call is wrong (the check is not vacuous)', () => {
    writeFileSync(
      join(project, 'src', 'wrong.ts'),
      `import { createTracker } from '@parcours/sdk';\ncreateTracker({ writeKey: 1, host: 'h' });\n`,
    );
    try {
      expect(() => typecheck('wrong', { module: 'NodeNext', moduleResolution: 'NodeNext' })).toThrow(
        /wrong\.ts.*TS2322/s,
      );
    } finally {
      rmSync(join(project, 'src', 'wrong.ts'));
    }
  });

  it('run: the Node entry point loads from the installed package', () => {
    const output = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import('@parcours/sdk/node').then((m) => console.log(typeof m.createTracker))",
      ],
      project,
    );
    expect(output.trim()).toBe('function');
  });
});
