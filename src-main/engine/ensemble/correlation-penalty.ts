/**
 * Portfolio correlation: the weight-averaged correlation of every pair of active strategies,
 * Σ_{i<j} w_i w_j ρ_ij / Σ_{i<j} w_i w_j over pairs where both are active (default: all). It is 0 when
 * fewer than two active strategies carry weight, as there is then no pair to be correlated.
 * `matrix` is n × n row-major (e.g. `CorrelationManager.matrix()`), `weights` the allocation.
 */
export function portfolioCorrelation(
  matrix: ArrayLike<number>,
  weights: ArrayLike<number>,
  active?: ArrayLike<boolean>,
): number {
  const n = weights.length;
  if (matrix.length !== n * n)
    throw new RangeError(`correlation matrix has ${matrix.length} entries, expected ${n} × ${n}`);
  if (active !== undefined && active.length !== n)
    throw new RangeError(`active flags cover ${active.length} strategies, expected ${n}`);
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (active !== undefined && !active[i]) continue;
    const wi = weights[i]!;
    for (let j = i + 1; j < n; j++) {
      if (active !== undefined && !active[j]) continue;
      const pair = wi * weights[j]!;
      weighted += pair * matrix[i * n + j]!;
      total += pair;
    }
  }
  return total > 0 ? weighted / total : 0;
}

/**
 * The spec's correlation penalty: 1 − (corr − threshold) when the portfolio correlation is above the
 * threshold, else 1; clamped to [0, 1] so it can only lower a confidence. With corr ≤ 1 and threshold ≥ 0
 * the clamp never binds; it guards against inputs outside those ranges.
 */
export function correlationPenalty(portfolioCorr: number, threshold: number): number {
  if (!Number.isFinite(portfolioCorr) || !Number.isFinite(threshold))
    throw new RangeError(
      `correlation penalty needs finite numbers, got correlation ${portfolioCorr}, threshold ${threshold}`,
    );
  if (!(portfolioCorr > threshold)) return 1;
  return Math.min(1, Math.max(0, 1 - (portfolioCorr - threshold)));
}

/** The spec's adjusted_confidence = signal.confidence × penalty. */
export function adjustedConfidence(confidence: number, penalty: number): number {
  return confidence * penalty;
}
