import { rmSync } from 'node:fs';
import { PARCOURS_BIN, parseLastLine, runNode } from './runChild.mjs';

/** Deletes a SQLite file and its WAL companions, so that each run starts empty. */
export function removeDatabase(filename) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${filename}${suffix}`, { force: true });
}

/** `parcours project create` on a fresh database file: its keys. */
export async function createProject(filename, name) {
  removeDatabase(filename);
  return parseLastLine(
    (await runNode([PARCOURS_BIN, 'project', 'create', '--name', name, '--db', filename])).stdout,
  );
}

/**
 * Imports the NDJSON file into a fresh database with `parcours import`, as a user
 * would: the wall time of the whole command (start-up included) gives events/s.
 * @returns {Promise<{ projectId: string, imported: number, duplicates: number, rejected: number, wallMs: number, eventsPerSecond: number }>}
 */
export async function importWithCli({ file, filename }) {
  const { projectId } = await createProject(filename, 'bench-import');
  const { stdout, wallMs } = await runNode([
    PARCOURS_BIN,
    'import',
    file,
    '--project',
    projectId,
    '--db',
    filename,
  ]);
  const totals = parseLastLine(stdout);
  return { projectId, ...totals, wallMs, eventsPerSecond: totals.imported / (wallMs / 1000) };
}
