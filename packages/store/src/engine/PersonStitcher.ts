import { toDevicePersonId, toUserPersonId } from '../personId.js';
import { GrowableColumn } from './GrowableColumn.js';
import { insertSorted, mergeSorted } from './sortedPositions.js';

/** A person's ids, as drop-off lists show them. */
export interface PersonDescription {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
}

/**
 * Who each touchpoint belongs to (issue 13: two user ids never merge through a
 * shared device). A device's touchpoints follow its links (its identifies and its
 * touchpoints carrying a user id): a touchpoint belongs to the user of the latest
 * link at or before it, in (time, arrival) order; touchpoints before the device's
 * first link belong to the first linked user; a device never linked is its own
 * anonymous person. A person is thus one user id (the segments of all devices
 * assigned to it) or one never-identified device.
 *
 * Each device keeps its own sorted positions. A device's owner segments and each
 * user's merged list are derived lazily and cached until a link or a touchpoint
 * touches one of its devices, so a late link re-assigns correctly and a query still
 * walks one sorted list per person. A user with one device that is theirs alone
 * shares that device's list: no copy.
 */
export class PersonStitcher {
  private readonly _deviceNodes = new Map<string, number>();
  private readonly _userNodes = new Map<string, number>();
  /** Node → the anonymous id or user id it stands for. */
  private readonly _ids: string[] = [];
  private readonly _isUser: boolean[] = [];
  /** Touchpoint position → user node + 1 of the user id it carries, 0 when none. */
  private readonly _carried = new GrowableColumn(Uint32Array);
  /** Device node → its touchpoint positions, sorted by (time, position). */
  private readonly _deviceEvents: Array<number[] | undefined> = [];
  /** Device node → its identifies as flat (time, next position, user node) triples, sorted. */
  private readonly _identifies = new Map<number, number[]>();
  /** Device node → users it linked to; user node → devices linked to it. */
  private readonly _linked = new Map<number, number[]>();
  /** Device node → (start index in its list, owner user node) pairs; fresh only. */
  private readonly _segments = new Map<number, number[]>();
  /** User node → its touchpoints, sorted; fresh only. */
  private readonly _userEvents = new Map<number, number[]>();
  private readonly _staleDevices = new Set<number>();

  constructor(private readonly _time: GrowableColumn<Float64Array>) {}

  get byteLength(): number {
    return this._carried.byteLength;
  }

  /** Registers touchpoint `position` (the next one) of a device, carrying a (trusted) user id or not. */
  addTouchpoint(position: number, anonymousId: string, userId: string | undefined): void {
    const device = this._node(this._deviceNodes, anonymousId, false);
    const user = userId === undefined ? -1 : this._node(this._userNodes, userId, true);
    this._carried.push(user + 1);
    if (user !== -1) this._link(device, user);
    insertSorted((this._deviceEvents[device] ??= []), position, this._time.data);
    this._touch(device);
  }

  /**
   * Registers an identify (or any link that is not a touchpoint): it takes effect for
   * touchpoints at `time` from position `nextPosition` on (those that arrived after it).
   */
  addLink(anonymousId: string, userId: string, time: number, nextPosition: number): void {
    const device = this._node(this._deviceNodes, anonymousId, false);
    const user = this._node(this._userNodes, userId, true);
    this._link(device, user);
    const triples = this._identifies.get(device) ?? [];
    let at = triples.length;
    while (at > 0 && triples[at - 3]! > time) at -= 3; // out-of-order identifies are rare
    triples.splice(at, 0, time, nextPosition, user);
    this._identifies.set(device, triples);
    this._touch(device);
  }

  /** Calls `visit` for every person with at least one touchpoint; `person` is a unique key. */
  forEachPerson(visit: (events: number[], person: number) => void): void {
    this._refresh();
    for (let node = 0; node < this._ids.length; node++) {
      const list = this._isUser[node]
        ? this._eventsOfUser(node)
        : this._linked.has(node)
          ? undefined
          : this._deviceEvents[node];
      if (list !== undefined && list.length > 0) visit(list, node);
    }
  }

  /** A person's ids: see `personId.ts` for the id. */
  describePerson(person: number): PersonDescription {
    const id = this._ids[person]!;
    if (!this._isUser[person]) return { personId: toDevicePersonId(id), anonymousIds: [id], userIds: [] };
    const anonymousIds = (this._linked.get(person) ?? []).map((device) => this._ids[device]!).sort();
    return { personId: toUserPersonId(id), anonymousIds, userIds: [id] };
  }

  private _link(device: number, user: number): void {
    const users = this._linked.get(device);
    if (users === undefined) this._linked.set(device, [user]);
    else if (!users.includes(user)) users.push(user);
    else return;
    const devices = this._linked.get(user);
    if (devices === undefined) this._linked.set(user, [device]);
    else devices.push(device);
  }

  private _touch(device: number): void {
    this._staleDevices.add(device);
  }

  /** Drops what a change on a device made stale: its segments and its users' lists. */
  private _refresh(): void {
    for (const device of this._staleDevices) {
      this._segments.delete(device);
      for (const user of this._linked.get(device) ?? []) this._userEvents.delete(user);
    }
    this._staleDevices.clear();
  }

  /** The device's owner segments: one linear walk of its touchpoints and identifies. */
  private _segmentsOf(device: number): number[] {
    let segments = this._segments.get(device);
    if (segments !== undefined) return segments;
    segments = [];
    const list = this._deviceEvents[device] ?? [];
    const identifies = this._identifies.get(device) ?? [];
    const time = this._time.data;
    const carried = this._carried.data;
    // An identify (t, p) precedes touchpoint q when earlier, or at the same time and arrived before it.
    const precedes = (j: number, q: number) =>
      identifies[j]! < time[q]! || (identifies[j] === time[q] && identifies[j + 1]! <= q);
    let first = 0;
    while (first < list.length && carried[list[first]!] === 0) first++;
    let owner =
      identifies.length > 0 && (first === list.length || precedes(0, list[first]!))
        ? identifies[2]!
        : first < list.length
          ? carried[list[first]!]! - 1
          : -1;
    let j = 0;
    for (let i = 0; i < list.length; i++) {
      const q = list[i]!;
      while (j < identifies.length && precedes(j, q)) {
        owner = identifies[j + 2]!;
        j += 3;
      }
      if (carried[q] !== 0) owner = carried[q]! - 1;
      if (segments.length === 0 || segments[segments.length - 1] !== owner) segments.push(i, owner);
    }
    this._segments.set(device, segments);
    return segments;
  }

  /** A user's touchpoints: their segments of every linked device, merged. */
  private _eventsOfUser(user: number): number[] {
    let merged = this._userEvents.get(user);
    if (merged !== undefined) return merged;
    const parts: number[][] = [];
    for (const device of this._linked.get(user) ?? []) {
      const list = this._deviceEvents[device];
      if (list === undefined) continue;
      const segments = this._segmentsOf(device);
      if (segments.length === 2 && segments[1] === user) {
        parts.push(list); // the whole device is theirs: share its list
        continue;
      }
      const own: number[] = [];
      for (let s = 0; s < segments.length; s += 2) {
        if (segments[s + 1] !== user) continue;
        const end = s + 2 < segments.length ? segments[s + 2]! : list.length;
        for (let i = segments[s]!; i < end; i++) own.push(list[i]!);
      }
      if (own.length > 0) parts.push(own);
    }
    const time = this._time.data;
    merged = parts.length === 0 ? [] : parts.reduce((a, b) => mergeSorted(a, b, time));
    this._userEvents.set(user, merged);
    return merged;
  }

  private _node(nodes: Map<string, number>, id: string, isUser: boolean): number {
    let node = nodes.get(id);
    if (node === undefined) {
      node = this._ids.length;
      nodes.set(id, node);
      this._ids.push(id);
      this._isUser.push(isUser);
    }
    return node;
  }
}
