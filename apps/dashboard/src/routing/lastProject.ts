const STORAGE_KEY = 'parcours.lastProject';

/**
 * The project the user opened last in this browser, to open again from `#/`. Only an
 * id: what the user may see is always asked of the server. Storage may be off
 * (private windows, policies); then there is no memory, and no error.
 */
export function readLastProject(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the project on screen for {@link readLastProject}. */
export function writeLastProject(projectId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, projectId);
  } catch {
    // Nothing to remember with.
  }
}
