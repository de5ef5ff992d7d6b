import type { Project, Store } from '@parcours/store';

/** What every procedure sees. Built per request by the server (or a test). */
export interface Context {
  store: Store;
  /** The request's `Authorization` header, if any. */
  authorization?: string | undefined;
}

/** The context of a procedure behind {@link authorisedProcedure}. */
export interface AuthorisedContext extends Context {
  project: Project;
}
