import type { RegisterContact, RegisterRecipient } from '@parcours/store';

/** The version of the register document's schema; bumped on any incompatible change. */
export const REGISTER_SCHEMA_VERSION = 1;

/** A purpose of the processing (Art. 30(1)(b)), one per consent category and one for the proof. */
export interface RegisterPurpose {
  /** A consent category of the published config, or `necessary` (the consent proof). */
  category: string;
  /** The category's label and description as the banner shows them, per language. */
  label: Record<string, string>;
  description: Record<string, string>;
  legalBasis: string;
}

/** One category of personal data (Art. 30(1)(c)), as stored in one table of the live schema. */
export interface RegisterDataCategory {
  table: string;
  description: string;
  /** The table's columns in the live database, each with what it holds. */
  columns: Array<{ column: string; holds: string }>;
  /** For events: the property and context names seen in the project's events. */
  propertyNames?: string[];
  contextNames?: string[];
  /** Rows the project holds in it when the register was made. */
  rows: number;
  /** How long its rows are kept, in words, from the live retention settings. */
  retention: string;
}

/** A security measure in place (Art. 30(1)(g), Art. 32), and where the register read it. */
export interface RegisterSecurityMeasure {
  measure: string;
  detail: string;
  /** `live`: read from the running server or database; `code`: how this release always works. */
  source: 'live' | 'code';
}

/**
 * The records of processing of one project (GDPR Art. 30(1)), made from the live
 * configuration each time it is asked for: nothing here is stored except the contacts
 * and recipients the privacy officer edits.
 */
export interface ProcessingRegister {
  schemaVersion: typeof REGISTER_SCHEMA_VERSION;
  /** Epoch ms. */
  generatedAt: number;
  project: { projectId: string; name: string };
  controller: RegisterContact;
  dpo: RegisterContact;
  /** When the contacts were last changed (epoch ms), null: never. */
  contactsUpdatedAt: number | null;
  /** The published consent config the purposes come from. */
  consentConfig: { policyVersion: number; configHash: string; privacyPolicyUrl: string };
  purposes: RegisterPurpose[];
  dataSubjects: string[];
  dataCategories: RegisterDataCategory[];
  /** True when the property or context names were cut at the cap. */
  namesTruncated: boolean;
  recipients: RegisterRecipient[];
  /** The recipients outside the EEA (Art. 30(1)(e)), with their safeguard. */
  transfers: RegisterRecipient[];
  retention: {
    eventsMonths: number;
    ledgerProofYears: number;
    withdrawalErases: boolean;
    consentLifetimeMonths: number;
  };
  securityMeasures: RegisterSecurityMeasure[];
}
