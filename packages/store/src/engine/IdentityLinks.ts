import { GrowableColumn } from './GrowableColumn.js';
import type { IndexSnapshot } from './IndexSnapshot.js';

/**
 * The links `PersonStitcher` walks, in typed columns rather than per-node objects
 * (a person has about fifteen touchpoints: per-person objects would cost more than
 * the touchpoints): which user id each touchpoint carries, which users each device
 * linked to (and back), and each device's identifies sorted by (time, arrival).
 * Lists are chained records: `head[node]` is the first, `next[record]` the following, -1 ends.
 */
export class IdentityLinks {
  /** Touchpoint position → the user node it carries + 1, 0 when none. */
  private readonly _carried = new GrowableColumn(Uint32Array);
  /** Node → its first link record; a record names the other node. */
  private readonly _linkHead = new GrowableColumn(Int32Array);
  private readonly _linkTo = new GrowableColumn(Int32Array);
  private readonly _linkNext = new GrowableColumn(Int32Array);
  /** Device node → its earliest identify record. */
  private readonly _identifyHead = new GrowableColumn(Int32Array);
  private readonly _identifyTime = new GrowableColumn(Float64Array);
  /** The arrival number of the next touchpoint when the identify arrived: it precedes that one and later ones. */
  private readonly _identifyPosition = new GrowableColumn(Int32Array);
  private readonly _identifyUser = new GrowableColumn(Int32Array);
  private readonly _identifyNext = new GrowableColumn(Int32Array);

  constructor(
    private readonly _time: GrowableColumn<Float64Array>,
    private readonly _arrival: GrowableColumn<Uint32Array>,
  ) {}

  /** Every column, by its name in a snapshot. */
  private get _columns(): Record<string, GrowableColumn<Uint32Array | Int32Array | Float64Array>> {
    return {
      carried: this._carried,
      linkHead: this._linkHead,
      linkTo: this._linkTo,
      linkNext: this._linkNext,
      identifyHead: this._identifyHead,
      identifyTime: this._identifyTime,
      identifyPosition: this._identifyPosition,
      identifyUser: this._identifyUser,
      identifyNext: this._identifyNext,
    };
  }

  save(snapshot: IndexSnapshot): void {
    for (const [name, column] of Object.entries(this._columns))
      snapshot.arrays.set(`links.${name}`, column.values);
  }

  restore(snapshot: IndexSnapshot): void {
    for (const [name, column] of Object.entries(this._columns)) {
      const type = column.data.constructor as {
        new (length: number): Uint32Array | Int32Array | Float64Array;
      };
      column.restore(snapshot.array(`links.${name}`, type));
    }
  }

  get byteLength(): number {
    return [
      this._carried,
      this._linkHead,
      this._linkTo,
      this._linkNext,
      this._identifyHead,
      this._identifyTime,
      this._identifyPosition,
      this._identifyUser,
      this._identifyNext,
    ].reduce((sum, column) => sum + column.byteLength, 0);
  }

  addNode(): void {
    this._linkHead.push(-1);
    this._identifyHead.push(-1);
  }

  /** The next touchpoint, of `device`, carrying `user` (-1: none). */
  addTouchpoint(device: number, user: number): void {
    this._carried.push(user + 1);
    if (user !== -1) this._link(device, user);
  }

  /** An identify of `device` as `user` at `time`, arrived before touchpoint number `nextArrival`. */
  addIdentify(device: number, user: number, time: number, nextArrival: number): void {
    this._link(device, user);
    const record = this._identifyTime.push(time);
    this._identifyPosition.push(nextArrival);
    this._identifyUser.push(user);
    // Arrival order breaks ties, and this one arrived last: after every identify at or before `time`.
    const next = this._identifyNext;
    let previous = -1;
    let current = this._identifyHead.data[device]!;
    while (current !== -1 && this._identifyTime.data[current]! <= time) {
      previous = current;
      current = next.data[current]!;
    }
    next.push(current);
    if (previous === -1) this._identifyHead.data[device] = record;
    else next.data[previous] = record;
  }

  /** Follows a reordering of the touchpoint positions (see `GrowableColumn.permute`). */
  permuteTouchpoints(order: Uint32Array): void {
    this._carried.permute(order);
  }

  isLinked(node: number): boolean {
    return this._linkHead.data[node] !== -1;
  }

  /** The first link of `node` (-1: none): with `nextLink` and `linkTarget`, a walk that allocates nothing. */
  firstLink(node: number): number {
    return this._linkHead.data[node]!;
  }

  /** The link after `link` of the same node, or -1. */
  nextLink(link: number): number {
    return this._linkNext.data[link]!;
  }

  /** The node a link leads to. */
  linkTarget(link: number): number {
    return this._linkTo.data[link]!;
  }

  /** Calls `visit` with every node linked to `node` (a device's users, a user's devices). */
  forEachLinked(node: number, visit: (other: number) => void): void {
    for (let r = this._linkHead.data[node]!; r !== -1; r = this._linkNext.data[r]!)
      visit(this._linkTo.data[r]!);
  }

  /** The user node a touchpoint carries, or -1. */
  carriedUser(position: number): number {
    return this._carried.data[position]! - 1;
  }

  firstIdentify(device: number): number {
    return this._identifyHead.data[device]!;
  }

  nextIdentify(record: number): number {
    return this._identifyNext.data[record]!;
  }

  identifyUser(record: number): number {
    return this._identifyUser.data[record]!;
  }

  /** Whether an identify comes before a touchpoint: earlier, or as early and arrived before it. */
  precedes(record: number, position: number): boolean {
    const t = this._identifyTime.data[record]!;
    const time = this._time.data[position]!;
    return t < time || (t === time && this._identifyPosition.data[record]! <= this._arrival.data[position]!);
  }

  /** The user of a linked device's earliest link, an identify or a touchpoint (`list`: its sorted touchpoints). */
  firstUser(device: number, list: number[]): number {
    let first = 0;
    while (first < list.length && this._carried.data[list[first]!] === 0) first++;
    const identify = this._identifyHead.data[device]!;
    if (identify !== -1 && (first === list.length || this.precedes(identify, list[first]!))) {
      return this._identifyUser.data[identify]!;
    }
    return first < list.length ? this.carriedUser(list[first]!) : -1;
  }

  private _link(a: number, b: number): void {
    for (let r = this._linkHead.data[a]!; r !== -1; r = this._linkNext.data[r]!) {
      if (this._linkTo.data[r] === b) return;
    }
    this._addRecord(a, b);
    this._addRecord(b, a);
  }

  private _addRecord(from: number, to: number): void {
    const record = this._linkTo.push(to);
    this._linkNext.push(this._linkHead.data[from]!);
    this._linkHead.data[from] = record;
  }
}
