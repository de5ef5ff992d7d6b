import { readFileSync } from 'node:fs';

/** The version of `@parcours/server`, from its package.json (next to `src/` and `dist/`). */
export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
