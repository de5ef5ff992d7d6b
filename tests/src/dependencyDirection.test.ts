import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * ARCHITECTURE.md's dependency direction, checked from the source rather than
 * trusted: each package may import only what its row of the table allows.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const ALLOWED: Record<string, { runtime: string[]; typeOnly?: string[] }> = {
  'packages/schema': { runtime: ['zod'] },
  'packages/sdk': { runtime: [], typeOnly: ['@parcours/schema'] },
  'packages/consent-banner': { runtime: [], typeOnly: ['@parcours/schema'] },
  'packages/store': { runtime: ['better-sqlite3', '@parcours/schema'] },
  'packages/store-clickhouse': { runtime: ['@clickhouse/client', '@parcours/store', '@parcours/schema'] },
  'packages/api': { runtime: ['@trpc/server', 'zod', '@parcours/store', '@parcours/schema'] },
  'apps/server': {
    runtime: [
      '@parcours/api',
      '@parcours/store',
      '@parcours/store-clickhouse',
      '@parcours/schema',
      '@trpc/server',
      'nodemailer',
      'smtp-server',
      // Issue 12: PDF reports printed by Debian's Chromium.
      'playwright-core',
    ],
  },
  'apps/dashboard': {
    runtime: ['preact', '@tanstack/react-query', '@trpc/client', '@trpc/tanstack-react-query'],
    typeOnly: ['@parcours/api'],
  },
};
/** Test tooling may be imported by test files anywhere. */
const TEST_TOOLS = ['vitest', 'msw', 'fast-check', 'playwright-core'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) found.push({ file, specifier: m[4]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(DYNAMIC)) found.push({ file, specifier: m[1]!, typeOnly: false });
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isTest = (file: string) =>
  /\.(test|test-d|conformance)\.tsx?$/.test(file) || /[/\\]testing[/\\]/.test(file);

/** Every source file reachable from an entry through relative imports. */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of importsOf(file)) {
      if (!imp.specifier.startsWith('.')) continue;
      visit(resolve(dirname(file), imp.specifier).replace(/\.js$/, '.ts'));
    }
  };
  visit(entry);
  return [...seen];
}

describe('dependency direction (ARCHITECTURE.md)', () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder} imports only what its row allows`, () => {
      const root = join(repo, folder);
      const offending: string[] = [];
      let count = 0;
      for (const file of sourceFiles(join(root, 'src'))) {
        for (const imp of importsOf(file)) {
          count++;
          const where = `${relative(repo, file)}: ${imp.specifier}`;
          if (imp.specifier.startsWith('.')) {
            const target = resolve(dirname(file), imp.specifier);
            if (!target.startsWith(root)) offending.push(`${where} (reaches out of ${folder})`);
            continue;
          }
          if (imp.specifier.startsWith('node:')) {
            if (folder === 'apps/dashboard' && !isTest(file))
              offending.push(`${where} (Node built-in in browser code)`);
            continue; // the SDK's browser entries are checked by the import-graph test below
          }
          const name = packageName(imp.specifier);
          if (isTest(file) && (TEST_TOOLS.includes(name) || name.startsWith('@parcours/'))) continue;
          if (allowed.runtime.includes(name)) continue;
          if (imp.typeOnly && allowed.typeOnly?.includes(name)) continue;
          offending.push(`${where}${allowed.typeOnly?.includes(name) ? ' (must be `import type`)' : ''}`);
        }
      }
      expect(count, `no imports found under ${folder}/src`).toBeGreaterThan(0);
      expect(offending).toEqual([]);
    });
  }

  it('the SDK browser and React Native entries reach no Node built-in', () => {
    const entries = ['index.ts', 'iife.ts', 'react-native.ts'].map((f) => join(repo, 'packages/sdk/src', f));
    const reached = entries.flatMap(importGraph);
    expect(reached.length).toBeGreaterThan(entries.length);
    const offending = reached.flatMap((file) =>
      importsOf(file)
        .filter((imp) => imp.specifier.startsWith('node:') && !imp.typeOnly)
        .map((imp) => `${relative(repo, file)}: ${imp.specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('the SDK has no runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'packages/sdk/package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});
