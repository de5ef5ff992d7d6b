// Sorted lists of touchpoint positions, ordered by (time, arrival): time first, ties in
// arrival order. A position is not its arrival number once the index has been compacted
// (see `PersonStitcher.compact`): the `arrival` column gives it.

/** Inserts a new position (the last to arrive so far) into a list sorted by (time, arrival). */
export function insertSorted(list: number[], position: number, time: Float64Array): void {
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

/** Merges two lists sorted by (time, arrival) into `out` (neither of them), returned. */
export function mergeSorted(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  time: Float64Array,
  arrival: Uint32Array,
  out: number[] = [],
): number[] {
  if (out.length !== a.length + b.length) out.length = a.length + b.length;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const tx = time[x]!;
    const ty = time[y]!;
    if (tx < ty || (tx === ty && arrival[x]! < arrival[y]!)) {
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

/**
 * Merges the run of positions `start .. start + count - 1` (sorted, all arrived before
 * any of `later`) with `later` (sorted) into `out`, returned. Equal times keep the run first.
 */
export function mergeRun(
  start: number,
  count: number,
  later: ReadonlyArray<number>,
  time: Float64Array,
  out: number[],
): number[] {
  if (out.length !== count + later.length) out.length = count + later.length;
  const end = start + count;
  let i = start;
  let j = 0;
  let k = 0;
  while (i < end && j < later.length) {
    const y = later[j]!;
    if (time[i]! <= time[y]!) out[k++] = i++;
    else {
      out[k++] = y;
      j++;
    }
  }
  while (i < end) out[k++] = i++;
  while (j < later.length) out[k++] = later[j++]!;
  return out;
}

/** Fills `out` with the run `start .. start + count - 1`, returned. */
export function fillRun(start: number, count: number, out: number[]): number[] {
  if (out.length !== count) out.length = count;
  for (let k = 0; k < count; k++) out[k] = start + k;
  return out;
}
