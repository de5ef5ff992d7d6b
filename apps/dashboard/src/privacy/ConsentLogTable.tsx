import { TableScroll } from '../components/TableScroll.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { createPersonHash } from '../person/getPersonLookup.js';
import { describeConsentAction } from './parseConsentLogFilter.js';
import type { LedgerEntry } from './privacyApi.js';

/** A list of consent categories, or a dash for none. */
function listCategories(categories: readonly string[]): string {
  return categories.length === 0 ? '—' : categories.join(', ');
}

/** A person's id, linked to their timeline; a dash when the record carries none. */
function PersonLink(props: { projectId: string; kind: 'anonymousId' | 'userId'; value: string | null }) {
  if (props.value === null) return <>—</>;
  return (
    <a class="id" href={createPersonHash(props.projectId, { kind: props.kind, value: props.value })}>
      {props.value}
    </a>
  );
}

/**
 * Ledger records as a table, newest first: what was decided, under which version,
 * where, and whether the record's link in the hash chain verifies.
 */
export function ConsentLogTable({
  projectId,
  records,
}: {
  projectId: string;
  records: readonly LedgerEntry[];
}) {
  return (
    <TableScroll label="Consent log records">
      <table class="data-table consent-log">
        <caption>Consent decisions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Received</th>
            <th scope="col">Action</th>
            <th scope="col">Granted</th>
            <th scope="col">Denied</th>
            <th scope="col">Version</th>
            <th scope="col">Mechanism</th>
            <th scope="col">Locale</th>
            <th scope="col">Page</th>
            <th scope="col">GPC</th>
            <th scope="col">Anonymous id</th>
            <th scope="col">User id</th>
            <th scope="col">Chain link</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.seq}>
              <th scope="row" class="num">
                {record.seq}
              </th>
              <td class="when">{formatDateTime(record.receivedAt)}</td>
              <td>{describeConsentAction(record.action)}</td>
              <td>{listCategories(record.granted)}</td>
              <td>{listCategories(record.denied)}</td>
              <td>
                {record.policyVersion || '—'}
                {record.configHash && (
                  <>
                    {' '}
                    <code title={record.configHash}>{record.configHash.slice(0, 8)}</code>
                  </>
                )}
              </td>
              <td>{record.source}</td>
              <td>{record.locale ?? '—'}</td>
              <td class="page-cell">
                {record.origin || record.path ? `${record.origin ?? ''}${record.path ?? ''}` : '—'}
              </td>
              <td>{record.gpc ? 'On' : 'Off'}</td>
              <td>
                <PersonLink projectId={projectId} kind="anonymousId" value={record.anonymousId} />
              </td>
              <td>
                <PersonLink projectId={projectId} kind="userId" value={record.userId} />
              </td>
              <td class={record.verified ? 'chain-ok' : 'chain-broken'}>
                {record.verified ? '✓ Verifies' : '✗ Does not verify'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
