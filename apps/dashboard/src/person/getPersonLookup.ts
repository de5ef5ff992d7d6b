import { createProjectHash } from '../routing/resolveRoute.js';

/** The ids a person can be looked up by, with the words the form uses for each. */
export const PERSON_ID_KINDS = {
  userId: 'User id',
  anonymousId: 'Anonymous id',
  personId: 'Person id',
} as const;
export type PersonIdKind = keyof typeof PERSON_ID_KINDS;

/** Which person to show: one id and its kind, as `journeys.person` takes it. */
export interface PersonLookup {
  kind: PersonIdKind;
  value: string;
}

/** The page path of a person's journey. */
export const PERSON_PATH = 'person';

const KINDS = Object.keys(PERSON_ID_KINDS) as PersonIdKind[];

/**
 * The person a page's parameters name (`?userId=…`, `?anonymousId=…` or `?personId=…`),
 * or `undefined` when none does. Should a URL carry several, the first kind in
 * {@link PERSON_ID_KINDS} wins, because the API takes exactly one.
 */
export function getPersonLookup(params: Record<string, string>): PersonLookup | undefined {
  for (const kind of KINDS) {
    const value = params[kind]?.trim();
    if (value) return { kind, value };
  }
  return undefined;
}

/** The link to a person's journey in a project, e.g. `#/p/prj_1/person?anonymousId=a_1`. */
export function createPersonHash(projectId: string, lookup: PersonLookup): string {
  return createProjectHash(projectId, PERSON_PATH, { [lookup.kind]: lookup.value });
}

/** `user id "u_42"`: how a lookup reads in a sentence. */
export function describePersonLookup(lookup: PersonLookup): string {
  return `${PERSON_ID_KINDS[lookup.kind].toLowerCase()} “${lookup.value}”`;
}
