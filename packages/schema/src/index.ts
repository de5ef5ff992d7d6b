export * from './types.js';
export { LIMITS } from './limits.js';
export { parseCollectInput, parseEvent } from './parseEvent.js';
export {
  collectInputSchema,
  consentInputSchema,
  consentRecordSchema,
  eventSchema,
  isOversizedBatch,
  propertiesSchema,
} from './validators.js';
export { describeValidationIssues, formatPath, getValidationIssues, type ValidationIssue } from './issues.js';
