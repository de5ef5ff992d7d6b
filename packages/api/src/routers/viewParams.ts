import { z } from 'zod';

/**
 * A page's URL state (its hash parameters), as share links and saved insights keep
 * it: at most 30 parameters, each name and value capped.
 */
export const viewParamsInput = z
  .record(z.string().max(64), z.string().max(2_000))
  .refine((p) => Object.keys(p).length <= 30, {
    message: 'at most 30 params',
  });
