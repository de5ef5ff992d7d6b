import type { IndexSnapshot } from './IndexSnapshot.js';
import { LargeMap } from './LargeMap.js';

/** Interns strings as small integers, so the index stores numbers, not strings. */
export class Dictionary {
  private readonly _ids = new LargeMap<string, number>();
  readonly values: string[] = [];

  /** The id of a value, adding it if new. */
  intern(value: string): number {
    let id = this._ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this._ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of a value, or -1 when the index has never seen it. */
  find(value: string): number {
    return this._ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  save(snapshot: IndexSnapshot, name: string): void {
    snapshot.strings.set(name, this.values);
  }

  /** Takes the values a snapshot saved (into an empty dictionary): same values, same ids. */
  restore(snapshot: IndexSnapshot, name: string): void {
    for (const value of snapshot.stringList(name)) this.intern(value);
  }
}
