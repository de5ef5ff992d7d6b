import { checkFunnelQuery, getQueryProperties, MAX_QUERY_PROPERTIES } from './compileFunnel.js';
import { QueryBudgetError } from './journeyErrors.js';
import type { FunnelDriver, FunnelDriversQuery } from './types.js';

/** Drivers returned at most. */
export const MAX_FUNNEL_DRIVERS = 10;

/** Kinds in the order ties are broken. */
export const DRIVER_KINDS = ['touchpoint', 'channel', 'property'] as const;

/** Persons having one candidate driver, and of them those who converted. */
export interface DriverCounts {
  key: number;
  persons: number;
  converted: number;
}

/**
 * Refuses a drivers question no engine answers: the funnel's own errors, a step with
 * no next step (RangeError), more properties than a query may read (QueryBudgetError).
 */
export function checkFunnelDriversQuery(query: FunnelDriversQuery): void {
  checkFunnelQuery(query);
  if (!Number.isInteger(query.step) || query.step < 1 || query.step >= query.steps.length) {
    throw new RangeError(`step must be between 1 and ${query.steps.length - 1}`);
  }
  const properties = new Set([...getQueryProperties({ steps: query.steps }), ...(query.properties ?? [])]);
  if (properties.size > MAX_QUERY_PROPERTIES) {
    throw new QueryBudgetError(
      `Funnel drivers read at most ${MAX_QUERY_PROPERTIES} distinct properties (where keys and driver properties); this one reads ${properties.size}`,
    );
  }
}

/** How much having a driver changes conversion: its conversion minus that of the others. */
export function computeLift(
  population: { persons: number; converted: number },
  driver: { persons: number; converted: number },
): { conversionRate: number; conversionRateWithout: number; lift: number } {
  const conversionRate = driver.converted / driver.persons;
  const conversionRateWithout =
    (population.converted - driver.converted) / (population.persons - driver.persons);
  return { conversionRate, conversionRateWithout, lift: conversionRate - conversionRateWithout };
}

/**
 * The top drivers: held by at least `minPersons` and not by everyone (with nobody
 * without it there is nothing to compare), the largest |lift| first, then the most
 * persons, then kind, name and value (their UTF-8 bytes, as ClickHouse orders strings),
 * so every engine breaks ties alike. `describe` names a key: `text` is the value's
 * JSON, '' for touchpoints and channels.
 */
export function rankFunnelDrivers(
  population: { persons: number; converted: number },
  candidates: ReadonlyArray<DriverCounts>,
  query: Pick<FunnelDriversQuery, 'minPersons'>,
  describe: (key: number) => Omit<
    FunnelDriver,
    'persons' | 'converted' | 'conversionRate' | 'conversionRateWithout' | 'lift'
  > & {
    text: string;
  },
): FunnelDriver[] {
  const minPersons = query.minPersons ?? 1;
  const ranked = candidates
    .filter((c) => c.persons >= minPersons && c.persons < population.persons)
    .map((c) => ({ ...c, ...computeLift(population, c), ...describe(c.key) }))
    .sort(
      (a, b) =>
        Math.abs(b.lift) - Math.abs(a.lift) ||
        b.persons - a.persons ||
        DRIVER_KINDS.indexOf(a.kind) - DRIVER_KINDS.indexOf(b.kind) ||
        Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) ||
        Buffer.compare(Buffer.from(a.text), Buffer.from(b.text)),
    )
    .slice(0, MAX_FUNNEL_DRIVERS);
  return ranked.map(
    ({ kind, name, value, persons, converted, conversionRate, conversionRateWithout, lift }) => ({
      kind,
      name,
      ...(value === undefined ? {} : { value }),
      persons,
      converted,
      conversionRate,
      conversionRateWithout,
      lift,
    }),
  );
}
