/** Persons a page when a whole list is read (the most `journeys.*` pages allow). */
const PAGE_SIZE = 200;

/** What a cursor-paged list takes for one page. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * Reads a cursor-paged person list (drop-offs, persons) page after page until it ends
 * or `max` persons are read: for an export or a webhook, which take the whole list.
 */
export async function readPersonPages<T>(
  getPage: (page: PageRequest) => Promise<{ persons: T[]; nextCursor: string | null }>,
  max: number,
): Promise<T[]> {
  const persons: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await getPage({ limit: PAGE_SIZE, ...(cursor !== undefined && { cursor }) });
    persons.push(...page.persons);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && persons.length < max);
  return persons.slice(0, max);
}
