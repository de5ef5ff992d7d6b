/**
 * The median of the first `length` values (mean of the two middle ones for an even
 * count), by quickselect: linear time, where sorting a million values would cost
 * more than the funnel scan itself. Reorders the array.
 */
export function median(values: Float64Array, length = values.length): number | null {
  if (length === 0) return null;
  const upper = select(values, length, length >> 1);
  if (length % 2 === 1) return upper;
  // After selecting the upper middle, the lower middle is the largest value left of it.
  let lower = -Infinity;
  for (let i = 0; i < length >> 1; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest of values[0..length), leaving smaller values before it (Hoare). */
function select(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (left < right) {
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}
