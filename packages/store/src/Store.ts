import type { AccountStore } from './accounts/types.js';
import type { ConsentStore } from './consent/types.js';
import type { InsightStore } from './insights/types.js';
import type { EventStore } from './EventStore.js';
import type { JourneyStore } from './JourneyStore.js';
import type { JourneyMapStore } from './journeyMaps/types.js';
import type { PrivacyRequestStore } from './privacy/requestTypes.js';
import type { PrivacyStore } from './privacy/types.js';
import type { ProjectStore } from './ProjectStore.js';
import type { RegisterStore } from './privacy/register.js';
import type { RetentionStore } from './retention/types.js';
import type { SegmentStore } from './segments/types.js';
import type { WebhookStore } from './webhooks/types.js';
import type { ReportStore } from './reports/types.js';
import type { ReportScheduleStore } from './reports/schedules.js';

export type { CreatedProject, Project, ProjectStore } from './ProjectStore.js';
export type {
  EventStore,
  IdentitySettings,
  InsertEventsOptions,
  Person,
  PersonRef,
  PersonTimeline,
  StoredEvent,
  TimelineOptions,
} from './EventStore.js';
export type { JourneyStore } from './JourneyStore.js';

/**
 * Everything Parcours keeps, behind one interface, the union of one interface per
 * concern: projects and keys (`ProjectStore`), events and identities (`EventStore`),
 * journey queries (`JourneyStore`), accounts, consent and privacy. Every method is
 * async so that a networked engine fits. An engine implements `StoreEngine` and
 * `createStore` makes it a Store, applying the rules no engine should copy; the
 * conformance suite (`Store.conformance.ts`) runs against every engine.
 */
export interface Store
  extends
    ProjectStore,
    EventStore,
    JourneyStore,
    JourneyMapStore,
    AccountStore,
    ConsentStore,
    PrivacyStore,
    RetentionStore,
    PrivacyRequestStore,
    RegisterStore,
    SegmentStore,
    InsightStore,
    WebhookStore,
    ReportStore,
    ReportScheduleStore {
  close(): Promise<void>;
}
