import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@parcours/store';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireUser } from './requireUser.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PROJECT_CREATE_HELP = `Usage: parcours project create --name NAME [--owner EMAIL] [--time-zone ZONE] [--db ./parcours.db | --clickhouse URL]

Creates a project and prints one JSON line: {"projectId":…,"writeKey":…,"secretKey":…}.
The write key goes in your pages; the secret key (scope admin) opens the read API.
Keep the secret key: only its hash is stored, it cannot be shown again.

Options:
  --name NAME    the project's name (required)
  --owner EMAIL  an existing user who becomes the project's owner
  --time-zone ZONE  the IANA zone its days and weeks follow (Europe/Paris; default UTC;
                 owners change it in the project's settings)
  --db FILE      SQLite database file (default ./parcours.db)
  --clickhouse URL  a ClickHouse database instead (http://127.0.0.1:8123/parcours,
                 created on first use; also PARCOURS_CLICKHOUSE_URL)
  --help         show this help`;

/** `parcours project create`: a new project with its write key and an admin secret key. */
export async function projectCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      owner: { type: 'string' },
      'time-zone': { type: 'string' },
      ...DB_OPTION,
    },
    strict: true,
  });
  const name = values.name?.trim();
  const ownerEmail = values.owner?.trim();
  if (!name) throw new UsageError('--name is required');
  if (ownerEmail === '') throw new UsageError('--owner must be an email');
  const timeZone = values['time-zone']?.trim() ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new UsageError(`--time-zone: "${timeZone}" is not an IANA time zone (such as Europe/Paris or UTC)`);
  }
  // An owner can only exist in a database that exists.
  return withCliStore(values, { mustExist: ownerEmail !== undefined }, async (store) => {
    const owner =
      ownerEmail === undefined ? undefined : await requireUser(store, ownerEmail, describeDatabase(values));
    const created = await store.createProject({ name, ownerUserId: owner?.userId, timeZone });
    await store.appendAudit({
      projectId: created.projectId,
      actor: CLI_ACTOR,
      action: 'project.created',
      target: name,
      detail: { owner: owner?.email ?? null, timeZone },
    });
    io.out(JSON.stringify(created));
    return 0;
  });
}
