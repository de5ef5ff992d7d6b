import { parseArgs } from 'node:util';
import { CLI_ACTOR } from './cliActor.js';
import { CliError, UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const KEY_REVOKE_HELP = `Usage: parcours key revoke --project ID --key-id ID [--db ./parcours.db]

Revokes a secret key at once: the next request with it is refused. Prints one
JSON line: {"revoked":true}. The key ids are in "parcours key list".

Options:
  --project ID  the project (required)
  --key-id ID   the key's id, key_… (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --help        show this help`;

/** `parcours key revoke`: a leaked or unused key stops working. */
export async function keyRevokeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, 'key-id': { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  const keyId = values['key-id'];
  if (!projectId) throw new UsageError('--project is required');
  if (!keyId) throw new UsageError('--key-id is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const key = (await store.listSecretKeys(projectId)).find((k) => k.keyId === keyId);
    if (key === undefined || !(await store.revokeSecretKey(projectId, keyId))) {
      throw new CliError(`no key ${keyId} in project ${projectId}`);
    }
    await store.appendAudit({
      projectId,
      actor: CLI_ACTOR,
      action: 'key.revoked',
      target: key.prefix,
      detail: { keyId, scope: key.scope, label: key.label },
    });
    io.out(JSON.stringify({ revoked: true }));
    return 0;
  });
}
