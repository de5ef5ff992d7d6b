import type { RegisterContact } from '@parcours/store';
import { escapeHtml } from '../html/escapeHtml.js';
import type { ProcessingRegister } from './ProcessingRegister.js';

const escape = escapeHtml;

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; } dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; } dt { font-weight: 600; } dd { margin: 0; white-space: pre-line; }
@page { margin: 15mm; } @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

function renderContact(title: string, contact: RegisterContact): string {
  const rows: Array<[string, string]> = [
    ['Name', contact.name],
    ['E-mail', contact.email],
    ['Phone', contact.phone],
    ['Address', contact.address],
  ];
  const body = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v === '' ? '—' : escape(v)}</dd>`).join('');
  return `<section><h2>${title}</h2><dl>${body}</dl></section>`;
}

function renderTable(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const list = (names: readonly string[]) => (names.length === 0 ? 'none seen' : names.map(escape).join(', '));

/**
 * The register as one self-contained, printable HTML document (no script, no external
 * resource, styles inline), in English. Every value is escaped: names and property
 * names come from the officer and from collected events.
 */
export function renderRegisterHtml(register: ProcessingRegister): string {
  const { project, retention } = register;
  const generated = new Date(register.generatedAt).toISOString();
  const categories = register.dataCategories
    .map((category) => {
      const names = category.propertyNames
        ? `<p>Property names seen: ${list(category.propertyNames)}.</p><p>Context names seen: ${list(category.contextNames ?? [])}.</p>`
        : '';
      const columns = category.columns.map((c) => [escape(c.column), escape(c.holds)]);
      return `<h3>${escape(category.description)} (<code>${escape(category.table)}</code>, ${category.rows} rows)</h3>
<p><strong>Retention:</strong> ${escape(category.retention)}</p>${names}${renderTable(['Column', 'Holds'], columns)}`;
    })
    .join('\n');
  const recipientRows = (recipients: ProcessingRegister['recipients']) =>
    recipients.map((r) => [r.name, r.purpose, r.country || '—', r.safeguard || '—'].map(escape));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Records of processing: ${escape(project.name)}</title>
<style>${STYLE}</style></head><body><main>
<h1>Records of processing activities (GDPR Art. 30): ${escape(project.name)}</h1>
<p>Project <code>${escape(project.projectId)}</code>. Generated ${generated} from the live configuration (register schema ${register.schemaVersion}; consent config version ${register.consentConfig.policyVersion}, <a href="${escape(register.consentConfig.privacyPolicyUrl)}">privacy policy</a>).</p>
${renderContact('Controller', register.controller)}
${renderContact('Data protection officer', register.dpo)}
<section><h2>Purposes</h2>${renderTable(
    ['Category', 'Purpose', 'Legal basis'],
    register.purposes.map((p) => [
      escape(p.category),
      `${escape(p.label.en ?? '')}: ${escape(p.description.en ?? '')}`,
      escape(p.legalBasis),
    ]),
  )}</section>
<section><h2>Data subjects</h2><ul>${register.dataSubjects.map((s) => `<li>${escape(s)}</li>`).join('')}</ul></section>
<section><h2>Categories of personal data</h2>${categories}${register.namesTruncated ? '<p>Name lists are cut at their cap.</p>' : ''}</section>
<section><h2>Recipients</h2>${renderTable(['Recipient', 'Purpose', 'Country', 'Safeguard'], recipientRows(register.recipients))}</section>
<section><h2>Transfers outside the EEA</h2>${renderTable(['Recipient', 'Purpose', 'Country', 'Safeguard'], recipientRows(register.transfers))}</section>
<section><h2>Retention</h2><dl>
<dt>Events</dt><dd>${retention.eventsMonths} months</dd>
<dt>Consent proof</dt><dd>${retention.ledgerProofYears} years after the consent ended</dd>
<dt>Withdrawal erases</dt><dd>${retention.withdrawalErases ? 'yes' : 'no'}</dd></dl></section>
<section><h2>Security measures</h2>${renderTable(
    ['Measure', 'In place', 'Read from'],
    register.securityMeasures.map((m) => [
      escape(m.measure),
      escape(m.detail),
      m.source === 'live' ? 'running system' : 'this release',
    ]),
  )}</section>
</main></body></html>
`;
}
