import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { generateJourneys } from './generateJourneys.mjs';

/** Bump when the generator changes, so that stale files are not reused. */
const GENERATOR_VERSION = 1;

/**
 * The NDJSON data set of `size` events for `seed`, generated into `dir` once and
 * reused while its `.meta.json` says it was made by this generator with the same
 * seed and size. Each event's id carries its line number (`e<seed>-<line>`, from 1):
 * the arrival order, which DuckDB reads back to break timestamp ties as the store does.
 * @param {{ size: number, seed: number, dir: string, log?: (line: string) => void }} options
 * @returns {{ file: string, meta: { version: number, seed: number, size: number, bytes: number, generatedMs: number }, reused: boolean }}
 */
export function ensureDataset({ size, seed, dir, log = () => {} }) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `events-${size}-seed${seed}.ndjson`);
  const metaFile = `${file}.meta.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.version === GENERATOR_VERSION && meta.seed === seed && meta.size === size) {
      return { file, meta, reused: true };
    }
  }
  log(`generating ${size.toLocaleString('en')} events (seed ${seed}) into ${file}`);
  const started = performance.now();
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  let bytes = 0;
  try {
    let line = 0;
    let chunk = '';
    for (const event of generateJourneys({ size, seed })) {
      line++;
      chunk += `${JSON.stringify({ id: `e${seed}-${line}`, ...event })}\n`;
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  const meta = {
    version: GENERATOR_VERSION,
    seed,
    size,
    bytes,
    generatedMs: Math.round(performance.now() - started),
  };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { file, meta, reused: false };
}
