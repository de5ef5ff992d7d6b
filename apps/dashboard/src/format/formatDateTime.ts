/**
 * Dates and times in the viewer's own locale and time zone, as `Intl` gives them.
 * Tests pass `locale` and `timeZone` to pin the output; the app leaves them unset.
 */
export interface DateTimeOptions {
  /** BCP 47 locale. Default: the browser's. */
  locale?: string | undefined;
  /** IANA time zone. Default: the browser's. */
  timeZone?: string | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one; a timeline formats thousands.
function getFormatter(style: string, options: DateTimeOptions, format: Intl.DateTimeFormatOptions) {
  const cacheKey = `${style}|${options.locale ?? ''}|${options.timeZone ?? ''}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(options.locale, { ...format, timeZone: options.timeZone });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** The time of day with seconds, e.g. `14:03:07` (or `2:03:07 PM` in en-US). */
export function formatTime(timestamp: number, options: DateTimeOptions = {}): string {
  return getFormatter('time', options, { timeStyle: 'medium' }).format(timestamp);
}

/** A day heading, e.g. `Monday 3 November 2025`. */
export function formatDay(timestamp: number, options: DateTimeOptions = {}): string {
  return getFormatter('day', options, { dateStyle: 'full' }).format(timestamp);
}

/** A short date and time for summaries, e.g. `3 Nov 2025, 14:03`. */
export function formatDateTime(timestamp: number, options: DateTimeOptions = {}): string {
  return getFormatter('dateTime', options, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

/** The calendar day of `timestamp` in the time zone, `YYYY-MM-DD`: a key to group by. */
export function getDayKey(timestamp: number, options: DateTimeOptions = {}): string {
  // en-CA formats dates as ISO 8601 (YYYY-MM-DD) whatever the viewer's locale.
  return getFormatter(
    'dayKey',
    { timeZone: options.timeZone, locale: 'en-CA' },
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    },
  ).format(timestamp);
}
