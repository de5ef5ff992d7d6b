import type { PublishedConsentConfig } from '@parcours/schema';
import type {
  LedgerVerification,
  Project,
  RetentionSettings,
  StoredDataFacts,
  StoredRegisterContacts,
} from '@parcours/store';
import { describeColumns, TABLE_DESCRIPTIONS } from './describeColumns.js';
import { describeSecurityMeasures, type RuntimeSecurity } from './describeSecurityMeasures.js';
import {
  REGISTER_SCHEMA_VERSION,
  type ProcessingRegister,
  type RegisterPurpose,
} from './ProcessingRegister.js';

/** Everything the register is made from, read live by the caller. */
export interface RegisterSources {
  project: Project;
  contacts: StoredRegisterContacts;
  consentConfig: PublishedConsentConfig;
  facts: StoredDataFacts;
  retention: RetentionSettings;
  /** How long a consent lasts when nothing replaces it (months). */
  consentLifetimeMonths: number;
  ledger: LedgerVerification;
  runtime: RuntimeSecurity;
  now: number;
}

/** ISO 3166 alpha-2 codes of the EEA: a recipient elsewhere is a transfer (Art. 44–49). */
const EEA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

/**
 * The project's records of processing (Art. 30(1)) from live sources: purposes from the
 * published consent config, data categories from the live schema and the names seen,
 * retention from the live settings, security measures from the running configuration.
 * Pure: the same sources make the same register.
 */
export function buildRegister(sources: RegisterSources): ProcessingRegister {
  const { contacts, retention, facts } = sources;
  const { updatedAt, controller, dpo, recipients } = contacts;
  return {
    schemaVersion: REGISTER_SCHEMA_VERSION,
    generatedAt: sources.now,
    project: { projectId: sources.project.projectId, name: sources.project.name },
    // The banner already names the controller: the register says the same until edited.
    controller: { ...controller, name: controller.name || sources.consentConfig.controllerName },
    dpo,
    contactsUpdatedAt: updatedAt,
    consentConfig: {
      policyVersion: sources.consentConfig.policyVersion,
      configHash: sources.consentConfig.configHash,
      privacyPolicyUrl: sources.consentConfig.privacyPolicyUrl,
    },
    purposes: describePurposes(sources.consentConfig),
    dataSubjects: [
      "Visitors of the project's sites and apps, by the random identifier of their device",
      'Users the site identifies, by the user id its backend gives (and their devices)',
    ],
    dataCategories: facts.tables.map((table) => ({
      table: table.table,
      description: TABLE_DESCRIPTIONS[table.table] ?? table.table,
      columns: describeColumns(table.columns),
      ...(table.table === 'events' && {
        propertyNames: facts.propertyNames,
        contextNames: facts.contextNames,
      }),
      rows: table.rows,
      retention: describeRetention(table.table, sources),
    })),
    namesTruncated: facts.namesTruncated,
    recipients,
    transfers: recipients.filter(({ country }) => country !== '' && !EEA.has(country.trim().toUpperCase())),
    retention: { ...retention, consentLifetimeMonths: sources.consentLifetimeMonths },
    securityMeasures: describeSecurityMeasures(facts, sources.ledger, sources.runtime),
  };
}

/** One purpose per category the banner offers, its texts in every language; then the proof. */
function describePurposes(config: PublishedConsentConfig): RegisterPurpose[] {
  const languages = Object.keys(config.texts) as Array<keyof typeof config.texts>;
  const purposes: RegisterPurpose[] = config.categories.map((category) => ({
    category,
    label: Object.fromEntries(languages.map((l) => [l, config.texts[l].categories[category].label])),
    description: Object.fromEntries(
      languages.map((l) => [l, config.texts[l].categories[category].description]),
    ),
    legalBasis: 'Consent (Art. 6(1)(a)), given through the banner and recorded in the consent ledger',
  }));
  purposes.push({
    category: 'necessary',
    label: { en: 'Proof of consent', fr: 'Preuve du consentement' },
    description: {
      en: 'Keeping each consent decision to demonstrate it (Art. 7(1))',
      fr: 'Conserver chaque choix pour pouvoir le démontrer (art. 7(1))',
    },
    legalBasis: 'Legal obligation (Art. 6(1)(c) with Art. 7(1))',
  });
  return purposes;
}

/** A person table's retention in words, from the live settings. */
function describeRetention(table: string, { retention, consentLifetimeMonths }: RegisterSources): string {
  const withdrawal = retention.withdrawalErases
    ? '; a consent withdrawal erases the device’s rows at once'
    : '; a consent withdrawal stops collection but keeps past rows';
  switch (table) {
    case 'events':
      return `Deleted ${retention.eventsMonths} calendar months after the touchpoint's time (daily purge)${withdrawal}`;
    case 'identity_links':
      return `Deleted once the device has no event left (so at most ${retention.eventsMonths} months after its last one)${withdrawal}`;
    case 'consent_records':
      return `Kept ${retention.ledgerProofYears} years after the consent ended (a consent lasts ${consentLifetimeMonths} months unless replaced or withdrawn), then purged; erasure pseudonymises them`;
    default:
      return 'Until erased on request (not covered by the retention settings)';
  }
}
