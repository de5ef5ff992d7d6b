import type { AuditActor, KeyScope, Project, Role, Store, User } from '@parcours/store';
import type { SignInThrottle } from './auth/SignInThrottle.js';
import type { LiveFeed } from './live/LiveFeed.js';
import type { StorageIncidentLog } from './storage/StorageIncidentLog.js';
import type { TokenBuckets } from './rateLimit/TokenBuckets.js';

/** What the server knows of the HTTP request behind a call. */
export interface RequestFacts {
  /** The client's address (the first `X-Forwarded-For` hop behind `--trust-proxy`). */
  ip: string;
  /** The request's `Origin` header, if any. */
  origin?: string | undefined;
  /** True when the request carried `Sec-GPC: 1` (the browser's Global Privacy Control). */
  gpc?: boolean | undefined;
  /** The dashboard's own origin, e.g. `https://parcours.example.com`: where it was reached. */
  selfOrigin: string;
  /** True when the request came over HTTPS (directly, or per `X-Forwarded-Proto` behind `--trust-proxy`). */
  secure: boolean;
}

/** Sends a mail; given when SMTP settings exist. */
/** A mail to send: plain text, maybe with files attached (a report's PDF). */
export type SendMail = (mail: {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>;
}) => Promise<void>;

/** What lives as long as the server: settings and the sign-in throttle. */
export interface ApiServices {
  /** A session unused for this long ends. Default 7 days. */
  sessionIdleMs: number;
  signInThrottle: SignInThrottle;
  sendMail?: SendMail | undefined;
  /** Logs storage faults once per incident (absent: the 503s are not logged). */
  storageIncidents?: StorageIncidentLog | undefined;
  /** Events per write key (`collect`, `consent`); without it, no limit. */
  writeKeyRateLimit?: TokenBuckets | undefined;
  /** The Content-Security-Policy the server sends (the Art. 30 register lists it); absent: not known. */
  contentSecurityPolicy?: string | undefined;
  /** Tells `live.*` subscriptions that touchpoints landed; absent: they never push. */
  liveFeed?: LiveFeed | undefined;
  /** Told when a webhook delivery was queued, to try it now; absent: the next poll does. */
  onWebhookQueued?: (() => void) | undefined;
  /** Prints a self-contained HTML page to PDF (Chromium); absent: `reports.pdf` answers 501. */
  renderPdf?: ((html: string) => Promise<Uint8Array>) | undefined;
}

/** What every procedure sees. Built per request by the server (or a test). */
export interface Context {
  store: Store;
  /** The request's `Authorization` header, if any. */
  authorization?: string | undefined;
  /** The `parcours_session` cookie's value, if any. */
  sessionToken?: string | undefined;
  request?: RequestFacts | undefined;
  /** Adds a `Set-Cookie` header to the response. */
  setCookie?: ((cookie: string) => void) | undefined;
  /** Sets a response header (`Retry-After`). */
  setHeader?: ((name: string, value: string) => void) | undefined;
  services?: ApiServices | undefined;
}

/** Who is calling a project procedure, and with what rights. */
export interface ProjectCaller {
  actor: AuditActor;
  /** The member's role; null for a secret key. */
  role: Role | null;
  /** The key's scope; null for a signed-in member. */
  scope: KeyScope | null;
  /** The signed-in user, when the call came with a session. */
  user?: User | undefined;
  sessionId?: string | undefined;
}

/** The context of a procedure behind `projectProcedure`: the project and its caller. */
export interface AuthorisedContext extends Context {
  project: Project;
  caller: ProjectCaller;
}
