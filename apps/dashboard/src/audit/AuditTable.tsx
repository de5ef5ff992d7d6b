import type { AuditEntry } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatAuditActor, formatAuditDetail } from './formatAuditEntry.js';
import { TableScroll } from '../components/TableScroll.js';

/** Audit entries as a table, in the order given (newest first). */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <TableScroll label="Audit log">
      <table class="data-table audit-table">
        <caption>Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td class="when">{formatDateTime(entry.at)}</td>
              <td>{formatAuditActor(entry.actor)}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.target ?? '—'}</td>
              <td>{formatAuditDetail(entry.detail) || '—'}</td>
              <td>{entry.ip === null ? '—' : <code>{entry.ip}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
