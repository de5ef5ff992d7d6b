import type { EventType, Properties, PropertyValue } from '@parcours/schema';
import { Dictionary } from './Dictionary.js';
import { GrowableColumn } from './GrowableColumn.js';
import { QueryBudgetError } from './journeyErrors.js';

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
}

/** What a dictionary entry costs beyond its characters (map entry, array slot, string header). */
const DICTIONARY_ENTRY_BYTES = 64;

/** A person as the engine sees it: the root of a set of linked ids. */
export interface IndexedPerson {
  /** Touchpoint positions, sorted by time, ties in arrival order. */
  events: number[];
  root: number;
}

/**
 * The journey engine's compact per-person index. Touchpoints (every event but
 * `identify`) live in typed columns, positions in arrival order: time (float64),
 * name (dictionary id), channel (dictionary id + 1, 0 = none). Identities are a
 * union-find over anonymous ids and user ids; each set's root owns the sorted
 * list of its touchpoint positions, so a funnel is one linear pass per person.
 *
 * Links apply to earlier events too: linking two sets merges their sorted lists.
 * Events must be appended in the store's arrival order, so that a position's
 * order matches the store's `seq` tie-breaker.
 */
export class JourneyIndex {
  readonly names = new Dictionary();
  readonly channels = new Dictionary();
  readonly time = new GrowableColumn(Float64Array);
  readonly name = new GrowableColumn(Uint32Array);
  readonly channel = new GrowableColumn(Uint16Array);

  private readonly _deviceNodes = new Map<string, number>();
  private readonly _userNodes = new Map<string, number>();
  /** Node → the anonymous id or user id it stands for. */
  private readonly _nodeIds: string[] = [];
  private readonly _nodeIsUser: boolean[] = [];
  private readonly _parent = new GrowableColumn(Int32Array);
  /** Root → its touchpoint positions, sorted. */
  private readonly _events: Array<number[] | undefined> = [];
  /** Root → its member nodes, only for sets of more than one node. */
  private readonly _members = new Map<number, number[]>();
  private readonly _properties = new Map<string, PropertyColumn>();
  private readonly _propertyBudgetBytes: number;
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
  }

  get eventCount(): number {
    return this.time.length;
  }

  /** Adds an event: links its ids if it has both, and indexes it unless it is an identify. */
  append(event: IndexableEvent): void {
    const device = this._node(this._deviceNodes, event.anonymousId, false);
    if (event.userId !== undefined) this.link(event.anonymousId, event.userId);
    if (event.type === 'identify') return;
    const position = this.time.push(event.timestamp);
    this.name.push(this.names.intern(event.name));
    this.channel.push(event.channel === undefined ? 0 : this.channels.intern(event.channel) + 1);
    for (const found of this._properties.values()) this._appendProperty(found, event.properties);
    const root = this.find(device);
    const list = (this._events[root] ??= []);
    insertSorted(list, position, this.time.data);
  }

  /** Records that an anonymous id and a user id are the same person, merging their sets. */
  link(anonymousId: string, userId: string): void {
    const a = this.find(this._node(this._deviceNodes, anonymousId, false));
    const b = this.find(this._node(this._userNodes, userId, true));
    if (a === b) return;
    const [big, small] = (this._events[a]?.length ?? 0) >= (this._events[b]?.length ?? 0) ? [a, b] : [b, a];
    this._parent.data[small] = big;
    const smallEvents = this._events[small];
    if (smallEvents !== undefined) {
      const bigEvents = this._events[big];
      this._events[big] =
        bigEvents === undefined ? smallEvents : mergeSorted(bigEvents, smallEvents, this.time.data);
      this._events[small] = undefined;
    }
    const members = [...(this._members.get(big) ?? [big]), ...(this._members.get(small) ?? [small])];
    this._members.set(big, members);
    this._members.delete(small);
  }

  /** The root of a node's set (path halving). */
  find(node: number): number {
    const parent = this._parent.data;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  }

  /** True when some event of the index came from this anonymous id. */
  hasAnonymousId(anonymousId: string): boolean {
    return this._deviceNodes.has(anonymousId);
  }

  /** Calls `visit` for every person with at least one touchpoint. */
  forEachPerson(visit: (events: number[], root: number) => void): void {
    const events = this._events;
    for (let root = 0; root < events.length; root++) {
      const list = events[root];
      if (list !== undefined && list.length > 0) visit(list, root);
    }
  }

  /** A person's ids: `id` is their smallest anonymous id, as in the store's timelines. */
  describePerson(root: number): { personId: string; anonymousIds: string[]; userIds: string[] } {
    const anonymousIds: string[] = [];
    const userIds: string[] = [];
    for (const node of this._members.get(root) ?? [root]) {
      (this._nodeIsUser[node] ? userIds : anonymousIds).push(this._nodeIds[node]!);
    }
    anonymousIds.sort();
    userIds.sort();
    return { personId: anonymousIds[0] ?? '', anonymousIds, userIds };
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
      this.time.byteLength + this.name.byteLength + this.channel.byteLength + this._parent.byteLength;
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

  private _node(nodes: Map<string, number>, id: string, isUser: boolean): number {
    let node = nodes.get(id);
    if (node === undefined) {
      node = this._nodeIds.length;
      nodes.set(id, node);
      this._nodeIds.push(id);
      this._nodeIsUser.push(isUser);
      this._parent.push(node);
    }
    return node;
  }
}

/** Inserts a new position (the largest so far) into a list sorted by (time, position). */
function insertSorted(list: number[], position: number, time: Float64Array): void {
  const t = time[position]!;
  let high = list.length;
  if (high === 0 || time[list[high - 1]!]! <= t) {
    list.push(position);
    return;
  }
  let low = 0;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (time[list[mid]!]! <= t) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, position);
}

/** Merges two lists sorted by (time, position). */
function mergeSorted(a: number[], b: number[], time: Float64Array): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const tx = time[x]!;
    const ty = time[y]!;
    if (tx < ty || (tx === ty && x < y)) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
