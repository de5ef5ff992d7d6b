import type { PropertyValue } from '@parcours/schema';
import type { Store } from '@parcours/store';
import type { WebhookPersonRef } from './webhookSources.js';

/** What the sender picked to leave Parcours besides each person id. */
export interface WebhookPick {
  /** Their devices' anonymous ids and/or their user ids. */
  ids: ReadonlyArray<'anonymousIds' | 'userIds'>;
  /** Names of their latest traits (`identify` properties); a person without one has it absent. */
  traits: readonly string[];
}

/** One person of a webhook body: the id, and only what was picked. */
export interface WebhookPerson {
  personId: string;
  anonymousIds?: string[];
  userIds?: string[];
  traits?: Record<string, PropertyValue>;
}

/** The JSON a receiver gets (see docs/webhooks.md). */
export interface WebhookBody {
  projectId: string;
  source: string;
  createdAt: number;
  persons: WebhookPerson[];
}

function pickTraits(traits: Record<string, PropertyValue>, names: readonly string[]) {
  return Object.fromEntries(
    names.filter((name) => Object.hasOwn(traits, name)).map((name) => [name, traits[name]!]),
  );
}

/** Whether the list's row lacks something picked, so the person's profile must be read. */
function needsProfile(ref: WebhookPersonRef, pick: WebhookPick): boolean {
  return pick.traits.length > 0 || pick.ids.some((field) => ref[field] === undefined);
}

async function toWebhookPerson(
  store: Store,
  projectId: string,
  ref: WebhookPersonRef,
  pick: WebhookPick,
): Promise<WebhookPerson> {
  const profile = needsProfile(ref, pick)
    ? await store.getPersonProfile(projectId, { personId: ref.personId })
    : undefined;
  const person: WebhookPerson = { personId: ref.personId };
  for (const field of pick.ids) person[field] = ref[field] ?? profile?.[field] ?? [];
  if (pick.traits.length > 0) person.traits = pickTraits(profile?.traits ?? {}, pick.traits);
  return person;
}

/** The body of a send: the persons of the list with only the picked ids and traits. */
export async function buildWebhookBody(
  store: Store,
  facts: { projectId: string; source: string; persons: readonly WebhookPersonRef[] },
  pick: WebhookPick,
): Promise<WebhookBody> {
  const persons: WebhookPerson[] = [];
  for (const ref of facts.persons) persons.push(await toWebhookPerson(store, facts.projectId, ref, pick));
  return { projectId: facts.projectId, source: facts.source, createdAt: Date.now(), persons };
}
