const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A UTC day key of the API (`YYYY-MM-DD`) as a short label, e.g. `3 Nov` (`Nov 3` in
 * en-US). The API counts per UTC day, so the label is read in UTC too: a viewer west
 * of Greenwich must not see each day one day early. Not a day key: returned as is.
 */
export function formatShortDay(day: string, locale?: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(time)) return day;
  const key = locale ?? '';
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(time);
}
