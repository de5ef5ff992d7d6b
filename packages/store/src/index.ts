export type {
  CreatedProject,
  EventStore,
  IdentitySettings,
  InsertEventsOptions,
  JourneyStore,
  Person,
  PersonRef,
  PersonTimeline,
  Project,
  ProjectStore,
  Store,
  StoredEvent,
  TimelineOptions,
} from './Store.js';
export type { StoreEngine, StoreEngineRules, StoreOnlyMethod } from './StoreEngine.js';
export { createStore } from './createStore.js';
export {
  CONVERSION_STAGE,
  DEFAULT_TIMELINE_LIMIT,
  createDefaultJourneyMap,
  getConversionTouchpoints,
} from './journeyDefaults.js';
export { decodePageCursor, encodePageCursor, parseSeqPosition } from './pageCursor.js';
export { DEFAULT_COLLECTION_SETTINGS, type CollectionSettings } from './CollectionSettings.js';
export { parsePersonId, toDevicePersonId, toUserPersonId } from './personId.js';
export { openSqliteStore, openSqliteStoreEngine, type SqliteStoreOptions } from './sqlite/openSqliteStore.js';
export type { JourneyEngineOptions } from './sqlite/createJourneyEngine.js';
export { JourneyEngineBusyError, QueryBudgetError } from './engine/journeyErrors.js';
export {
  MAX_QUERY_PROPERTIES,
  checkFunnelQuery,
  getQueryProperties,
  MAX_FUNNEL_STEPS,
} from './engine/compileFunnel.js';
export { getWeekIndex, toFunnelWeeks } from './engine/funnelWeeks.js';
export { TIME_TO_CONVERT_BOUNDS, toTimeToConvertBuckets } from './engine/timeToConvert.js';
export { createFunnelSettings } from './engine/funnelSettings.js';
export type * from './engine/types.js';
export type { PersonPredicate } from './engine/PersonPredicate.js';
export type { Segment, SegmentFields, SegmentStore } from './segments/types.js';
export {
  JOURNEY_MAP_TEMPLATES,
  JourneyMapConflictError,
  MAIN_JOURNEY_MAP_ID,
  MAIN_JOURNEY_MAP_NAME,
  type JourneyMapEngine,
  type JourneyMapSave,
  type JourneyMapStore,
  type JourneyMapTemplate,
  type NewJourneyMap,
  type SavedJourneyMap,
} from './journeyMaps/types.js';
export { JOURNEY_MAP_TEMPLATE_STAGES } from './journeyMaps/templates.js';
export type { SegmentedQuery } from './segments/SegmentedQuery.js';
export { MAX_PATH_DEPTH } from './engine/getPaths.js';
export { checkPathsQuery } from './engine/forEachPersonPath.js';
export { checkPathPosition } from './engine/getPathPersons.js';
export { MAX_BREAKDOWN_VALUES } from './engine/getFunnel.js';
export {
  DRIVER_KINDS,
  MAX_FUNNEL_DRIVERS,
  checkFunnelDriversQuery,
  computeLift,
} from './engine/rankFunnelDrivers.js';
export { MAX_OVERVIEW_DAYS } from './engine/getOverview.js';
export { compareCredits } from './engine/ConversionAttribution.js';
export { summariseDesignedOrder } from './engine/designedOrder.js';
export {
  ATTRIBUTION_MODELS,
  CSAT_SATISFIED_MARK,
  DEFAULT_STAGE_NAMES,
  FUNNEL_ORDERS,
} from './engine/types.js';
export type * from './engine/retentionTypes.js';
export type * from './engine/frictionTypes.js';
export { FRICTION_EXAMPLES, FRICTION_LIMIT, REPEAT_CONTACT_WINDOW_MS } from './engine/frictionTypes.js';
export { rankFriction } from './engine/FrictionTally.js';
export { MAX_RETENTION_WEEKS, getCohortWeeks, getWeekNumber } from './engine/cohortWeeks.js';
export { buildRetentionResult, type RetentionCounts } from './engine/buildRetentionResult.js';
export { PERSON_SORTS } from './engine/personTypes.js';
export { decodePersonsCursor, encodePersonsCursor, readPersonsCursor } from './engine/personsCursor.js';
export { mergeTraits } from './engine/mergeTraits.js';
export type * from './engine/personTypes.js';
export { findPainPoints } from './engine/getStages.js';
export { orderChannelFeedback } from './engine/orderChannelFeedback.js';
export { summariseCsat } from './engine/summariseCsat.js';
export * from './accounts/types.js';
export * from './insights/types.js';
export { checkDashboardTiles } from './insights/checkDashboardTiles.js';
export type * from './webhooks/types.js';
export { DEFAULT_REPORT_BRAND, type ReportBrand, type ReportStore } from './reports/types.js';
export {
  REPORT_FREQUENCIES,
  type ReportFrequency,
  type ReportSchedule,
  type ReportScheduleStore,
} from './reports/schedules.js';
export { StoreOpenError, STORE_OPEN_ERROR_KINDS, type StoreOpenErrorKind } from './sqlite/StoreOpenError.js';
export {
  StorageFault,
  STORAGE_FAULT_KINDS,
  toStorageFault,
  type StorageFaultKind,
} from './sqlite/StorageFault.js';
export { InvalidCursorError } from './InvalidCursorError.js';
export { decodeDropoffCursor, encodeDropoffCursor } from './engine/dropoffCursor.js';
export type {
  ConsentConfigVersionSummary,
  ConsentLogFilter,
  ConsentPolicy,
  ConsentPublisher,
  ConsentRates,
  ConsentRequestFacts,
  ConsentStats,
  LatestConsent,
  LedgerEntry,
  LedgerVerification,
} from './consent/types.js';
export { createDefaultConsentConfig } from './consent/defaultConsentConfig.js';
export {
  PERSON_EXPORT_SCHEMA_VERSION,
  type ErasureReceipt,
  type ExportedRow,
  type PersonExport,
  type PrivacyStore,
  type PrivacySubjectRef,
} from './privacy/types.js';
export { PERSON_TABLES, EXCLUDED_TABLES, type PersonTable } from './sqlite/privacy/personTables.js';
export { findConsentEnds, type ConsentRecordAge } from './retention/findConsentEnds.js';
export { subtractCalendarMonths } from './retention/subtractCalendarMonths.js';
export {
  CONSENT_LIFETIME_MONTHS,
  DEFAULT_RETENTION,
  RETENTION_LIMITS,
  type PurgeReceipt,
  type RetentionSettings,
  type RetentionStore,
} from './retention/types.js';
export {
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
  VERIFICATION_STATES,
  type NewPrivacyRequest,
  type PrivacyRequest,
  type PrivacyRequestChange,
  type PrivacyRequestKind,
  type PrivacyRequestOutcome,
  type PrivacyRequestStatus,
  type PrivacyRequestStore,
  type VerificationState,
} from './privacy/requestTypes.js';
export {
  addCalendarMonths,
  formatCalendarDay,
  isCalendarDay,
  type CalendarDay,
} from './privacy/addCalendarMonths.js';
export {
  DUE_SOON_DAYS,
  getDueState,
  getRequestDueDates,
  type DueState,
} from './privacy/getRequestDueDates.js';
export {
  MAX_REGISTER_PROPERTY_NAMES,
  type PersonTableFacts,
  type RegisterContact,
  type RegisterContacts,
  type RegisterRecipient,
  type RegisterStore,
  type StoredDataFacts,
  type StoredRegisterContacts,
} from './privacy/register.js';
export { createKey, hashSecretKey, hashToken } from './createKey.js';
export { sha256Hex, toCanonicalJson } from './consent/canonicalJson.js';
export { NotAvailableOnEngineError } from './NotAvailableOnEngineError.js';
export { summariseConsentDecisions, type ConsentDecisionFacts } from './consent/summariseConsentDecisions.js';
export {
  GENESIS_HASH,
  computeRecordHash,
  computeSubjectDigest,
  inferConsentAction,
  stripQuery,
  type LedgerContent,
} from './consent/ledgerHash.js';
export { checkLedgerRow, toLedgerContent, type LedgerRow } from './consent/checkLedgerRow.js';
export {
  DEFAULT_TIME_ZONE,
  ZoneCalendar,
  formatDay,
  getWeekOfDay,
  getZoneCalendar,
  isTimeZone,
  parseDay,
} from './time/ZoneCalendar.js';
