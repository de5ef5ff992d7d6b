import { describe, expect, it } from 'vitest';
import { IndexSnapshot, SnapshotError } from './IndexSnapshot.js';

function roundTrip(snapshot: IndexSnapshot) {
  return IndexSnapshot.decode<{ v: number }>(Buffer.concat(snapshot.encode({ v: 1 })));
}

describe('IndexSnapshot', () => {
  it('gives back every column, string table and number as saved, columns as views on the file', () => {
    const saved = new IndexSnapshot();
    saved.arrays.set('time', Float64Array.from([1.5, -2, 1e15]));
    saved.arrays.set('odd', Uint8Array.from([1, 2, 3])); // padding after a 3-byte section
    saved.arrays.set('channel', Uint16Array.from([0, 65_535]));
    saved.arrays.set('empty', new Int32Array(0));
    // Ids are free-form: the empty string, U+0000 (which forces the JSON form), non-ASCII.
    saved.strings.set('ids', ['', 'device-1', 'é😀']);
    saved.strings.set('nul', ['a\u0000b', '']);
    saved.strings.set('none', []);
    saved.strings.set('one empty', ['']);
    saved.numbers.set('lastSeq', 42);
    const { meta, snapshot } = roundTrip(saved);
    expect(meta).toEqual({ v: 1 });
    for (const [name, array] of saved.arrays) expect(snapshot.arrays.get(name), name).toEqual(array);
    for (const [name, list] of saved.strings) expect(snapshot.strings.get(name), name).toEqual(list);
    expect(snapshot.number('lastSeq')).toBe(42);
    expect(() => snapshot.array('time', Uint32Array)).toThrow(SnapshotError);
  });

  it('refuses what it did not write, and a truncated file', () => {
    expect(() => IndexSnapshot.decode(Buffer.from('PARCOURS-INDEX-0\n'))).toThrow(SnapshotError);
    const saved = new IndexSnapshot();
    saved.arrays.set('time', new Float64Array(100));
    const bytes = Buffer.concat(saved.encode({}));
    expect(() => IndexSnapshot.decode(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
  });
});
