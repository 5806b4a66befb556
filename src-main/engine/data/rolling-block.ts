// The layout of one series' block in RollingStatsBank's Float64Array, and the operations on a whole block
// (scoring against it, recounting it exactly). A block is `RING + window` doubles: the anchor (the shift
// applied to the values), the mean of (x − anchor), Σ (x − mean)², then the ring of values. The series'
// whole numbers (count, the ring's next slot, slides since the last recount) are kept by the caller as
// integers: read from a Float64Array, every index would be converted from a double on each use.

export const ANCHOR = 0;
export const MEAN = 1;
export const M2 = 2;
export const RING = 3;

/** σ at or below this share of |μ| cannot be told from a constant at double precision: it counts as zero. */
export const FLAT_RELATIVE = 1e-12;

/** A departing value that takes more than this share of the window's squared deviations triggers a recount. */
export const CANCELLATION_RATIO = 1 / 1024;

/**
 * Writes z of x = xs[xAt] against the series whose block starts at `at` and holds `n` values into
 * out[index]: (x − μ) / σ with the sample σ (n − 1, through `reciprocal[n − 1]` = 1 / (n − 1)); NaN with
 * fewer than two values; 0 when σ is flat. x is passed by position, not as a number: a double argument of a call that is not inlined is
 * boxed, and the optimiser boxes it before the branch that makes the call, on every value.
 */
export function scoreAt(
  data: Float64Array,
  at: number,
  n: number,
  xs: Float64Array,
  xAt: number,
  reciprocal: Float64Array,
  out: Float64Array,
  index: number,
): void {
  if (n < 2) {
    out[index] = NaN;
    return;
  }
  const x = xs[xAt]!;
  const m2 = data[at + M2]!;
  const sd = Math.sqrt((m2 > 0 ? m2 : 0) * reciprocal[n - 1]!);
  const anchor = data[at + ANCHOR]!;
  const mean = data[at + MEAN]!;
  out[index] = sd === 0 || sd <= FLAT_RELATIVE * Math.abs(anchor + mean) ? 0 : (x - anchor - mean) / sd;
}

/**
 * Adds the value just written at data[slot] to the series whose block starts at `at` and whose window is
 * not full yet (it held `n` values): Welford's update on values shifted by the anchor, which the first
 * value sets.
 */
export function growAt(
  data: Float64Array,
  at: number,
  slot: number,
  n: number,
  reciprocal: Float64Array,
): void {
  const x = data[slot]!;
  if (n === 0) data[at + ANCHOR] = x;
  const shifted = x - data[at + ANCHOR]!;
  const oldMean = data[at + MEAN]!;
  const delta = shifted - oldMean;
  const mean = oldMean + delta * reciprocal[n + 1]!;
  data[at + MEAN] = mean;
  data[at + M2] = data[at + M2]! + delta * (shifted - mean);
}

/**
 * Exact two-pass mean and squared deviations of the full window of the series whose block starts at `at`,
 * anchored at its newest value (at index `newest` of `data`). The caller resets its slides since the last
 * recount.
 */
export function recount(data: Float64Array, at: number, window: number, newest: number): void {
  const ring = at + RING;
  const anchor = data[newest]!;
  let sum = 0;
  for (let k = 0; k < window; k++) sum += data[ring + k]! - anchor;
  const mean = sum / window;
  let m2 = 0;
  for (let k = 0; k < window; k++) {
    const d = data[ring + k]! - anchor - mean;
    m2 += d * d;
  }
  store(data, at, anchor, mean, m2);
}

/**
 * `recount` of the first `count` series listed in `blocks` (block starts) and `newest` (their newest
 * values' indices), three at a time. Each series keeps its own sums in its own order, so the results are
 * bit for bit those of `recount`; running three in one loop lets the processor overlap their addition
 * chains (one series' sum waits on each previous addition, so alone it runs at the adder's latency).
 */
export function recountTogether(
  data: Float64Array,
  window: number,
  blocks: Int32Array,
  newest: Int32Array,
  count: number,
): void {
  let p = 0;
  for (; p + 2 <= count; p += 3) {
    // With two left, the second runs twice: the same results written twice, for the price of a third chain.
    const c = p + 2 < count ? p + 2 : p + 1;
    recountThree(
      data,
      window,
      blocks[p]!,
      newest[p]!,
      blocks[p + 1]!,
      newest[p + 1]!,
      blocks[c]!,
      newest[c]!,
    );
  }
  if (p < count) recount(data, blocks[p]!, window, newest[p]!);
}

function recountThree(
  data: Float64Array,
  window: number,
  atA: number,
  newestA: number,
  atB: number,
  newestB: number,
  atC: number,
  newestC: number,
): void {
  const ringA = atA + RING;
  const ringB = atB + RING;
  const ringC = atC + RING;
  const anchorA = data[newestA]!;
  const anchorB = data[newestB]!;
  const anchorC = data[newestC]!;
  let sumA = 0;
  let sumB = 0;
  let sumC = 0;
  for (let k = 0; k < window; k++) {
    sumA += data[ringA + k]! - anchorA;
    sumB += data[ringB + k]! - anchorB;
    sumC += data[ringC + k]! - anchorC;
  }
  const meanA = sumA / window;
  const meanB = sumB / window;
  const meanC = sumC / window;
  let m2A = 0;
  let m2B = 0;
  let m2C = 0;
  for (let k = 0; k < window; k++) {
    const dA = data[ringA + k]! - anchorA - meanA;
    const dB = data[ringB + k]! - anchorB - meanB;
    const dC = data[ringC + k]! - anchorC - meanC;
    m2A += dA * dA;
    m2B += dB * dB;
    m2C += dC * dC;
  }
  store(data, atA, anchorA, meanA, m2A);
  store(data, atB, anchorB, meanB, m2B);
  store(data, atC, anchorC, meanC, m2C);
}

function store(data: Float64Array, at: number, anchor: number, mean: number, m2: number): void {
  data[at + ANCHOR] = anchor;
  data[at + MEAN] = mean;
  data[at + M2] = m2;
}
