export * from './types.js';
export * from './consentConfig.js';
export { LIMITS } from './limits.js';
export {
  INPUT_MESSAGES,
  isReservedPropertyName,
  isWellFormed,
  RESERVED_PROPERTY_NAMES,
} from './inputRules.js';
export { parseCollectInput, parseEvent } from './parseEvent.js';
export {
  collectInputSchema,
  consentInputSchema,
  consentRecordSchema,
  eventSchema,
  isOversizedBatch,
  propertiesSchema,
  propertyNameSchema,
  propertyValueSchema,
  refuseReservedNames,
  textSchema,
} from './validators.js';
export { describeValidationIssues, formatPath, getValidationIssues, type ValidationIssue } from './issues.js';
export { bannerTextsSchema, CONSENT_TEXT_LIMITS, consentConfigInputSchema } from './consentConfigSchema.js';
export {
  measureSegment,
  SEGMENT_LIMITS,
  segmentDefinitionSchema,
  segmentFieldsSchema,
  type DidCondition,
  type DidNotCondition,
  type SegmentDefinition,
  type SegmentGroup,
  type SegmentPropertyValue,
  type TraitCondition,
} from './segmentSchema.js';
