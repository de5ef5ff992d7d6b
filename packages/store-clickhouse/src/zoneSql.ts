import { DEFAULT_TIME_ZONE } from '@parcours/store';
import { quoteString } from './sqlLiteral.js';

/**
 * SQL of the local calendar day (days since 1970-01-01) of an epoch-ms expression in
 * a zone, as `ZoneCalendar.getDay` numbers it: ClickHouse's own tz database does the
 * offsets (`toDate(DateTime, zone)`, there in 18.16), so a series splits at the
 * zone's midnight across daylight-saving changes like the SQLite engine's.
 */
export function localDaySql(time: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `toInt64(toUInt16(toDate(toDateTime(intDiv(${time}, 1000)), ${quoteString(timeZone)})))`;
}

/** SQL of the local Monday-to-Sunday week of an epoch-ms expression, as `ZoneCalendar.getWeek` numbers it. */
export function localWeekSql(time: string, timeZone?: string): string {
  return `intDiv(${localDaySql(time, timeZone)} + 3, 7)`;
}
