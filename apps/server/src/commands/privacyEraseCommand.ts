import { CLI_ACTOR } from './cliActor.js';
import type { CliIo } from './CliIo.js';
import { parsePrivacySubject } from './parsePrivacySubject.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PRIVACY_ERASE_HELP = `Usage: parcours privacy erase --project ID (--user-id ID | --anonymous-id ID) [--db ./parcours.db]

Erases one person (an erasure request): every row holding one of their ids (all their
linked devices and their user id) in every table that refers to persons, overwritten
in the database file, the WAL checkpointed and emptied. Prints the receipt, which the
audit log keeps: {"requestId":"era_…","erasedAt":…,"tables":{"events":n,…}}.
Erasing someone already erased (or unknown) prints zeros. A running server's journey
index sees the erasure at its next question.

Options:
  --project ID        the project (required)
  --user-id ID        the person's user id
  --anonymous-id ID   or one of their devices' anonymous id
  --db FILE           SQLite database file (default ./parcours.db)
  --help              show this help`;

/** `parcours privacy erase`: a person's data removed, with a receipt. */
export async function privacyEraseCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, projectId, ref } = parsePrivacySubject(argv);
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const receipt = await store.erasePerson(projectId, ref);
    const { requestId, erasedAt, tables } = receipt;
    await store.appendAudit({
      projectId,
      actor: CLI_ACTOR,
      action: 'privacy.personErased',
      target: requestId,
      detail: { requestId, erasedAt, ...tables },
    });
    io.out(JSON.stringify(receipt));
    return 0;
  });
}
