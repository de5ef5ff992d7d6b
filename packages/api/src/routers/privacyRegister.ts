import { CONSENT_LIFETIME_MONTHS, type RegisterContacts } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { PASSWORD_HASHING } from '../auth/password.js';
import type { AuthorisedContext } from '../context.js';
import { buildRegister } from '../register/buildRegister.js';
import type { ProcessingRegister } from '../register/ProcessingRegister.js';
import { renderRegisterHtml } from '../register/renderRegisterHtml.js';
import { projectProcedure } from '../trpc.js';

const text = (max: number) => z.string().trim().max(max);
const email = text(320).regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address, or empty');
const contact = z.object({
  name: text(200),
  email,
  phone: text(50),
  address: text(1_000),
});
/** Most recipients a register lists. */
export const MAX_REGISTER_RECIPIENTS = 50;

/** What `privacy.setRegisterContacts` takes: every contact field, whole (an empty string clears one). */
export const registerContactsInput = z.object({
  controller: contact,
  dpo: contact,
  recipients: z
    .array(
      z.object({
        name: text(200).min(1),
        purpose: text(500),
        country: text(100),
        safeguard: text(500),
      }),
    )
    .max(MAX_REGISTER_RECIPIENTS),
});

/** Makes the register from the live sources of the caller's project. */
async function makeRegister(ctx: AuthorisedContext): Promise<ProcessingRegister> {
  const { projectId } = ctx.project;
  const [contacts, consentConfig, facts, retention, ledger] = await Promise.all([
    ctx.store.getRegisterContacts(projectId),
    ctx.store.getConsentConfig(projectId),
    ctx.store.getStoredDataFacts(projectId),
    ctx.store.getRetention(projectId),
    ctx.store.verifyLedger(projectId),
  ]);
  return buildRegister({
    project: ctx.project,
    contacts,
    consentConfig,
    facts,
    retention,
    consentLifetimeMonths: CONSENT_LIFETIME_MONTHS,
    ledger,
    runtime: {
      passwordHashing: PASSWORD_HASHING,
      contentSecurityPolicy: ctx.services?.contentSecurityPolicy,
      requestOverHttps: ctx.request?.secure,
    },
    now: Date.now(),
  });
}

/** Names of the fields that differ between two contact sets (the audit entry's detail). */
function listChanges(before: RegisterContacts, after: RegisterContacts): string[] {
  const changed: string[] = [];
  for (const who of ['controller', 'dpo'] as const) {
    for (const field of ['name', 'email', 'phone', 'address'] as const) {
      if (before[who][field] !== after[who][field]) changed.push(`${who}.${field}`);
    }
  }
  if (JSON.stringify(before.recipients) !== JSON.stringify(after.recipients)) changed.push('recipients');
  return changed;
}

/**
 * The records of processing (Art. 30, issue 9 item 8), merged into `privacyRouter`.
 * Made from the live configuration on every call; every read and change is audited.
 */
export const registerProcedures = {
  /** The register as JSON (`ProcessingRegister`, schema version 1). */
  register: projectProcedure.query(async ({ ctx }) => {
    const register = await makeRegister(ctx);
    await auditProject(ctx, 'privacy.registerExported', { detail: { format: 'json' } });
    return register;
  }),

  /** The register as one printable, self-contained HTML document, with a file name to save it as. */
  registerHtml: projectProcedure.query(async ({ ctx }) => {
    const register = await makeRegister(ctx);
    await auditProject(ctx, 'privacy.registerExported', { detail: { format: 'html' } });
    const day = new Date(register.generatedAt).toISOString().slice(0, 10);
    return { filename: `register-${ctx.project.projectId}-${day}.html`, html: renderRegisterHtml(register) };
  }),

  /** Replaces the controller's and DPO's contacts and the recipients; audited with the fields changed. */
  setRegisterContacts: projectProcedure.input(registerContactsInput).mutation(async ({ ctx, input }) => {
    const { projectId: _, ...contacts } = input;
    const before = await ctx.store.getRegisterContacts(ctx.project.projectId);
    const saved = await ctx.store.setRegisterContacts(ctx.project.projectId, contacts);
    await auditProject(ctx, 'privacy.registerContactsChanged', {
      detail: {
        changed: listChanges(before, saved).join(' ') || 'nothing',
        recipients: saved.recipients.length,
      },
    });
    return saved;
  }),
};
