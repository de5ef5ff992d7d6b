import type { EventType, Properties, PropertyValue } from '@parcours/schema';
import { Dictionary } from './Dictionary.js';
import { GrowableColumn } from './GrowableColumn.js';
import { PersonStitcher, type PersonDescription } from './PersonStitcher.js';

/** What the index needs of an event. */
export interface IndexableEvent {
  type: EventType;
  name: string;
  anonymousId: string;
  userId?: string | undefined;
  timestamp: number;
  channel?: string | undefined;
  properties?: Properties | undefined;
}

/** Reads one property of every indexed touchpoint, in index order, as JSON text (undefined when absent). */
export type PropertyLoader = (property: string) => Iterable<string | null | undefined>;

/** A property materialised for every touchpoint: dictionary-encoded JSON text, 0 = absent. */
export interface PropertyColumn {
  values: Dictionary;
  column: GrowableColumn<Uint32Array>;
}

/**
 * The journey engine's compact per-person index. Touchpoints (every event but
 * `identify`) live in typed columns, positions in arrival order: time (float64),
 * name (dictionary id), channel (dictionary id + 1, 0 = none). Persons are
 * stitched by `PersonStitcher` (one user id, or one never-identified device), each
 * with the sorted list of its touchpoint positions, so a funnel is one linear pass
 * per person.
 *
 * Events must be appended in the store's arrival order, so that a position's
 * order matches the store's `seq` tie-breaker.
 */
export class JourneyIndex {
  readonly names = new Dictionary();
  readonly channels = new Dictionary();
  readonly time = new GrowableColumn(Float64Array);
  readonly name = new GrowableColumn(Uint32Array);
  readonly channel = new GrowableColumn(Uint16Array);

  private readonly _persons = new PersonStitcher(this.time);
  private readonly _properties = new Map<string, PropertyColumn>();

  constructor(private readonly _loadProperty?: PropertyLoader) {}

  get eventCount(): number {
    return this.time.length;
  }

  /**
   * Adds an event in arrival order: an identify carrying a user id is a link; any
   * other event is a touchpoint (a link too when it carries a user id). The user id
   * must be one the collector trusts: unsigned ones are kept apart (`claimedUserId`).
   */
  append(event: IndexableEvent): void {
    if (event.type === 'identify') {
      if (event.userId !== undefined) {
        this._persons.addLink(event.anonymousId, event.userId, event.timestamp, this.eventCount);
      }
      return;
    }
    const position = this.time.push(event.timestamp);
    this.name.push(this.names.intern(event.name));
    this.channel.push(event.channel === undefined ? 0 : this.channels.intern(event.channel) + 1);
    for (const [property, { values, column }] of this._properties) {
      const value = event.properties?.[property];
      column.push(value === undefined ? 0 : values.intern(JSON.stringify(value)) + 1);
    }
    this._persons.addTouchpoint(position, event.anonymousId, event.userId);
  }

  /** Calls `visit` for every person with at least one touchpoint; `person` is a unique key. */
  forEachPerson(visit: (events: number[], person: number) => void): void {
    this._persons.forEachPerson(visit);
  }

  /** A person's ids; `personId` as `personId.ts` makes it (`user:<userId>` or the device's id). */
  describePerson(person: number): PersonDescription {
    return this._persons.describePerson(person);
  }

  /**
   * The column of one property for every touchpoint, materialised on first use
   * (from the store) and kept current by `append` from then on.
   */
  property(property: string): PropertyColumn {
    let found = this._properties.get(property);
    if (found === undefined) {
      const values = new Dictionary();
      const column = new GrowableColumn(Uint32Array, Math.max(1024, this.eventCount));
      if (this._loadProperty !== undefined) {
        for (const json of this._loadProperty(property)) {
          column.push(json === undefined || json === null ? 0 : values.intern(json) + 1);
        }
      }
      if (column.length !== this.eventCount) {
        throw new Error(
          `property ${property}: loaded ${column.length} values for ${this.eventCount} touchpoints`,
        );
      }
      found = { values, column };
      this._properties.set(property, found);
    }
    return found;
  }

  /** The dictionary id + 1 of a property value in a column, or -1 if no touchpoint has it. */
  findPropertyValue(column: PropertyColumn, value: PropertyValue): number {
    const id = column.values.find(JSON.stringify(value));
    return id === -1 ? -1 : id + 1;
  }

  /** Decodes a property column cell back to its value (undefined when absent). */
  decodePropertyValue(column: PropertyColumn, cell: number): PropertyValue | undefined {
    return cell === 0 ? undefined : (JSON.parse(column.values.values[cell - 1]!) as PropertyValue);
  }

  /** Bytes held by the typed columns (the per-person lists and maps come on top). */
  get columnBytes(): number {
    let bytes =
      this.time.byteLength + this.name.byteLength + this.channel.byteLength + this._persons.byteLength;
    for (const { column } of this._properties.values()) bytes += column.byteLength;
    return bytes;
  }
}
