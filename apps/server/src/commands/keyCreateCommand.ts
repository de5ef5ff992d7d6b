import { parseArgs } from 'node:util';
import { KEY_SCOPES, type KeyScope } from '@parcours/store';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const KEY_CREATE_HELP = `Usage: parcours key create --project ID --scope SCOPE [--label LABEL] [--db ./parcours.db]

Creates a secret key for scripts and servers, sent as "Authorization: Bearer <key>".
Prints one JSON line: {"key":"sk_…","scope":…,"keyId":…,"label":…}.
Keep the key: only its hash is stored, it cannot be shown again.

Options:
  --project ID   the project the key opens (required)
  --scope SCOPE  read (journey queries), privacy (privacy procedures), admin
                 (everything an owner can do) or ingest (a trusted server-side
                 source: sent with the write key on /trpc/collect, its batches
                 without a consent list store every category) (required)
  --label LABEL  what the key is for, shown in "parcours key list" (default "cli")
  --db FILE      SQLite database file (default ./parcours.db)
  --help         show this help`;

function isKeyScope(value: string): value is KeyScope {
  return (KEY_SCOPES as readonly string[]).includes(value);
}

/** `parcours key create`: a new scoped secret key, shown once. */
export async function keyCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: 'string' },
      scope: { type: 'string' },
      label: { type: 'string', default: 'cli' },
      ...DB_OPTION,
    },
    strict: true,
  });
  const { project: projectId, scope } = values;
  const label = values.label.trim();
  if (!projectId) throw new UsageError('--project is required');
  if (!scope) throw new UsageError('--scope is required');
  if (!isKeyScope(scope))
    throw new UsageError(`--scope must be one of ${KEY_SCOPES.join(', ')}, got "${scope}"`);
  if (!label) throw new UsageError('--label must not be empty');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const created = await store.createSecretKey(projectId, { scope, label });
    await store.appendAudit({
      projectId,
      actor: CLI_ACTOR,
      action: 'key.created',
      target: created.prefix,
      detail: { keyId: created.keyId, scope, label },
    });
    io.out(JSON.stringify({ key: created.key, scope, keyId: created.keyId, label }));
    return 0;
  });
}
