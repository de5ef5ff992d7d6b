import { CLI_ACTOR } from './cliActor.js';
import { CliError, type CliIo } from './CliIo.js';
import { parsePrivacySubject } from './parsePrivacySubject.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const PRIVACY_EXPORT_HELP = `Usage: parcours privacy export --project ID (--user-id ID | --anonymous-id ID) [--db ./parcours.db]

Prints everything stored about one person (an access or portability request) as one
JSON line: {"schemaVersion":1,"projectId":…,"exportedAt":…,"person":{"id","anonymousIds",
"userIds"},"tables":{"events":[…],"identity_links":[…],"consent_records":[…]}}.
The person is found through identity stitching: a user id brings every device linked
to it, a device's id the user it last identified as. The schema is in the README.
Exit code 1 when no row holds that id. The export is written to the audit log (without the ids).

Options:
  --project ID        the project (required)
  --user-id ID        the person's user id
  --anonymous-id ID   or one of their devices' anonymous id
  --db FILE           SQLite database file (default ./parcours.db)
  --help              show this help`;

/** `parcours privacy export`: a person's data, for an access request. */
export async function privacyExportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, projectId, ref } = parsePrivacySubject(argv);
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const exported = await store.exportPerson(projectId, ref);
    if (exported === undefined)
      throw new CliError(`no person with this ${Object.keys(ref)[0]} in project ${projectId}`);
    const rows = Object.fromEntries(
      Object.entries(exported.tables).map(([table, list]) => [table, list.length]),
    );
    await store.appendAudit({ projectId, actor: CLI_ACTOR, action: 'privacy.personExported', detail: rows });
    io.out(JSON.stringify(exported));
    return 0;
  });
}
