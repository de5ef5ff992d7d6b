/**
 * V8 throws "Map maximum size exceeded" past 2^24 (16.7M) entries, which a 100M-event
 * web project with many one-visit devices passes. Entries per Map, by default half of
 * that ceiling.
 */
const DEFAULT_ENTRIES_PER_MAP = 2 ** 23;

/**
 * A Map without V8's entry ceiling, for the index's per-id tables (devices, users,
 * dictionary values). New keys go to the newest Map; when it is full, another one
 * starts. So a table under 8.4M ids is one plain Map (no cost at all), and a
 * larger one costs one lookup per 8.4M ids, which beats hashing every key into
 * shards up front.
 */
export class LargeMap<K, V> {
  private readonly _maps: Array<Map<K, V>> = [new Map<K, V>()];
  private _size = 0;

  constructor(private readonly _entriesPerMap = DEFAULT_ENTRIES_PER_MAP) {}

  get size(): number {
    return this._size;
  }

  get(key: K): V | undefined {
    const maps = this._maps;
    for (let i = maps.length - 1; i >= 0; i--) {
      const value = maps[i]!.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets a value: replaces the key's value where it is, or adds the key (values must not be undefined). */
  set(key: K, value: V): void {
    for (const map of this._maps) {
      if (map.has(key)) {
        map.set(key, value);
        return;
      }
    }
    let last = this._maps[this._maps.length - 1]!;
    if (last.size >= this._entriesPerMap) this._maps.push((last = new Map<K, V>()));
    last.set(key, value);
    this._size++;
  }

  /** Every entry, in insertion order of the Maps (which is insertion order unless a key was deleted and set again). */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const map of this._maps) yield* map;
  }

  /** Removes a key; true when it was there. */
  delete(key: K): boolean {
    for (const map of this._maps) {
      if (map.delete(key)) {
        this._size--;
        return true;
      }
    }
    return false;
  }
}
