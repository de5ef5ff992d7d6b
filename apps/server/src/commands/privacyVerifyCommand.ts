import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PRIVACY_VERIFY_HELP = `Usage: parcours privacy verify --project ID [--db ./parcours.db]

Walks the project's consent ledger (a hash chain) and prints, as one JSON line,
what privacy.verifyLedger answers:
  {"ok":true,"records":N}
  {"ok":false,"records":N,"firstBroken":{"seq":…,"recordId":…,"reason":…}}
Exit code 1 when the chain does not verify (a record was changed, deleted or inserted).

Options:
  --project ID  the project (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --help        show this help`;

/** `parcours privacy verify`: the consent ledger's verification, exit 1 when broken. */
export async function privacyVerifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const verification = await store.verifyLedger(projectId);
    io.out(JSON.stringify(verification));
    return verification.ok ? 0 : 1;
  });
}
