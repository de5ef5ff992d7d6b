import type { ProcessingRegister } from '@parcours/api';

type Contact = ProcessingRegister['controller'];

function ContactCard({ id, title, contact }: { id: string; title: string; contact: Contact }) {
  const rows: Array<[string, string]> = [
    ['Name', contact.name],
    ['E-mail', contact.email],
    ['Phone', contact.phone],
    ['Address', contact.address],
  ];
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl class="register-contact">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

const names = (list: readonly string[] | undefined) => (list?.length ? list.join(', ') : 'none seen');

/** The register as the page shows (and prints) it, section by section of Art. 30(1). */
export function RegisterView({ register }: { register: ProcessingRegister }) {
  const { retention } = register;
  return (
    <>
      <ContactCard id="register-controller" title="Controller" contact={register.controller} />
      <ContactCard id="register-dpo" title="Data protection officer" contact={register.dpo} />
      <section class="card" aria-labelledby="register-purposes">
        <h2 id="register-purposes">Purposes</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Purpose</th>
              <th scope="col">Legal basis</th>
            </tr>
          </thead>
          <tbody>
            {register.purposes.map((purpose) => (
              <tr key={purpose.category}>
                <td>{purpose.label.en ?? purpose.category}</td>
                <td>{purpose.description.en}</td>
                <td>{purpose.legalBasis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="register-data">
        <h2 id="register-data">Data subjects and categories of data</h2>
        <ul>
          {register.dataSubjects.map((subject) => (
            <li key={subject}>{subject}</li>
          ))}
        </ul>
        {register.dataCategories.map((category) => (
          <div key={category.table}>
            <h3>
              {category.description} (<code>{category.table}</code>, {category.rows} rows)
            </h3>
            <p>Columns: {category.columns.map((c) => `${c.column} (${c.holds})`).join('; ')}.</p>
            {category.propertyNames && <p>Property names seen: {names(category.propertyNames)}.</p>}
            {category.contextNames && <p>Context names seen: {names(category.contextNames)}.</p>}
            <p>
              <strong>Retention:</strong> {category.retention}
            </p>
          </div>
        ))}
      </section>
      <section class="card" aria-labelledby="register-retention">
        <h2 id="register-retention">Retention</h2>
        <dl class="register-contact">
          <dt>Events</dt>
          <dd>{retention.eventsMonths} months</dd>
          <dt>Consent proof</dt>
          <dd>{retention.ledgerProofYears} years after the consent ended</dd>
          <dt>Withdrawal erases</dt>
          <dd>{retention.withdrawalErases ? 'yes' : 'no'}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="register-recipients">
        <h2 id="register-recipients">Recipients and transfers</h2>
        {register.recipients.length === 0 && <p>No recipient listed.</p>}
        <ul>
          {register.recipients.map((r, i) => (
            <li key={i}>
              {r.name}: {r.purpose || '—'} ({r.country || 'country not given'}
              {register.transfers.some((t) => t.name === r.name && t.country === r.country)
                ? `; transfer outside the EEA, ${r.safeguard || 'no safeguard given'}`
                : ''}
              )
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="register-security">
        <h2 id="register-security">Security measures</h2>
        <ul>
          {register.securityMeasures.map((m) => (
            <li key={m.measure}>
              <strong>{m.measure}</strong>: {m.detail}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
