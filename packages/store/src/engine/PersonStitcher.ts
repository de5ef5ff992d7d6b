import { parsePersonId, toDevicePersonId, toUserPersonId } from '../personId.js';
import { GrowableColumn } from './GrowableColumn.js';
import { IdentityLinks } from './IdentityLinks.js';
import { SnapshotError, type IndexSnapshot } from './IndexSnapshot.js';
import { LargeMap } from './LargeMap.js';
import { fillRun, insertSorted, mergeRun, mergeSorted } from './sortedPositions.js';

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
 * A device's touchpoints, sorted by (time, arrival), are a compacted run and a list
 * of later ones. `compact` renumbers every touchpoint so that each device's sorted
 * touchpoints are one run of consecutive positions (`_baseStart`, `_baseCount`: two
 * numbers per device, nothing per touchpoint, and a funnel reads each person's cells
 * side by side); the index's columns follow that renumbering. Touchpoints that
 * arrive after it wait in small per-device lists until the next `compact`. Who owns
 * a device's touchpoints is derived lazily, once per change, by one walk of the
 * device (most devices have one owner: one number). A person is visited with one
 * sorted list in a reused buffer: their device's run (and later touchpoints), or
 * their devices' parts merged.
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
  /** Device node → the first position of its compacted run, and the run's length (see `compact`). */
  private readonly _baseStart = new GrowableColumn(Uint32Array);
  private readonly _baseCount = new GrowableColumn(Uint32Array);
  /** Device node → its touchpoints that arrived since the last `compact`, sorted by (time, arrival). */
  private _pending: Array<number[] | undefined> = [];
  /** Touchpoints in `_pending` lists, all devices together. */
  private _pendingCount = 0;
  /** Device node → its owner user node, or UNLINKED, STALE or MIXED (see `_segments`). */
  private readonly _owner = new GrowableColumn(Int32Array);
  /** Device node → (start index in its list, owner user node) pairs, for MIXED devices only. */
  private readonly _segments = new LargeMap<number, number[]>();
  private readonly _links: IdentityLinks;
  /** Reused lists: a user's merged parts, and one per part of their devices. */
  private readonly _scratch: [number[], number[]] = [[], []];
  private readonly _partLists: number[][] = [];
  /**
   * A visited device's list, reused by length: setting an array's length is a slow
   * path in V8, and a funnel visits every person.
   */
  private readonly _listsByLength: number[][] = [];

  constructor(
    private readonly _time: GrowableColumn<Float64Array>,
    private readonly _arrival: GrowableColumn<Uint32Array>,
  ) {
    this._links = new IdentityLinks(_time, _arrival);
  }

  get byteLength(): number {
    return (
      this._owner.byteLength +
      this._baseStart.byteLength +
      this._baseCount.byteLength +
      this._links.byteLength
    );
  }

  /** Touchpoints that arrived since the last `compact`. */
  get pendingCount(): number {
    return this._pendingCount;
  }

  /**
   * Renumbers the touchpoints so that each device's, in (time, arrival) order, are one
   * run of consecutive positions, devices in node order. Returns the renumbering
   * (new position → old position), which every per-touchpoint column must follow
   * (`GrowableColumn.permute`); the stitcher's own (the links') follow it here.
   * Owners and segments stay valid: each device's sorted sequence is unchanged.
   */
  compact(touchpoints: number): Uint32Array {
    const order = new Uint32Array(touchpoints);
    const nodes = this._ids.length;
    const buffer: number[] = [];
    let next = 0;
    for (let node = 0; node < nodes; node++) {
      if (this._isUser[node]) continue;
      const list = this._deviceList(node, buffer);
      this._baseStart.data[node] = next;
      this._baseCount.data[node] = list.length;
      for (let i = 0; i < list.length; i++) order[next++] = list[i]!;
    }
    if (next !== touchpoints) throw new Error(`compact: ${next} touchpoints for ${touchpoints}`);
    this._pending = new Array<number[] | undefined>(nodes);
    this._pendingCount = 0;
    this._links.permuteTouchpoints(order);
    return order;
  }

  /**
   * Saves the nodes, each device's run and the links, compacted first (`save` needs
   * no touchpoint waiting: `JourneyIndex.save` compacts). Owners are saved as "not
   * computed" (the walk that found them is cheap, and lazy), so segments are not saved.
   */
  save(snapshot: IndexSnapshot): void {
    if (this._pendingCount > 0) throw new Error('save needs a compacted stitcher');
    const owner = this._owner.values.map((value) => (value === MIXED ? STALE : value));
    snapshot.strings.set('persons.ids', this._ids);
    snapshot.arrays.set('persons.isUser', Uint8Array.from(this._isUser, Number));
    snapshot.arrays.set('persons.baseStart', this._baseStart.values);
    snapshot.arrays.set('persons.baseCount', this._baseCount.values);
    snapshot.arrays.set('persons.owner', owner);
    this._links.save(snapshot);
  }

  /** Restores what `save` saved, into a new stitcher. */
  restore(snapshot: IndexSnapshot): void {
    const ids = snapshot.stringList('persons.ids');
    const isUser = snapshot.array('persons.isUser', Uint8Array);
    const baseStart = snapshot.array('persons.baseStart', Uint32Array);
    const baseCount = snapshot.array('persons.baseCount', Uint32Array);
    const owner = snapshot.array('persons.owner', Int32Array);
    const nodes = ids.length;
    if (
      isUser.length !== nodes ||
      baseStart.length !== nodes ||
      baseCount.length !== nodes ||
      owner.length !== nodes
    ) {
      throw new SnapshotError('the persons of the snapshot do not line up');
    }
    if (this._ids.length > 0) throw new Error('restore needs an empty stitcher');
    this._ids = ids;
    for (let node = 0; node < nodes; node++) this._isUser.push(isUser[node] === 1);
    this._pending = new Array<number[] | undefined>(nodes);
    this._nodesPending = nodes > 0;
    this._baseStart.restore(baseStart);
    this._baseCount.restore(baseCount);
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
    insertSorted((this._pending[device] ??= []), position, this._time.data);
    this._pendingCount++;
    if (this._links.isLinked(device)) this._owner.data[device] = STALE;
  }

  /**
   * Registers an identify (or any link that is not a touchpoint): it takes effect for
   * touchpoints at `time` from arrival number `nextArrival` on (those that arrived after it).
   */
  addLink(anonymousId: string, userId: string, time: number, nextArrival: number): void {
    const device = this._node(this._deviceNodes, anonymousId, false);
    const user = this._node(this._userNodes, userId, true);
    this._links.addIdentify(device, user, time, nextArrival);
    this._owner.data[device] = STALE;
  }

  /**
   * Calls `visit` for every person with at least one touchpoint; `person` is a unique
   * key. The list is valid during the call only: it may be a reused buffer.
   */
  forEachPerson(visit: (events: number[], person: number) => void): void {
    for (let node = 0; node < this._ids.length; node++) this._visitPerson(node, visit);
  }

  /**
   * Calls `visit` once for the person with this key (as `forEachPerson` gives it), if
   * they have a touchpoint: a person page's figures without a walk of everyone.
   */
  visitPerson(person: number, visit: (events: number[], person: number) => void): void {
    if (person >= 0 && person < this._ids.length) this._visitPerson(person, visit);
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

  private _visitPerson(node: number, visit: (events: number[], person: number) => void): void {
    if (!this._isUser[node]) {
      if (this._links.isLinked(node)) return;
      const length = this._baseCount.data[node]! + (this._pending[node]?.length ?? 0);
      if (length === 0) return;
      const out = (this._listsByLength[length] ??= Array.from({ length }, () => 0));
      visit(this._deviceList(node, out), node);
      return;
    }
    const links = this._links;
    const first = links.firstLink(node);
    if (
      first !== -1 &&
      links.nextLink(first) === -1 &&
      this._visitSoleDevice(links.linkTarget(first), node, visit)
    ) {
      return;
    }
    const parts = this._partLists;
    let count = 0;
    for (let link = first; link !== -1; link = links.nextLink(link)) {
      const part = (parts[count] ??= []);
      if (this._collectPart(links.linkTarget(link), node, part)) count++;
    }
    if (count === 0) return;
    let list = parts[0]!;
    for (let p = 1; p < count; p++) {
      const out = list === this._scratch[0] ? this._scratch[1] : this._scratch[0];
      list = mergeSorted(list, parts[p]!, this._time.data, this._arrival.data, out);
    }
    visit(list, node);
  }

  /**
   * A user with one device, the common case: when the user owns all of the device's
   * touchpoints, visits its list as it is (a list kept per length, as for a device, so
   * that no buffer changes length between persons) and returns true; false when the
   * device is shared with another user, for the general path.
   */
  private _visitSoleDevice(
    device: number,
    user: number,
    visit: (events: number[], person: number) => void,
  ): boolean {
    const length = this._baseCount.data[device]! + (this._pending[device]?.length ?? 0);
    if (length === 0) return true;
    const list = this._deviceList(device, (this._listsByLength[length] ??= Array.from({ length }, () => 0)));
    if (this._owner.data[device] === STALE) this._assignOwners(device, list);
    const owner = this._owner.data[device]!;
    if (owner === MIXED) return false;
    if (owner === user) visit(list, user);
    return true;
  }

  /**
   * A device's touchpoints in (time, arrival) order: its pending list itself when it
   * has no run, else written into `out` (valid until `out` is reused).
   */
  private _deviceList(device: number, out: number[]): number[] {
    const start = this._baseStart.data[device]!;
    const count = this._baseCount.data[device]!;
    const later = this._pending[device];
    if (later === undefined) return fillRun(start, count, out);
    if (count === 0) return later;
    return mergeRun(start, count, later, this._time.data, out);
  }

  /** A person's ids: see `personId.ts` for the id. */
  describePerson(person: number): PersonDescription {
    const id = this._ids[person]!;
    if (!this._isUser[person]) return { personId: toDevicePersonId(id), anonymousIds: [id], userIds: [] };
    const anonymousIds: string[] = [];
    this._links.forEachLinked(person, (device) => anonymousIds.push(this._ids[device]!));
    return { personId: toUserPersonId(id), anonymousIds: anonymousIds.sort(), userIds: [id] };
  }

  /** Writes into `part` the touchpoints of `device` that belong to `user`: false if none. */
  private _collectPart(device: number, user: number, part: number[]): boolean {
    if (this._baseCount.data[device] === 0 && this._pending[device] === undefined) return false;
    const list = this._deviceList(device, part);
    if (list.length === 0) return false;
    if (this._owner.data[device] === STALE) this._assignOwners(device, list);
    const owner = this._owner.data[device]!;
    if (owner === user) {
      if (list !== part) copyInto(list, part);
      return true;
    }
    if (owner !== MIXED) return false;
    const segments = this._segments.get(device)!;
    // `list` may be `part` itself: keep the user's segments in place, in order.
    let k = 0;
    for (let s = 0; s < segments.length; s += 2) {
      if (segments[s + 1] !== user) continue;
      const end = s + 2 < segments.length ? segments[s + 2]! : list.length;
      for (let i = segments[s]!; i < end; i++) part[k++] = list[i]!;
    }
    part.length = k;
    return k > 0;
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
      this._baseStart.push(0);
      this._baseCount.push(0);
      this._pending.push(undefined);
      this._links.addNode();
    }
    return node;
  }
}

/** Copies `from` into `to` (a reused list), replacing what it held. */
function copyInto(from: number[], to: number[]): void {
  to.length = from.length;
  for (let i = 0; i < from.length; i++) to[i] = from[i]!;
}
