/**
 * The first `limit` rows of a stream in a given order, without sorting the stream: a
 * max-heap holding the best rows so far, its worst on top. O(n log limit), so a page
 * of a million persons costs one pass.
 */
export class FirstRows<T> {
  private readonly _heap: T[] = [];

  constructor(
    private readonly _limit: number,
    private readonly _compare: (a: T, b: T) => number,
  ) {}

  /** True when `row` would be kept: call it before building an expensive row. */
  wouldKeep(row: T): boolean {
    return this._heap.length < this._limit || this._compare(row, this._heap[0]!) < 0;
  }

  offer(row: T): void {
    if (!this.wouldKeep(row)) return;
    const heap = this._heap;
    if (heap.length < this._limit) {
      heap.push(row);
      this._siftUp(heap.length - 1);
    } else {
      heap[0] = row;
      this._siftDown(0);
    }
  }

  /** The rows kept, best first. */
  sorted(): T[] {
    return [...this._heap].sort(this._compare);
  }

  private _siftUp(i: number): void {
    const heap = this._heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this._compare(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private _siftDown(i: number): void {
    const heap = this._heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this._compare(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && this._compare(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}
