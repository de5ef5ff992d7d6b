import { parseArgs } from 'node:util';
import { purgeWithReceipt } from '@parcours/api';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PRIVACY_PURGE_HELP = `Usage: parcours privacy purge --project ID [--db ./parcours.db]

Applies the project's retention settings now (a running server also does at start
and daily): deletes its events older than the retention (default 25 calendar months),
the identity links no event supports any more, and the oldest consent-ledger records
whose consent ended more than the proof period ago (default 5 years; the chain left
still verifies). Prints the receipt, which the audit log keeps:
  {"purgeId":"prg_…","purgedAt":…,"eventsBefore":…,"ledgerEndedBefore":…,
   "tables":{"events":n,"identity_links":n,"consent_records":n}}
A running server's journey index sees the purge at its next question.

Options:
  --project ID  the project (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --help        show this help`;

/** `parcours privacy purge`: one project's retention purge, with its receipt. */
export async function privacyPurgeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const receipt = await purgeWithReceipt(store, projectId, { actor: CLI_ACTOR });
    io.out(JSON.stringify(receipt));
    return 0;
  });
}
