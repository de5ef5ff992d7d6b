import { parseArgs } from 'node:util';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PROJECT_IDENTITY_HELP = `Usage: parcours project identity --project ID [--require-signed on|off] [--rotate-secret] [--db ./parcours.db]

Shows, and with options changes, a project's signed identities. Prints one JSON line:
  {"projectId":…,"requireSignedIdentities":true,"identitySecret":"ids_…"}
When signed identities are required, the collector trusts a user id only if the event
carries userHash = HMAC-SHA256(identitySecret, userId) as hex, computed by your backend:
  node -e "console.log(require('node:crypto').createHmac('sha256', SECRET).update(USER_ID).digest('hex'))"
An unsigned or wrongly signed event is stored, but its user id links no device.
Changes apply to events collected from then on.

Options:
  --project ID            the project (required)
  --require-signed on|off require signed user ids, or trust every user id (default: unchanged)
  --rotate-secret         make a new identity secret; the old one stops working at once
  --db FILE               SQLite database file (default ./parcours.db)
  --help                  show this help`;

const SWITCH = { on: true, off: false } as const;

/** `parcours project identity`: the identity secret and whether signatures are required. */
export async function projectIdentityCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: 'string' },
      'require-signed': { type: 'string' },
      'rotate-secret': { type: 'boolean' },
      ...DB_OPTION,
    },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  const requireSigned = values['require-signed'];
  if (requireSigned !== undefined && !(requireSigned in SWITCH)) {
    throw new UsageError('--require-signed must be on or off');
  }
  const change = {
    ...(requireSigned !== undefined && {
      requireSignedIdentities: SWITCH[requireSigned as keyof typeof SWITCH],
    }),
    ...(values['rotate-secret'] === true && { rotateSecret: true }),
  };
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    let settings = await store.getIdentitySettings(projectId);
    if (Object.keys(change).length > 0) {
      settings = await store.setIdentitySettings(projectId, change);
      await store.appendAudit({ projectId, actor: CLI_ACTOR, action: 'identity.updated', detail: change });
    }
    io.out(JSON.stringify({ projectId, ...settings }));
    return 0;
  });
}
