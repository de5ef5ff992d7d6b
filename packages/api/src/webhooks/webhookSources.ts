import type { SegmentDefinition } from '@parcours/schema';
import type { FrictionResult, Store } from '@parcours/store';
import { z } from 'zod';
import { readPersonPages } from '../paging/readPersonPages.js';
import { dropoffInput, frictionInput, funnelInput, personsInput } from '../routers/journeyInputs.js';

/** Persons one send carries at most: a campaign list, not a database export. */
export const MAX_WEBHOOK_PERSONS = 1_000;

/** A person as a source lists them: the id, and their devices and user ids when the list has them. */
export interface WebhookPersonRef {
  personId: string;
  anonymousIds?: string[];
  userIds?: string[];
}

/** A query whose segment, if any, is resolved to its definition (`resolveSegment`). */
type Resolved<Query> = Omit<Query, 'segment'> & { segment?: SegmentDefinition };

/**
 * A list that can be sent: its query, as the `journeys.*` procedure it comes from takes
 * it, and its persons, read with that query once its segment is resolved.
 */
export interface WebhookSource<Query> {
  query: z.ZodType<Query>;
  getPersons(store: Store, projectId: string, query: Resolved<Query>): Promise<WebhookPersonRef[]>;
}

const dropoffQuery = z.intersection(funnelInput, dropoffInput.pick({ step: true }));

const personsQuery = personsInput.omit({ limit: true, cursor: true });

const FRICTION_LISTS = ['loops', 'repeatedContacts', 'longWaits'] as const satisfies ReadonlyArray<
  keyof FrictionResult
>;
const frictionQuery = z.intersection(
  frictionInput,
  z.object({
    /** Which list, and which of its items (0-based, as the Friction page ranks them). */
    list: z.enum(FRICTION_LISTS),
    item: z.number().int().min(0).max(99),
  }),
);

/**
 * What can be sent to a webhook, by name. A new list (segments) is one entry: its
 * query schema and how to read its persons.
 */
export const WEBHOOK_SOURCES = {
  /** The persons who reached step `step - 1` of the funnel and not `step` (the drop-off list). */
  funnelDropoffs: {
    query: dropoffQuery,
    getPersons: (store, projectId, query) =>
      readPersonPages(
        (page) => store.getFunnelDropoffs(projectId, { ...query, ...page }),
        MAX_WEBHOOK_PERSONS,
      ),
  } satisfies WebhookSource<z.infer<typeof dropoffQuery>>,
  /** The persons list with its filters. */
  persons: {
    query: personsQuery,
    getPersons: (store, projectId, query) =>
      readPersonPages((page) => store.getPersons(projectId, { ...query, ...page }), MAX_WEBHOOK_PERSONS),
  } satisfies WebhookSource<z.infer<typeof personsQuery>>,
  /** The persons the Friction page shows for one item (up to five, the engine's examples). */
  friction: {
    query: frictionQuery,
    getPersons: async (store, projectId, { list, item, ...query }) => {
      const result = await store.getFriction(projectId, { ...query, limit: Math.max(query.limit, item + 1) });
      return (result[list][item]?.examples ?? []).map((personId) => ({ personId }));
    },
  } satisfies WebhookSource<z.infer<typeof frictionQuery>>,
} as const;

export type WebhookSourceName = keyof typeof WEBHOOK_SOURCES;
