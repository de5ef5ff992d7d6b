import type { EventType, Properties, PropertyValue } from '@parcours/schema';
import { Dictionary } from './Dictionary.js';
import { GrowableColumn } from './GrowableColumn.js';

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

  constructor(private readonly _loadProperty?: PropertyLoader) {}

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
    for (const [property, { values, column }] of this._properties) {
      const value = event.properties?.[property];
      column.push(value === undefined ? 0 : values.intern(JSON.stringify(value)) + 1);
    }
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
      this.time.byteLength + this.name.byteLength + this.channel.byteLength + this._parent.byteLength;
    for (const { column } of this._properties.values()) bytes += column.byteLength;
    return bytes;
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
