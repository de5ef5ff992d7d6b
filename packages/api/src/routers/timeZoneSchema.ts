import { DEFAULT_TIME_ZONE, isTimeZone } from '@parcours/store';
import { z } from 'zod';

/**
 * A project's time zone: an IANA name Intl knows (`Europe/Paris`, `America/New_York`,
 * `UTC`). Refused with a message naming the value: an offset such as `+01:00` (no
 * daylight saving) or a name no tz database has.
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .superRefine((value, ctx) => {
    if (isTimeZone(value)) return;
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an IANA time zone (such as Europe/Paris or ${DEFAULT_TIME_ZONE})`,
    });
  });
