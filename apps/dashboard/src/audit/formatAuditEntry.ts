import type { AuditEntry } from '../api/types.js';

const ACTOR_KINDS: Record<AuditEntry['actor']['kind'], string> = {
  user: '',
  key: 'API key',
  cli: 'command line',
  system: 'Parcours',
};

/** Who acted, as a reader recognises them: `ann@example.com`, `nightly export (API key)`. */
export function formatAuditActor(actor: AuditEntry['actor']): string {
  const kind = ACTOR_KINDS[actor.kind];
  return kind ? `${actor.label} (${kind})` : actor.label;
}

/** An entry's extra facts as `key: value` pairs, e.g. `from: viewer, to: analyst`; empty when none. */
export function formatAuditDetail(detail: AuditEntry['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${value === null ? '—' : String(value)}`)
    .join(', ');
}
