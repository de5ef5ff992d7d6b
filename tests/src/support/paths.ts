import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const EXAMPLES = join(REPO, 'examples');
export const PARCOURS_BIN = join(REPO, 'apps', 'server', 'bin', 'parcours.js');
