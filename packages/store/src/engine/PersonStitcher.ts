import { parsePersonId, toDevicePersonId, toUserPersonId } from '../personId.js';
import { GrowableColumn } from './GrowableColumn.js';
import { IdentityLinks } from './IdentityLinks.js';
import { SnapshotError, type IndexSnapshot } from './IndexSnapshot.js';
import { LargeMap } from './LargeMap.js';
import { insertSorted, mergeSorted } from './sortedPositions.js';

/** A person's ids, as drop-off lists show them. */
export interface PersonDescription {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
}

/** `_owner` of a device: never linked; linked, owner not computed since the last change; several owners. */
const UNLINKED = -1;
const STALE = -2;
const MIXED = -3;

/**
 * Who each touchpoint belongs to (issue 13: two user ids never merge through a
 * shared device). A device's touchpoints follow its links (its identifies and its
 * touchpoints carrying a user id): a touchpoint belongs to the user of the latest
 * link at or before it, in (time, arrival) order; touchpoints before the device's
 * first link belong to the first linked user; a device never linked is its own
 * anonymous person. A person is thus one user id (the segments of all devices
 * assigned to it) or one never-identified device.
 *
 * Each device keeps its own sorted positions; who owns them is derived lazily, once
 * per change, by one walk of the device (most devices have one owner: one number).
 * A user with one device of their own is visited with that device's list; a user
 * with several, or with part of a shared device, with their parts merged into a
 * reused buffer, so nothing is stored twice and a funnel still walks one sorted
 * list per person.
 */
export class PersonStitcher {
  private readonly _deviceNodes = new LargeMap<string, number>();
  private readonly _userNodes = new LargeMap<string, number>();
  /**
   * Restored from a snapshot and the id → node tables not built yet: they are needed
   * only to append or look an id up, and building them is the costliest part of a
   * restore (a second at 800,000 persons), so a first answer after a restart with
   * nothing new to catch up does not wait for them.
   */
  private _nodesPending = false;
  /** Node → the anonymous id or user id it stands for. */
  private _ids: string[] = [];
  private readonly _isUser: boolean[] = [];
  /** Device node → its touchpoint positions, sorted by (time, position). */
  private readonly _deviceEvents: Array<number[] | undefined> = [];
  /** Device node → its owner user node, or UNLINKED, STALE or MIXED (see `_segments`). */
  private readonly _owner = new GrowableColumn(Int32Array);
  /** Device node → (start index in its list, owner user node) pairs, for MIXED devices only. */
  private readonly _segments = new LargeMap<number, number[]>();
  private readonly _links: IdentityLinks;
  private readonly _scratch: [number[], number[]] = [[], []];

  constructor(private readonly _time: GrowableColumn<Float64Array>) {
    this._links = new IdentityLinks(_time);
  }

  get byteLength(): number {
    return this._owner.byteLength + this._links.byteLength;
  }

  /**
   * Saves the nodes, each device's sorted positions (one flat column and its offsets)
   * and the links. Owners are saved as "not computed" (the walk that found them is
   * cheap, and lazy), so segments are not saved at all.
   */
  save(snapshot: IndexSnapshot): void {
    const nodes = this._ids.length;
    const offsets = new Uint32Array(nodes + 1);
    for (let node = 0; node < nodes; node++) {
      offsets[node + 1] = offsets[node]! + (this._deviceEvents[node]?.length ?? 0);
    }
    const positions = new Uint32Array(offsets[nodes]!);
    for (let node = 0; node < nodes; node++) {
      const list = this._deviceEvents[node];
      if (list !== undefined) positions.set(list, offsets[node]);
    }
    const owner = this._owner.values.map((value) => (value === MIXED ? STALE : value));
    snapshot.strings.set('persons.ids', this._ids);
    snapshot.arrays.set('persons.isUser', Uint8Array.from(this._isUser, Number));
    snapshot.arrays.set('persons.offsets', offsets);
    snapshot.arrays.set('persons.positions', positions);
    snapshot.arrays.set('persons.owner', owner);
    this._links.save(snapshot);
  }

  /** Restores what `save` saved, into a new stitcher. */
  restore(snapshot: IndexSnapshot): void {
    const ids = snapshot.stringList('persons.ids');
    const isUser = snapshot.array('persons.isUser', Uint8Array);
    const offsets = snapshot.array('persons.offsets', Uint32Array);
    const positions = snapshot.array('persons.positions', Uint32Array);
    const owner = snapshot.array('persons.owner', Int32Array);
    if (isUser.length !== ids.length || offsets.length !== ids.length + 1 || owner.length !== ids.length) {
      throw new SnapshotError('the persons of the snapshot do not line up');
    }
    if (this._ids.length > 0) throw new Error('restore needs an empty stitcher');
    this._ids = ids;
    for (let node = 0; node < ids.length; node++) {
      this._isUser.push(isUser[node] === 1);
      const start = offsets[node]!;
      const length = offsets[node + 1]! - start;
      let list: number[] | undefined;
      if (length > 0) {
        // A copy by index: `Array.from` on a typed array goes through its iterator, 10× slower.
        list = new Array<number>(length);
        for (let i = 0; i < length; i++) list[i] = positions[start + i]!;
      }
      this._deviceEvents.push(list);
    }
    this._nodesPending = ids.length > 0;
    this._owner.restore(owner);
    this._links.restore(snapshot);
  }

  /** True when some touchpoint or link came from this device. */
  hasDevice(anonymousId: string): boolean {
    this._buildNodes();
    return this._deviceNodes.has(anonymousId);
  }

  /** True when some touchpoint or link carried this (trusted) user id. */
  hasUser(userId: string): boolean {
    this._buildNodes();
    return this._userNodes.has(userId);
  }

  /** Registers touchpoint `position` (the next one) of a device, carrying a (trusted) user id or not. */
  addTouchpoint(position: number, anonymousId: string, userId: string | undefined): void {
    const device = this._node(this._deviceNodes, anonymousId, false);
    const user = userId === undefined ? -1 : this._node(this._userNodes, userId, true);
    this._links.addTouchpoint(device, user);
    insertSorted((this._deviceEvents[device] ??= []), position, this._time.data);
    if (this._links.isLinked(device)) this._owner.data[device] = STALE;
  }

  /**
   * Registers an identify (or any link that is not a touchpoint): it takes effect for
   * touchpoints at `time` from position `nextPosition` on (those that arrived after it).
   */
  addLink(anonymousId: string, userId: string, time: number, nextPosition: number): void {
    const device = this._node(this._deviceNodes, anonymousId, false);
    const user = this._node(this._userNodes, userId, true);
    this._links.addIdentify(device, user, time, nextPosition);
    this._owner.data[device] = STALE;
  }

  /**
   * Calls `visit` for every person with at least one touchpoint; `person` is a unique
   * key. The list is valid during the call only: it may be a reused buffer.
   */
  forEachPerson(visit: (events: number[], person: number) => void): void {
    const parts: number[][] = [];
    for (let node = 0; node < this._ids.length; node++) this._visitPerson(node, visit, parts);
  }

  /**
   * Calls `visit` once for the person with this key (as `forEachPerson` gives it), if
   * they have a touchpoint: a person page's figures without a walk of everyone.
   */
  visitPerson(person: number, visit: (events: number[], person: number) => void): void {
    if (person >= 0 && person < this._ids.length) this._visitPerson(person, visit, []);
  }

  /** The key of the person a person id names (see `personId.ts`), or -1: unknown, or a device that identified. */
  findPerson(personId: string): number {
    this._buildNodes();
    const ref = parsePersonId(personId);
    if ('userId' in ref) return this._userNodes.get(ref.userId) ?? -1;
    const device = this._deviceNodes.get(ref.anonymousId);
    return device === undefined || this._links.isLinked(device) ? -1 : device;
  }

  /** A person's id alone, without the lists `describePerson` builds: cheap enough for every person. */
  personIdOf(person: number): string {
    const id = this._ids[person]!;
    return this._isUser[person] ? toUserPersonId(id) : toDevicePersonId(id);
  }

  private _visitPerson(
    node: number,
    visit: (events: number[], person: number) => void,
    parts: number[][],
  ): void {
    if (!this._isUser[node]) {
      const list = this._deviceEvents[node];
      if (list !== undefined && list.length > 0 && !this._links.isLinked(node)) visit(list, node);
      return;
    }
    parts.length = 0;
    this._links.forEachLinked(node, (device) => this._collectPart(device, node, parts));
    if (parts.length === 0) return;
    let list = parts[0]!;
    for (let p = 1; p < parts.length; p++) {
      const out = list === this._scratch[0] ? this._scratch[1] : this._scratch[0];
      list = mergeSorted(list, parts[p]!, this._time.data, out);
    }
    visit(list, node);
  }

  /** A person's ids: see `personId.ts` for the id. */
  describePerson(person: number): PersonDescription {
    const id = this._ids[person]!;
    if (!this._isUser[person]) return { personId: toDevicePersonId(id), anonymousIds: [id], userIds: [] };
    const anonymousIds: string[] = [];
    this._links.forEachLinked(person, (device) => anonymousIds.push(this._ids[device]!));
    return { personId: toUserPersonId(id), anonymousIds: anonymousIds.sort(), userIds: [id] };
  }

  /** Adds to `parts` the touchpoints of `device` that belong to `user`, if any. */
  private _collectPart(device: number, user: number, parts: number[][]): void {
    const list = this._deviceEvents[device];
    if (list === undefined || list.length === 0) return;
    if (this._owner.data[device] === STALE) this._assignOwners(device, list);
    const owner = this._owner.data[device]!;
    if (owner === user) {
      parts.push(list);
      return;
    }
    if (owner !== MIXED) return;
    const segments = this._segments.get(device)!;
    const own: number[] = [];
    for (let s = 0; s < segments.length; s += 2) {
      if (segments[s + 1] !== user) continue;
      const end = s + 2 < segments.length ? segments[s + 2]! : list.length;
      for (let i = segments[s]!; i < end; i++) own.push(list[i]!);
    }
    if (own.length > 0) parts.push(own);
  }

  /** One walk of a linked device's touchpoints and identifies: its owner, or its segments. */
  private _assignOwners(device: number, list: number[]): void {
    const links = this._links;
    let owner = links.firstUser(device, list);
    const segments: number[] = [];
    let identify = links.firstIdentify(device);
    for (let i = 0; i < list.length; i++) {
      const position = list[i]!;
      while (identify !== -1 && links.precedes(identify, position)) {
        owner = links.identifyUser(identify);
        identify = links.nextIdentify(identify);
      }
      const carried = links.carriedUser(position);
      if (carried !== -1) owner = carried;
      if (segments.length === 0 || segments[segments.length - 1] !== owner) segments.push(i, owner);
    }
    if (segments.length <= 2) {
      this._owner.data[device] = owner;
      this._segments.delete(device);
    } else {
      this._owner.data[device] = MIXED;
      this._segments.set(device, segments);
    }
  }

  /** Builds the id → node tables of a restored stitcher (see `_nodesPending`). */
  private _buildNodes(): void {
    if (!this._nodesPending) return;
    this._nodesPending = false;
    for (let node = 0; node < this._ids.length; node++) {
      (this._isUser[node] ? this._userNodes : this._deviceNodes).set(this._ids[node]!, node);
    }
  }

  private _node(nodes: LargeMap<string, number>, id: string, isUser: boolean): number {
    this._buildNodes();
    let node = nodes.get(id);
    if (node === undefined) {
      node = this._ids.length;
      nodes.set(id, node);
      this._ids.push(id);
      this._isUser.push(isUser);
      this._owner.push(UNLINKED);
      this._links.addNode();
    }
    return node;
  }
}
