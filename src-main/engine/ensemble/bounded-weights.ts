/** Why the allocation could not keep the configured bounds, or null when it kept them. */
export type BoundsRelaxation =
  | null
  /** n · minWeight > 1: the minimum is lowered to 1/n, which leaves equal weights. */
  | 'min-lowered'
  /** n · maxWeight < 1: the maximum is raised to 1/n, which leaves equal weights. */
  | 'max-raised';

export interface BoundedWeights {
  weights: Float64Array;
  relaxed: BoundsRelaxation;
}

/** Slack for comparing n · bound with 1, so that 4 × 0.25 counts as exactly feasible. */
const FEASIBILITY_SLACK = 1e-12;

/** Scores at or below this share of the largest score count as non-positive. */
const NEGLIGIBLE_SCORE = 1e-12;

/**
 * Turns scores into weights that sum to 1, each within [minWeight, maxWeight]:
 * - a score ≤ 0 gets the minimum (so does one below 1e-12 of the largest score: zero at that scale);
 * - positive scores get clamp(λ · score, min, max) with the one λ that makes the total 1 (water-filling:
 *   the result of clamping and renormalising until every bound holds, found exactly in one sorted sweep);
 * - if every positive score sits at the maximum and weight is still left over, the remainder is shared
 *   equally by the non-positive ones (they are indistinguishable), which stays within the bounds;
 * - with no positive score at all, weights are equal.
 * When the bounds cannot all hold (n · min > 1 or n · max < 1) the violated bound is relaxed to 1/n, the
 * smallest change that makes them feasible; it forces equal weights, and `relaxed` says which bound moved.
 * Throws a RangeError on a non-finite score or bounds outside 0 ≤ min ≤ max ≤ 1.
 */
export function boundedWeights(
  scores: ArrayLike<number>,
  minWeight: number,
  maxWeight: number,
): BoundedWeights {
  if (!(minWeight >= 0 && minWeight <= maxWeight && maxWeight <= 1))
    throw new RangeError(
      `weight bounds must satisfy 0 ≤ minWeight ≤ maxWeight ≤ 1, got minWeight ${minWeight}, maxWeight ${maxWeight}`,
    );
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i]))
      throw new RangeError(`score of strategy ${i} must be a finite number, got ${scores[i]}`);
  }
  const weights = new Float64Array(n);
  if (n === 0) return { weights, relaxed: null };
  if (n * minWeight > 1 + FEASIBILITY_SLACK) return { weights: weights.fill(1 / n), relaxed: 'min-lowered' };
  if (n * maxWeight < 1 - FEASIBILITY_SLACK) return { weights: weights.fill(1 / n), relaxed: 'max-raised' };

  // Proportional weights do not depend on the scale of the scores; dividing by the largest keeps λ finite.
  // A score below 1e-12 of the largest is indistinguishable from zero at that scale (and would need a λ
  // beyond floating-point range): it counts as non-positive.
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, scores[i]!);
  if (largest === 0) return { weights: weights.fill(1 / n), relaxed: null };
  const scaled = Array.from(scores, (s) => s / largest);
  const positive: number[] = [];
  for (let i = 0; i < n; i++) if (scaled[i]! > NEGLIGIBLE_SCORE) positive.push(i);
  const nonPositive = n - positive.length;

  const budget = 1 - nonPositive * minWeight;
  if (positive.length * maxWeight <= budget) {
    // Every positive score is capped; the rest goes equally to the others (n · max ≥ 1 keeps it ≤ max).
    const rest = nonPositive === 0 ? 0 : (1 - positive.length * maxWeight) / nonPositive;
    for (let i = 0; i < n; i++) weights[i] = scaled[i]! > NEGLIGIBLE_SCORE ? maxWeight : rest;
    return { weights, relaxed: null };
  }

  const lambda = waterLevel(scaled, positive, minWeight, maxWeight, budget);
  for (let i = 0; i < n; i++) {
    const s = scaled[i]!;
    weights[i] = s > NEGLIGIBLE_SCORE ? Math.min(maxWeight, Math.max(minWeight, lambda * s)) : minWeight;
  }
  return { weights, relaxed: null };
}

/**
 * The λ at which Σ clamp(λ · s_i, min, max) over the positive scores equals `budget`. The sum is piecewise
 * linear and non-decreasing in λ, with breakpoints at min/s_i (s_i starts growing) and max/s_i (it stops
 * at max). A binary search over the sorted breakpoints finds the segment where the sum crosses the budget;
 * on it the sum is constant + λ · slope, both summed afresh (a running slope would lose tiny scores to
 * cancellation). The caller guarantees |P| · min ≤ budget < |P| · max, so the level exists.
 */
function waterLevel(
  scores: ArrayLike<number>,
  positive: readonly number[],
  min: number,
  max: number,
  budget: number,
): number {
  const total = (lambda: number): number => {
    let sum = 0;
    for (const i of positive) sum += Math.min(max, Math.max(min, lambda * scores[i]!));
    return sum;
  };
  const breakpoints = [0];
  for (const i of positive) breakpoints.push(min / scores[i]!, max / scores[i]!);
  breakpoints.sort((a, b) => a - b);
  // Smallest k with total(breakpoints[k]) ≥ budget; total(last) = |P| · max > budget, so k exists.
  let lo = 0;
  let hi = breakpoints.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (total(breakpoints[mid]!) >= budget) hi = mid;
    else lo = mid + 1;
  }
  const right = breakpoints[lo]!;
  if (lo === 0) return right;
  const left = breakpoints[lo - 1]!;
  let constant = 0;
  let slope = 0;
  for (const i of positive) {
    const s = scores[i]!;
    if (max / s <= left) constant += max;
    else if (min / s >= right) constant += min;
    else slope += s;
  }
  return slope > 0 ? (budget - constant) / slope : right;
}
