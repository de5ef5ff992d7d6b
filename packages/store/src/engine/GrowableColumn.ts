type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** An append-only typed array that doubles its capacity when full. */
export class GrowableColumn<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private _type: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new _type(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this._grow(Math.max(1024, this.length * 2));
    this.data[this.length] = value;
    return this.length++;
  }

  /** Sets a value at an index, growing (zero-filled) if needed. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this._grow(Math.max(index + 1, this.data.length * 2));
    this.data[index] = value;
    if (index >= this.length) this.length = index + 1;
  }

  /** The filled part, as a view (no copy): what a snapshot saves. */
  get values(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /**
   * Takes `values` as the column's content, of their type (a snapshot's, see
   * `indexSnapshot.ts`): kept as they are, copied only when the next push grows the column.
   */
  restore(values: T): void {
    this._type = values.constructor as TypedArrayConstructor<T>;
    this.data = values;
    this.length = values.length;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  /**
   * Copies the column into a wider type (Uint16 → Uint32, say) from now on: a column
   * of small ids starts narrow and widens once, instead of wrapping a value past its type.
   */
  widen(type: TypedArrayConstructor<T>): void {
    this._type = type;
    this._grow(this.data.length);
  }

  /**
   * Reorders the filled part: cell i takes the value cell `order[i]` held (`order`, a
   * permutation of 0..length-1). The capacity becomes `capacity`: by default the length
   * and an eighth (room before the next doubling, not a doubling's slack).
   */
  permute(order: Uint32Array, capacity = Math.max(1024, order.length + (order.length >>> 3))): void {
    if (order.length !== this.length) throw new RangeError('permute: the order must cover every cell');
    const from = this.data;
    const next = new this._type(Math.max(capacity, order.length));
    for (let i = 0; i < order.length; i++) next[i] = from[order[i]!]!;
    this.data = next;
  }

  private _grow(capacity: number): void {
    const next = new this._type(capacity);
    next.set(this.data);
    this.data = next;
  }
}
