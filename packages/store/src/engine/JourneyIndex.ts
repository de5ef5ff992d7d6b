import type { EventType, Properties, PropertyValue } from '@parcours/schema';
import { Dictionary } from './Dictionary.js';
import { GrowableColumn } from './GrowableColumn.js';
import { SnapshotError, type IndexSnapshot } from './IndexSnapshot.js';
import { PersonStitcher, type PersonDescription } from './PersonStitcher.js';
import { QueryBudgetError } from './journeyErrors.js';
import { parsePersonId } from '../personId.js';

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

/** Reads one property of every indexed touchpoint, in arrival order, as JSON text (undefined when absent). */
export type PropertyLoader = (property: string) => Iterable<string | null | undefined>;

/** A property materialised for every touchpoint: dictionary-encoded JSON text, 0 = absent. */
export interface PropertyColumn {
  name: string;
  values: Dictionary;
  column: GrowableColumn<Uint32Array>;
  /** The query (see `beginQuery`) that used it last: the least recent is evicted first. */
  usedBy: number;
  /** Bytes it holds: the column and its dictionary's strings. */
  bytes: number;
}

export interface JourneyIndexOptions {
  /**
   * Bytes the property columns may hold together (columns and their distinct values).
   * Past it, the least recently used columns are dropped (and rebuilt when asked
   * again); a single query needing more is refused with a QueryBudgetError.
   * Default 256 MiB.
   */
  propertyBudgetBytes?: number;
  /**
   * `append` compacts the index (see `compact`) when this many touchpoints wait,
   * and at least half as many as are compacted. Default 1,000,000.
   */
  compactAfter?: number;
}

/** `settle` compacts when at least this many touchpoints wait (see there). */
const SETTLE_MIN_PENDING = 65_536;

/** What a dictionary entry costs beyond its characters (map entry, array slot, string header). */
const DICTIONARY_ENTRY_BYTES = 64;

/**
 * The journey engine's compact per-person index. Touchpoints (every event but
 * `identify`) live in typed columns: time (float64), name (dictionary id), channel
 * (dictionary id + 1, 0 = none), arrival (the touchpoint's number in arrival order,
 * the store's `seq` tie-breaker). Persons are stitched by `PersonStitcher` (one user
 * id, or one never-identified device), each visited with the sorted list of its
 * touchpoint positions, so a funnel is one linear pass per person.
 *
 * A touchpoint's position is where its cells are, not when it arrived: `compact`
 * renumbers positions so that each device's touchpoints sit side by side (no
 * per-touchpoint list to hold, and a person's cells are read in one sweep), and
 * touchpoints appended since then follow at the end. Positions are stable between
 * two `compact` calls; only `append` and `save` compact.
 *
 * Events must be appended in the store's arrival order.
 */
export class JourneyIndex {
  readonly names = new Dictionary();
  readonly channels = new Dictionary();
  readonly time = new GrowableColumn(Float64Array);
  /** Name ids: 16 bits while a project has fewer than 65,536 touchpoint names, then 32 (as channels). */
  readonly name = new GrowableColumn<Uint16Array | Uint32Array>(Uint16Array);
  /** Channel cells: 16 bits while a project has fewer than 65,536 channels, then 32 (see `append`). */
  readonly channel = new GrowableColumn<Uint16Array | Uint32Array>(Uint16Array);
  /** Position → the touchpoint's number in arrival order (a permutation of 0..eventCount-1). */
  readonly arrival = new GrowableColumn(Uint32Array);

  private readonly _persons = new PersonStitcher(this.time, this.arrival);
  private readonly _properties = new Map<string, PropertyColumn>();
  private readonly _propertyBudgetBytes: number;
  private readonly _compactAfter: number;
  private _query = 0;
  /**
   * The store's sequence number of the last row this index has seen: the index
   * catches up from there (set by whoever feeds it; 0 for a new index).
   */
  lastSeq = 0;

  constructor(
    private readonly _loadProperty?: PropertyLoader,
    options: JourneyIndexOptions = {},
  ) {
    this._propertyBudgetBytes = options.propertyBudgetBytes ?? 256 * 1024 * 1024;
    this._compactAfter = options.compactAfter ?? 1_000_000;
  }

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
    const name = this.names.intern(event.name);
    if (name > 0xffff && this.name.data instanceof Uint16Array) this.name.widen(Uint32Array);
    this.name.push(name);
    const channel = event.channel === undefined ? 0 : this.channels.intern(event.channel) + 1;
    // A 65,536th channel would wrap to another channel's cell: widen the column once.
    if (channel > 0xffff && this.channel.data instanceof Uint16Array) this.channel.widen(Uint32Array);
    this.channel.push(channel);
    this.arrival.push(position);
    for (const found of this._properties.values()) this._appendProperty(found, event.properties);
    this._persons.addTouchpoint(position, event.anonymousId, event.userId);
    const pending = this._persons.pendingCount;
    if (pending >= this._compactAfter && pending >= (this.eventCount - pending) / 2) this.compact();
  }

  /**
   * Ends a run of appends (a catch-up): compacts when enough touchpoints wait for it to
   * pay (an eighth of the index, and at least 65,536), so that the answers that follow
   * read compacted runs. `append` alone compacts only at its own, larger thresholds.
   */
  settle(): void {
    const pending = this._persons.pendingCount;
    if (pending >= Math.max(SETTLE_MIN_PENDING, this.eventCount / 8)) this.compact();
  }

  /** Touchpoints appended since the last `compact`. */
  get pendingCount(): number {
    return this._persons.pendingCount;
  }

  /**
   * Renumbers the touchpoints so that each device's sit side by side (see the class
   * comment): every per-touchpoint column, property columns included, follows.
   * Answers are unchanged; person keys too.
   */
  compact(): void {
    if (this._persons.pendingCount === 0) return;
    const order = this._persons.compact(this.eventCount);
    this.time.permute(order);
    this.name.permute(order);
    this.channel.permute(order);
    this.arrival.permute(order);
    for (const found of this._properties.values()) {
      const capacity = found.column.byteLength;
      found.column.permute(order);
      found.bytes += found.column.byteLength - capacity;
    }
  }

  /**
   * Saves the index (not its property columns, which are rebuilt on demand) into
   * `snapshot`; `restore` on a new index gives one that answers every query alike.
   */
  save(snapshot: IndexSnapshot): void {
    this.compact();
    this.names.save(snapshot, 'names');
    this.channels.save(snapshot, 'channels');
    snapshot.arrays.set('time', this.time.values);
    snapshot.arrays.set('name', this.name.values);
    snapshot.arrays.set('channel', this.channel.values);
    snapshot.arrays.set('arrival', this.arrival.values);
    snapshot.numbers.set('lastSeq', this.lastSeq);
    this._persons.save(snapshot);
  }

  /** Restores what `save` saved, into this new, empty index. */
  restore(snapshot: IndexSnapshot): void {
    if (this.eventCount > 0) throw new Error('restore needs an empty index');
    this.names.restore(snapshot, 'names');
    this.channels.restore(snapshot, 'channels');
    this.time.restore(snapshot.array('time', Float64Array));
    this.name.restore(snapshot.array<Uint16Array | Uint32Array>('name', Uint16Array, Uint32Array));
    this.channel.restore(snapshot.array<Uint16Array | Uint32Array>('channel', Uint16Array, Uint32Array));
    this.arrival.restore(snapshot.array('arrival', Uint32Array));
    const length = this.time.length;
    if (this.name.length !== length || this.channel.length !== length || this.arrival.length !== length) {
      throw new SnapshotError('the columns of the snapshot do not line up');
    }
    this.lastSeq = snapshot.number('lastSeq');
    this._persons.restore(snapshot);
  }

  /** Calls `visit` for every person with at least one touchpoint; `person` is a unique key. */
  forEachPerson(visit: (events: number[], person: number) => void): void {
    this._persons.forEachPerson(visit);
  }

  /** A person's ids; `personId` as `personId.ts` makes it (`user:<userId>` or the device's id). */
  describePerson(person: number): PersonDescription {
    return this._persons.describePerson(person);
  }

  /** Calls `visit` for one person only (a key from `forEachPerson` or `findPerson`), if they have a touchpoint. */
  visitPerson(person: number, visit: (events: number[], person: number) => void): void {
    this._persons.visitPerson(person, visit);
  }

  /** The key of the person a person id names, or -1 (unknown, or a device that has identified). */
  findPerson(personId: string): number {
    return this._persons.findPerson(personId);
  }

  /** A person's id alone (cheap): see `describePerson` for all their ids. */
  personIdOf(person: number): string {
    return this._persons.personIdOf(person);
  }

  /** True when the index knows the user or device a person id names (a drop-off cursor's check). */
  hasPerson(personId: string): boolean {
    const ref = parsePersonId(personId);
    return 'userId' in ref ? this._persons.hasUser(ref.userId) : this._persons.hasDevice(ref.anonymousId);
  }

  /**
   * Starts a query: the property columns it uses from now on are kept while it runs,
   * the others may be evicted to make room for them.
   */
  beginQuery(): void {
    this._query++;
  }

  /** The property columns held now, least recently used first. */
  get propertyNames(): string[] {
    return [...this._properties.keys()];
  }

  /** Bytes held by the property columns together. */
  get propertyBytes(): number {
    let bytes = 0;
    for (const column of this._properties.values()) bytes += column.bytes;
    return bytes;
  }

  /**
   * The column of one property for every touchpoint, materialised on first use
   * (from the store) and kept current by `append` from then on, within the property
   * budget: other queries' columns are evicted to make room, least recently used first.
   */
  property(property: string): PropertyColumn {
    let found = this._properties.get(property);
    if (found !== undefined) {
      // Most recently used last: Map iteration order is the eviction order.
      this._properties.delete(property);
      this._properties.set(property, found);
      found.usedBy = this._query;
      return found;
    }
    const columnBytes = Math.max(1024, this.eventCount) * Uint32Array.BYTES_PER_ELEMENT;
    this._makeRoom(columnBytes, property);
    const values = new Dictionary();
    const column = new GrowableColumn(Uint32Array, Math.max(1024, this.eventCount));
    let valueBytes = 0;
    if (this._loadProperty !== undefined) {
      for (const json of this._loadProperty(property)) {
        if (json === undefined || json === null) {
          column.push(0);
          continue;
        }
        const size = values.size;
        const id = values.intern(json);
        if (values.size > size) valueBytes += 2 * json.length + DICTIONARY_ENTRY_BYTES;
        column.push(id + 1);
      }
    }
    if (column.length !== this.eventCount) {
      throw new Error(
        `property ${property}: loaded ${column.length} values for ${this.eventCount} touchpoints`,
      );
    }
    // Loaded in arrival order: each position takes its arrival number's value.
    column.permute(this.arrival.values, column.data.length);
    found = { name: property, values, column, usedBy: this._query, bytes: column.byteLength + valueBytes };
    this._properties.set(property, found);
    // Its distinct values are known only now: they may need more room.
    this._makeRoom(0, property);
    return found;
  }

  /** Evicts columns of earlier queries until `bytes` more fit, or refuses the query. */
  private _makeRoom(bytes: number, property: string): void {
    let held = this.propertyBytes;
    for (const [name, column] of this._properties) {
      if (held + bytes <= this._propertyBudgetBytes) return;
      if (column.usedBy === this._query) continue;
      this._properties.delete(name);
      held -= column.bytes;
    }
    if (held + bytes <= this._propertyBudgetBytes) return;
    const ownColumns = this.propertyNames.filter(
      (name) => this._properties.get(name)!.usedBy === this._query,
    );
    // The query's own columns do not fit: drop them, so a refused query leaves nothing behind.
    for (const name of ownColumns) this._properties.delete(name);
    const mib = (n: number) => `${Math.ceil(n / 1048576)} MiB`;
    throw new QueryBudgetError(
      `This query needs more memory for its properties (${[...new Set([...ownColumns, property])].join(', ')}: ` +
        `over ${mib(held + bytes)}) than the journey engine's property budget of ${mib(this._propertyBudgetBytes)}: ` +
        'use fewer where keys or breakdowns',
    );
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
      this.time.byteLength +
      this.name.byteLength +
      this.channel.byteLength +
      this.arrival.byteLength +
      this._persons.byteLength;
    for (const { column } of this._properties.values()) bytes += column.byteLength;
    return bytes;
  }

  private _appendProperty(found: PropertyColumn, properties: Properties | undefined): void {
    const { values, column } = found;
    const value = properties?.[found.name];
    if (value === undefined) {
      column.push(0);
      return;
    }
    const json = JSON.stringify(value);
    const size = values.size;
    const id = values.intern(json);
    if (values.size > size) found.bytes += 2 * json.length + DICTIONARY_ENTRY_BYTES;
    const capacity = column.byteLength;
    column.push(id + 1);
    found.bytes += column.byteLength - capacity;
  }
}
