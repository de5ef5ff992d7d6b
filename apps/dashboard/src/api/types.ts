import type { AppRouter } from '@parcours/api';
import type { inferRouterClient } from '@trpc/client';

/**
 * The shapes the dashboard reads, derived from the API router's type so a change on
 * the server is a compile error here, never a silent `undefined` on screen.
 */
type Client = inferRouterClient<AppRouter>;

/** What `auth.me` and `auth.signIn` answer: the signed-in user and their projects. */
export type Me = Awaited<ReturnType<Client['auth']['me']['query']>>;

/** A project the user belongs to, and their role in it: what every page gets. */
export type Project = Me['projects'][number];

/** A member's role in a project: `owner`, `analyst`, `privacy` or `viewer`. */
export type Role = Project['role'];

/** What `admin.project` answers: the project's name and write key. */
export type ProjectSettings = Awaited<ReturnType<Client['admin']['project']['query']>>;

/** What `auth.invitation` answers: a live invitation (or the instance's set-up link). */
export type Invitation = Awaited<ReturnType<Client['auth']['invitation']['query']>>;

/** What `members.list` answers: members and pending invitations. */
export type MemberList = Awaited<ReturnType<Client['members']['list']['query']>>;

/** One secret key as `keys.list` shows it: never the key itself. */
export type SecretKeyInfo = Awaited<ReturnType<Client['keys']['list']['query']>>[number];

/** What a secret key may do: `read`, `privacy`, `admin` or `ingest`. */
export type KeyScope = SecretKeyInfo['scope'];

/** One share link as `shares.list` shows it. */
export type ShareLinkInfo = Awaited<ReturnType<Client['shares']['list']['query']>>[number];

/** The views a share link can open: `overview`, `funnel`, `paths`, `journeyMap`. */
export type ShareView = ShareLinkInfo['view'];

/** What `share.get` answers: a shared view's figures, read without an account. */
export type SharedView = Awaited<ReturnType<Client['share']['get']['query']>>;

/** What `audit.list` takes: the project, a page size and cursor, and the filters. */
export type AuditListInput = Parameters<Client['audit']['list']['query']>[0];

/** One page of the audit log, newest first. */
export type AuditPage = Awaited<ReturnType<Client['audit']['list']['query']>>;

/** One entry of the audit log: who did what to what, when and from where. */
export type AuditEntry = AuditPage['entries'][number];

/** What `journeys.person` answers: a person, their touchpoints in time order, and a cut flag. */
export type PersonTimeline = Awaited<ReturnType<Client['journeys']['person']['query']>>;

/** One touchpoint of a timeline (an `Event` of the wire contract). */
export type Touchpoint = PersonTimeline['events'][number];

/** A flat property value: the contract never nests properties. */
export type PropertyValue = NonNullable<Touchpoint['properties']>[string];

type Journeys = Client['journeys'];

/** What `journeys.overview` answers: per day, per channel and in total over a range. */
export type Overview = Awaited<ReturnType<Journeys['overview']['query']>>;

/** What `journeys.retention` answers: weekly cohorts, their returns, and the curve. */
export type CohortRetention = Awaited<ReturnType<Journeys['retention']['query']>>;

/** What `journeys.friction` answers: loops, repeated contacts and long waits, with persons. */
export type Friction = Awaited<ReturnType<Journeys['friction']['query']>>;

/** What `journeys.funnel` takes: steps, window, range and breakdown (and the project). */
export type FunnelInput = Parameters<Journeys['funnel']['query']>[0];

/** What `journeys.funnel` answers: one result per step, and per breakdown value. */
export type Funnel = Awaited<ReturnType<Journeys['funnel']['query']>>;

/** One step's numbers: persons, conversion from step 1, drop-off, median time. */
export type FunnelStepResult = Funnel['steps'][number];

/** One page of `journeys.funnelDropoffs`: persons who did not reach a step. */
export type FunnelDropoffs = Awaited<ReturnType<Journeys['funnelDropoffs']['query']>>;

/** What `journeys.funnelDrivers` answers: who reached a step, who went on, and what went with it. */
export type FunnelDrivers = Awaited<ReturnType<Journeys['funnelDrivers']['query']>>;

/** One driver: a touchpoint, channel or property value, its persons, conversion and lift. */
export type FunnelDriver = FunnelDrivers['drivers'][number];

/** What `journeys.paths` answers: the top paths, the links between positions, and the exits to "left". */
export type Paths = Awaited<ReturnType<Journeys['paths']['query']>>;

/** What `journeys.pathPersons` takes: a paths question and a node, link or exit of its answer. */
export type PathPersonsInput = Parameters<Journeys['pathPersons']['query']>[0];

/** What `journeys.stages` answers: the journey map with its numbers and pain points. */
export type Stages = Awaited<ReturnType<Journeys['stages']['query']>>;

/** One stage of the journey map, as `journeys.journeyMap` answers and `setJourneyMap` takes. */
export type JourneyStage = Awaited<ReturnType<Journeys['journeyMap']['query']>>[number];

/** A named journey map with its version, as `journeys.map` answers and `journeys.saveMap` saves. */
export type SavedJourneyMap = Awaited<ReturnType<Journeys['map']['query']>>;

/** What `journeys.persons` takes: search, filters, order, page (and the project). */
export type PersonsInput = Parameters<Journeys['persons']['query']>[0];

/** One page of `journeys.persons`: persons with their summary, the total and the next cursor. */
export type PersonsPage = Awaited<ReturnType<Journeys['persons']['query']>>;

/** What `journeys.personProfile` answers: a person's summary and their latest traits. */
export type PersonProfile = Awaited<ReturnType<Journeys['personProfile']['query']>>;

type TouchpointsSubscription = NonNullable<Parameters<Client['live']['touchpoints']['subscribe']>[1]>;

/** What `live.touchpoints` pushes: the project's last 100 touchpoints, newest first. */
export type LiveTouchpoints = Parameters<NonNullable<TouchpointsSubscription['onData']>>[0];

/** A saved segment as `segments.list` answers it. */
export type Segment = Awaited<ReturnType<Client['segments']['list']['query']>>[number];

/** Who a segment holds: a condition, or an and/or group of them. */
export type SegmentDefinition = Segment['definition'];
/** One saved insight (`insights.list`): a page and its URL state, named. */
export type Insight = Awaited<ReturnType<Client['insights']['list']['query']>>[number];

/** The pages an insight can be saved from. */
export type InsightView = Insight['view'];

/** A dashboard with its tiles' insights, in order (`dashboards.get`, `dashboards.home`). */
export type DashboardWithTiles = Awaited<ReturnType<Client['dashboards']['get']['query']>>;

/** One annotation of a project: a day or range, a text, maybe a touchpoint. */
export type Annotation = Awaited<ReturnType<Client['annotations']['list']['query']>>[number];

/** What `annotations.compare` answers: the touchpoint's figures before and after. */
export type AnnotationComparison = Awaited<ReturnType<Client['annotations']['compare']['query']>>;
