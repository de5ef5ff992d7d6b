import type { AuditActor } from '@parcours/store';

/** Who the audit log names for everything done with the `parcours` CLI. */
export const CLI_ACTOR: AuditActor = { kind: 'cli', label: 'parcours' };
