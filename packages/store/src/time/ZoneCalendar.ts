const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The zone every project had before zones existed, and the default of `parcours project create`. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** An hour of UTC time and the zone's offsets at its first and last millisecond. */
interface HourOffsets {
  before: number;
  after: number;
  /** The first instant at `after` (the hour's start when the offset does not change). */
  changeAt: number;
}

/**
 * Local days and weeks of an IANA time zone, as day numbers since 1970-01-01 (the
 * local calendar date of an instant) and the instants they start at. Offsets come
 * from `Intl.DateTimeFormat`, asked twice per UTC hour seen and cached: no tz database
 * of our own, and a scan over millions of touchpoints calls Intl only a few thousand
 * times. Across a daylight-saving change a day lasts 23 or 25 hours; a day whose
 * midnight is skipped starts when the clocks jump.
 */
export class ZoneCalendar {
  readonly timeZone: string;
  private readonly _parts: Intl.DateTimeFormat;
  private readonly _hours = new Map<number, HourOffsets>();

  /** Throws a RangeError naming the zone when Intl does not know it (see {@link isTimeZone}). */
  constructor(timeZone: string) {
    if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
    this.timeZone = timeZone;
    this._parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds the zone's wall clock is ahead of UTC at `time` (negative west of Greenwich). */
  getOffset(time: number): number {
    if (this.timeZone === DEFAULT_TIME_ZONE) return 0;
    const hour = Math.floor(time / HOUR);
    let offsets = this._hours.get(hour);
    if (offsets === undefined) this._hours.set(hour, (offsets = this._measureHour(hour * HOUR)));
    return time < offsets.changeAt ? offsets.before : offsets.after;
  }

  /** The local calendar day of `time`, numbered from 1970-01-01 (day 0). */
  getDay(time: number): number {
    return Math.floor((time + this.getOffset(time)) / DAY);
  }

  /** The local Monday-to-Sunday week of `time`: 1970-01-01 was a Thursday, so day d is in week ⌊(d + 3) / 7⌋. */
  getWeek(time: number): number {
    return getWeekOfDay(this.getDay(time));
  }

  /** The first instant of local day `day` (usually its midnight). */
  getDayStart(day: number): number {
    const wall = day * DAY;
    // The offset before and after the day's midnight: they differ only when a change is near it.
    const candidates = [wall - this.getOffset(wall - 14 * HOUR), wall - this.getOffset(wall + 14 * HOUR)];
    const starts = (t: number) => this.getDay(t) === day && this.getDay(t - 1) !== day;
    return candidates.find(starts) ?? this._firstInstantOf(day, Math.min(...candidates));
  }

  /** The first instant of week `week` (its Monday's start). */
  getWeekStart(week: number): number {
    return this.getDayStart(week * 7 - 3);
  }

  /** The local days of `[from, to]`: the first and how many (both ends counted). */
  getDaySpan(range: { from: number; to: number }): { firstDay: number; dayCount: number } {
    const firstDay = this.getDay(range.from);
    return { firstDay, dayCount: this.getDay(range.to) - firstDay + 1 };
  }

  /** A midnight skipped by a change that none of the two offsets explains: the change itself. */
  private _firstInstantOf(day: number, near: number): number {
    let t = near;
    while (this.getDay(t) < day) t += MINUTE;
    return t;
  }

  private _measureHour(start: number): HourOffsets {
    const before = this._measure(start);
    const after = this._measure(start + HOUR - 1);
    if (before === after) return { before, after, changeAt: start };
    // Changes fall on whole minutes: bisect the hour to the minute.
    let low = 0;
    let high = 60;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (this._measure(start + middle * MINUTE) === before) low = middle;
      else high = middle;
    }
    return { before, after, changeAt: start + high * MINUTE };
  }

  private _measure(time: number): number {
    const field: Record<string, number> = {};
    for (const part of this._parts.formatToParts(time)) field[part.type] = Number(part.value);
    const wall = Date.UTC(
      field['year']!,
      field['month']! - 1,
      field['day'],
      field['hour'],
      field['minute'],
      field['second'],
    );
    const second = Math.floor(time / 1000) * 1000;
    return wall - second;
  }
}

/** The Monday-to-Sunday week of a day number (see {@link ZoneCalendar.getWeek}). */
export function getWeekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as a day number; undefined for anything else. */
export function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00.000Z`);
  return Number.isNaN(time) || formatDay(time / DAY) !== text ? undefined : time / DAY;
}

/**
 * Whether `name` is an IANA zone name Intl knows (`Europe/Paris`, `UTC`); offsets such
 * as `+01:00`, which newer engines also accept, are refused: they have no daylight
 * saving, so a project named by one would silently stop following its country's clock.
 */
export function isTimeZone(name: string): boolean {
  if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar of a zone, one per zone name: the offsets it cached serve every later question. */
const calendars = new Map<string, ZoneCalendar>();
export function getZoneCalendar(timeZone: string = DEFAULT_TIME_ZONE): ZoneCalendar {
  let calendar = calendars.get(timeZone);
  if (calendar === undefined) calendars.set(timeZone, (calendar = new ZoneCalendar(timeZone)));
  return calendar;
}
