import { createHash } from 'node:crypto';
import type { ErasureReceipt, PersonExport, PrivacyRequest, PrivacySubjectRef, Store } from '@parcours/store';

/** The version of the request export document (see the API README); bumped on any incompatible change. */
export const REQUEST_EXPORT_SCHEMA_VERSION = 1;

/** Every id the requester gave, as subject refs: the user id first (it covers their linked devices). */
export function getRequestSubjects(request: PrivacyRequest): PrivacySubjectRef[] {
  return [
    ...(request.userId !== null ? [{ userId: request.userId }] : []),
    ...request.anonymousIds.map((anonymousId) => ({ anonymousId })),
  ];
}

/** What `exportRequestData` hands back: the exact text downloaded, and its digest. */
export interface RequestExportFile {
  filename: string;
  /** The document, serialised once: the bytes hashed are the bytes downloaded. */
  json: string;
  sha256: string;
  bytes: number;
  exportedAt: number;
  /** Rows per table, over every person found. */
  rows: Record<string, number>;
}

/**
 * The access/portability answer: one JSON document with the export of every person
 * the request's ids lead to (`privacy.exportPerson`'s document each, deduplicated: a
 * device linked to the user id is the same person), `persons` empty when none.
 */
export async function exportRequestData(
  store: Store,
  projectId: string,
  request: PrivacyRequest,
): Promise<RequestExportFile> {
  const persons = new Map<string, PersonExport>();
  for (const ref of getRequestSubjects(request)) {
    const exported = await store.exportPerson(projectId, ref);
    if (exported !== undefined && !persons.has(exported.person.id)) persons.set(exported.person.id, exported);
  }
  const exportedAt = Date.now();
  const document = {
    schemaVersion: REQUEST_EXPORT_SCHEMA_VERSION,
    requestId: request.requestId,
    projectId,
    exportedAt,
    persons: [...persons.values()],
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const rows: Record<string, number> = {};
  for (const person of persons.values()) {
    for (const [table, list] of Object.entries(person.tables)) rows[table] = (rows[table] ?? 0) + list.length;
  }
  return {
    filename: `parcours-export-${request.requestId}.json`,
    json,
    sha256: createHash('sha256').update(json).digest('hex'),
    bytes: Buffer.byteLength(json),
    exportedAt,
    rows,
  };
}

/**
 * The erasure answer: `erasePerson` for each id the requester gave, under the request's
 * id; one receipt with the rows removed per table summed (a later id already erased
 * with the user counts zero). The request itself is pseudonymised on the way.
 */
export async function eraseRequestSubjects(
  store: Store,
  projectId: string,
  request: PrivacyRequest,
): Promise<ErasureReceipt> {
  const tables: Record<string, number> = {};
  let erasedAt = Date.now();
  for (const ref of getRequestSubjects(request)) {
    const receipt = await store.erasePerson(projectId, ref, { requestId: request.requestId });
    for (const [table, count] of Object.entries(receipt.tables)) tables[table] = (tables[table] ?? 0) + count;
    erasedAt = receipt.erasedAt;
  }
  return { requestId: request.requestId, erasedAt, tables };
}
