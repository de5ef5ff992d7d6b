import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const iife = join(dist, 'parcours.iife.js');
/** issue 3: every browser feature in ≤ 3,072 bytes min+gzip. */
const BUDGET = 3072;

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );

beforeAll(() => {
  // `npm test` builds first (turbo: test dependsOn build); a bare `vitest run` may not have.
  if (!existsSync(iife)) execSync('npx rollup -c', { cwd: root, stdio: 'inherit' });
}, 60_000);

describe('built bundles', () => {
  it(`keep the script-tag bundle within ${BUDGET} bytes min+gzip`, () => {
    const code = readFileSync(iife);
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(
      `dist/parcours.iife.js: ${code.length} B minified, ${gzipped} B min+gzip (budget ${BUDGET} B)`,
    );
    expect(gzipped, `${gzipped} B min+gzip`).toBeLessThanOrEqual(BUDGET);
  });

  it('contain neither zod nor tRPC code, nor any import', () => {
    const code = listFiles(dist).filter((file) => /\.(c?js)$/.test(file));
    expect(code.map((file) => file.slice(dist.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'index.js',
        'index.cjs',
        'react-native.js',
        'react-native.cjs',
        'node.js',
        'node.cjs',
        'parcours.iife.js',
      ]),
    );
    // `/trpc/` is the collector's URL path, so look for the libraries' code, not the word.
    const forbidden = /zod|ZodError|safeParse|@trpc|TRPCClient|TRPCError|createTRPC|httpBatchLink|superjson/;
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      expect(text.match(forbidden)?.[0], file).toBeUndefined();
      expect(text.match(/(from|require\(|import\()\s*['"]@parcours\/schema/)?.[0], file).toBeUndefined();
    }
    expect(readFileSync(iife, 'utf8')).not.toMatch(/\brequire\(|\bimport\b/);
    // A secret key belongs on a server: only the Node entry knows how to send one.
    for (const browser of ['parcours.iife.js', 'index.js', 'index.cjs', 'react-native.js'])
      expect(readFileSync(join(dist, browser), 'utf8'), browser).not.toMatch(/Authorization|Bearer/);
    expect(readFileSync(join(dist, 'node.js'), 'utf8')).toMatch(/Authorization/);
  });

  it('ship declarations for every entry point', () => {
    for (const entry of ['index', 'react-native', 'node'])
      expect(existsSync(join(dist, entry + '.d.ts')), entry).toBe(true);
  });

  it('mangle private fields and keep the public API and wire names', () => {
    const text = readFileSync(iife, 'utf8');
    for (const name of [
      'track',
      'page',
      'identify',
      'reset',
      'flush',
      'feedback',
      'consent',
      'grant',
      'deny',
      'onChange',
      'anonymousId',
      'writeKey',
    ]) {
      expect(text, name).toContain(name);
    }
    expect(text).not.toMatch(/\._[a-zA-Z]/);
  });
});

describe('package', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('has no runtime dependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });

  it('exports the browser, react-native and node entry points, ESM, CJS and types', () => {
    for (const [key, file] of [
      ['.', 'index'],
      ['./react-native', 'react-native'],
      ['./node', 'node'],
    ] as const) {
      expect(pkg.exports[key], key).toEqual({
        types: `./dist/${file}.d.ts`,
        import: `./dist/${file}.js`,
        require: `./dist/${file}.cjs`,
      });
    }
  });

  it('imports @parcours/schema for types only, and no other package, in its source', () => {
    const sources = listFiles(join(root, 'src')).filter(
      (file) => /\.ts$/.test(file) && !/\.test\.ts$|[/\\]testing[/\\]/.test(file),
    );
    const offenders: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const [statement, from = ''] of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
        const typeOnly = /^(import|export)\s+type\s/.test(statement);
        const allowed =
          from.startsWith('.') ||
          (from === '@parcours/schema/types' && typeOnly) ||
          (from === 'node:fs/promises' && file.endsWith('createFileStorage.ts'));
        if (!allowed) offenders.push(`${file.slice(root.length + 1)}: ${statement.replace(/\s+/g, ' ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the core platform-free: no window, document, navigator, location or localStorage', () => {
    const offenders = listFiles(join(root, 'src', 'core'))
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) => {
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        return [
          ...code.matchAll(/\b(window|document|navigator|location|localStorage|history|addEventListener)\b/g),
        ].map(([name]) => `${file.slice(root.length + 1)}: ${name}`);
      });
    expect(offenders).toEqual([]);
  });
});
