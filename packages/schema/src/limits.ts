/**
 * Bounds of the wire contract. The collector answers 413 past the batch limits and
 * 400 past the field limits; the SDK sizes its batches from the same numbers.
 */
export const LIMITS = {
  /** Events in one batch. */
  maxBatchEvents: 500,
  /** Bytes of one request body. */
  maxBatchBytes: 512 * 1024,
  maxIdLength: 64,
  maxNameLength: 200,
  maxAnonymousIdLength: 128,
  maxUserIdLength: 256,
  maxWriteKeyLength: 128,
  maxChannelLength: 32,
  /** Keys of `properties` or `context`. */
  maxPropertyKeys: 100,
  maxPropertyKeyLength: 128,
  maxPropertyStringLength: 2048,
  /** 2000-01-01T00:00:00Z: anything earlier is a clock or unit error. */
  minTimestamp: 946_684_800_000,
  /** 2100-01-01T00:00:00Z. */
  maxTimestamp: 4_102_444_800_000,
} as const;
