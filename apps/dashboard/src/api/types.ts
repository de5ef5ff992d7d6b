import type { AppRouter } from '@parcours/api';
import type { inferRouterClient } from '@trpc/client';

/**
 * The shapes the dashboard reads, derived from the API router's type so a change on
 * the server is a compile error here, never a silent `undefined` on screen.
 */
type Client = inferRouterClient<AppRouter>;

/** What `admin.project` answers: the project the secret key opens. */
export type Project = Awaited<ReturnType<Client['admin']['project']['query']>>;

/** What `journeys.person` answers: a person, their touchpoints in time order, and a cut flag. */
export type PersonTimeline = Awaited<ReturnType<Client['journeys']['person']['query']>>;

/** One touchpoint of a timeline (an `Event` of the wire contract). */
export type Touchpoint = PersonTimeline['events'][number];

/** A flat property value: the contract never nests properties. */
export type PropertyValue = NonNullable<Touchpoint['properties']>[string];
