import type { AppRouter } from '@parcours/api';
import type { inferRouterClient } from '@trpc/client';
import { useTRPCClient } from '../api/trpc.js';

/**
 * The consent procedures of issue 8 (`privacy.consentConfig` … `privacy.consentStats`),
 * as the dashboard calls them.
 *
 * TEMPORARY SHIM (issue 8): the backend builds these procedures on another branch. Until
 * they are in `AppRouter`, {@link PrivacyShim} types them from the shared contract
 * (ISSUE8.md). Once they land, `RealPrivacy` has `consentStats` and the conditional type
 * below picks the router's own types, so a difference from the contract is a compile
 * error in the pages; then delete `PrivacyShim` and the conditional.
 */
type RealPrivacy = inferRouterClient<AppRouter>['privacy'];

/** A consent category the banner may offer. */
export type ConsentCategory = 'analytics' | 'marketing' | 'personalization';
/** A language the banner speaks. */
export type ConsentLanguage = 'fr' | 'en';

interface ShimBannerTexts {
  title: string;
  body: string;
  acceptAll: string;
  refuseAll: string;
  customise: string;
  save: string;
  close: string;
  gpcNotice: string;
  reopen: string;
  categories: Record<ConsentCategory, { label: string; description: string }>;
}
interface ShimConfigInput {
  categories: ConsentCategory[];
  texts: Record<ConsentLanguage, ShimBannerTexts>;
  controllerName: string;
  privacyPolicyUrl: string;
  reaskMonths: number;
  minimumPolicyVersion: number | null;
}
interface ShimPublished extends ShimConfigInput {
  policyVersion: number;
  configHash: string;
  publishedAt: number;
}
interface ShimLedgerEntry {
  seq: number;
  recordId: string;
  timestamp: number;
  receivedAt: number;
  action: string;
  source: string;
  granted: ConsentCategory[];
  denied: ConsentCategory[];
  policyVersion: string;
  configHash: string | null;
  locale: string | null;
  origin: string | null;
  path: string | null;
  gpc: boolean;
  anonymousId: string | null;
  userId: string | null;
  verified: boolean;
}
interface ShimRates {
  decisions: number;
  acceptAll: number;
  refuseAll: number;
  custom: number;
  gpcShare: number;
}
interface ShimLogFilter {
  projectId: string;
  search?: string;
  from?: number;
  to?: number;
  action?: string;
  policyVersion?: string;
}
type Query<Input, Output> = { query: (input: Input) => Promise<Output> };
type ProjectInput = { projectId: string };

interface PrivacyShim {
  consentConfig: Query<ProjectInput, ShimPublished>;
  publishConsentConfig: {
    mutate: (
      input: ProjectInput & ShimConfigInput,
    ) => Promise<{ policyVersion: number; configHash: string; publishedAt: number }>;
  };
  consentConfigVersions: Query<
    ProjectInput,
    Array<{
      policyVersion: number;
      configHash: string;
      publishedAt: number;
      publishedBy: { userId: string; name: string } | { key: string } | null;
    }>
  >;
  consentConfigVersion: Query<ProjectInput & { policyVersion: number }, ShimPublished>;
  verifyLedger: Query<
    ProjectInput,
    { ok: boolean; records: number; firstBroken?: { seq: number; recordId: string; reason: string } }
  >;
  consentLog: Query<
    ShimLogFilter & { limit?: number; cursor?: string },
    { records: ShimLedgerEntry[]; nextCursor: string | null }
  >;
  consentLogCsv: Query<ShimLogFilter, { filename: string; csv: string }>;
  consentStats: Query<
    ProjectInput & { from: number; to: number },
    {
      totals: ShimRates;
      byVersion: Array<{ policyVersion: string | number } & ShimRates>;
      byLanguage: Array<{ language: string } & ShimRates>;
      byDay: Array<{ day: string } & ShimRates>;
    }
  >;
}

/** The `privacy.*` client: the router's own types once they have the consent procedures. */
export type PrivacyClient = RealPrivacy extends { consentStats: unknown }
  ? RealPrivacy
  : RealPrivacy & PrivacyShim;

/** The `privacy` procedures of the tRPC client, called directly (queries keyed with {@link privacyKey}). */
export function usePrivacyClient(): PrivacyClient {
  return useTRPCClient().privacy;
}

/**
 * A react-query key under `['privacy', procedure]`, so publishing can invalidate every
 * version list and config at once.
 */
export function privacyKey(procedure: keyof PrivacyShim, input?: unknown): unknown[] {
  return input === undefined ? ['privacy', procedure] : ['privacy', procedure, input];
}

type Out<P extends keyof PrivacyShim> = PrivacyClient[P] extends { query: (...args: never[]) => infer R }
  ? Awaited<R>
  : PrivacyClient[P] extends { mutate: (...args: never[]) => infer R }
    ? Awaited<R>
    : never;

/** A published, immutable version of the consent settings. */
export type PublishedConsentConfig = Out<'consentConfig'>;
/** What the privacy officer edits and publishes: a published config without its version fields. */
export type ConsentConfigInput = Omit<PublishedConsentConfig, 'policyVersion' | 'configHash' | 'publishedAt'>;
/** The texts of the banner in one language. */
export type BannerTexts = ConsentConfigInput['texts']['fr'];
/** One line of the versions list. */
export type ConsentConfigVersionInfo = Out<'consentConfigVersions'>[number];
/** What `privacy.verifyLedger` answers. */
export type LedgerVerification = Out<'verifyLedger'>;
/** One record of the consent ledger. */
export type LedgerEntry = Out<'consentLog'>['records'][number];
/** What `privacy.consentStats` answers. */
export type ConsentStats = Out<'consentStats'>;
/** Decisions and how they split, in one group of `privacy.consentStats`. */
export type ConsentRates = ConsentStats['totals'];
