// Sorted lists of touchpoint positions, ordered by (time, position): time first, ties in arrival order.

/** Inserts a new position (the largest so far) into a list sorted by (time, position). */
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

/** Merges two lists sorted by (time, position) into `out` (neither of them), returned. */
export function mergeSorted(a: number[], b: number[], time: Float64Array, out: number[] = []): number[] {
  out.length = a.length + b.length;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const tx = time[x]!;
    const ty = time[y]!;
    if (tx < ty || (tx === ty && x < y)) {
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
