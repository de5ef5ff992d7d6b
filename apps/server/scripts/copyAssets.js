// Copies what the server serves into dist/public: the dashboard build at / and the
// SDK's script-tag bundle at /sdk.js, the consent banner's at /banner.js. Run by `npm run build` after tsc.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(root, '..', '..');
const publicDir = join(root, 'dist', 'public');
const assets = [
  { from: join(repo, 'apps', 'dashboard', 'dist'), to: publicDir },
  { from: join(repo, 'packages', 'sdk', 'dist', 'parcours.iife.js'), to: join(publicDir, 'sdk.js') },
  {
    from: join(repo, 'packages', 'consent-banner', 'dist', 'banner.iife.js'),
    to: join(publicDir, 'banner.js'),
  },
];

rmSync(publicDir, { recursive: true, force: true });
mkdirSync(publicDir, { recursive: true });
for (const { from, to } of assets) {
  if (!existsSync(from)) {
    console.error(`copyAssets: ${from} is missing: build it first (turbo does)`);
    process.exit(1);
  }
  cpSync(from, to, { recursive: true });
}
