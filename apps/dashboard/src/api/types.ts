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

type Journeys = Client['journeys'];

/** What `journeys.overview` answers: per day, per channel and in total over a range. */
export type Overview = Awaited<ReturnType<Journeys['overview']['query']>>;

/** What `journeys.funnel` takes: steps, window, range and breakdown (and the project). */
export type FunnelInput = Parameters<Journeys['funnel']['query']>[0];

/** What `journeys.funnel` answers: one result per step, and per breakdown value. */
export type Funnel = Awaited<ReturnType<Journeys['funnel']['query']>>;

/** One step's numbers: persons, conversion from step 1, drop-off, median time. */
export type FunnelStepResult = Funnel['steps'][number];

/** One page of `journeys.funnelDropoffs`: persons who did not reach a step. */
export type FunnelDropoffs = Awaited<ReturnType<Journeys['funnelDropoffs']['query']>>;

/** What `journeys.paths` answers: the top paths, and the links between positions. */
export type Paths = Awaited<ReturnType<Journeys['paths']['query']>>;

/** What `journeys.stages` answers: the journey map with its numbers and pain points. */
export type Stages = Awaited<ReturnType<Journeys['stages']['query']>>;

/** One stage of the journey map, as `journeys.journeyMap` answers and `setJourneyMap` takes. */
export type JourneyStage = Awaited<ReturnType<Journeys['journeyMap']['query']>>[number];
