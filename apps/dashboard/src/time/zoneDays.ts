const DAY = 86_400_000;

/** Formatters by zone: building one costs more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall-clock time at `time`, read as if it were UTC (epoch ms, whole seconds). */
function getWallTime(time: number, timeZone: string): number {
  const field: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(time)) field[part.type] = Number(part.value);
  return Date.UTC(
    field['year']!,
    field['month']! - 1,
    field['day'],
    field['hour'],
    field['minute'],
    field['second'],
  );
}

/** `YYYY-MM-DD`: the date in `timeZone` at `time`. */
export function getZoneDay(time: number, timeZone: string): string {
  return new Date(getWallTime(time, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant local day `day` (`YYYY-MM-DD`) starts at in `timeZone`: its midnight, an
 * hour apart in winter and summer in Paris. The offset is read twice, the second time
 * at the instant found, so a day after a daylight-saving change starts at its own
 * midnight. The server counts days with `ZoneCalendar` of `@parcours/store`, which
 * the dashboard may not import (ARCHITECTURE.md); the browser test holds the two equal.
 */
export function getZoneDayStart(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  const guess = wall - (getWallTime(wall, timeZone) - wall);
  return wall - (getWallTime(guess, timeZone) - Math.floor(guess / 1000) * 1000);
}

/** `YYYY-MM-DD` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both counted (`YYYY-MM-DD`). */
export function countDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY) + 1;
}

/** Whether `text` is a real `YYYY-MM-DD` date. */
export function isDay(text: string | undefined): text is string {
  return (
    text !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00.000Z`)) &&
    addDays(text, 0) === text
  );
}
