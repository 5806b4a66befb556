/**
 * Writes the rank (1 = smallest) of each value into `out`; tied values share the average of the ranks
 * they span, as Spearman's coefficient requires (e.g. [5, 1, 5] → [2.5, 1, 2.5]). `order` is scratch space
 * of the same length, so a caller ranking many series allocates it once. O(n log n).
 */
export function averageRanks(values: ArrayLike<number>, out: Float64Array, order: Uint32Array): void {
  const n = values.length;
  if (out.length < n || order.length < n)
    throw new RangeError(`rank buffers hold ${Math.min(out.length, order.length)} values, need ${n}`);
  for (let i = 0; i < n; i++) order[i] = i;
  const view = order.subarray(0, n);
  view.sort((a, b) => values[a]! - values[b]! || a - b);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[view[end]!] === values[view[start]!]) end += 1;
    // Positions start … end−1 hold equal values: ranks start+1 … end, whose average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[view[k]!] = rank;
    start = end;
  }
}

/**
 * Pearson correlation from the sums of two paired series of n values. 0 when n < 2 or either series
 * (nearly) does not vary: a variance below 1e-12 of the series' raw second moment counts as none, since
 * running sums leave that much rounding noise and a correlation of noise is meaningless. Clamped to [−1, 1].
 */
export function pearsonFromSums(
  n: number,
  sumX: number,
  sumY: number,
  sumXX: number,
  sumYY: number,
  sumXY: number,
): number {
  if (n < 2) return 0;
  const varX = sumXX - (sumX * sumX) / n;
  const varY = sumYY - (sumY * sumY) / n;
  if (!(varX > 1e-12 * sumXX) || !(varY > 1e-12 * sumYY)) return 0;
  const r = (sumXY - (sumX * sumY) / n) / Math.sqrt(varX * varY);
  return Math.max(-1, Math.min(1, r));
}
