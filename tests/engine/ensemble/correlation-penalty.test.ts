import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustedConfidence,
  correlationPenalty,
  portfolioCorrelation,
} from '../../../src-main/engine/ensemble/correlation-penalty';

// Three strategies: ρ01 = 0.8, ρ02 = 0.2, ρ12 = −0.4.
const M = [1, 0.8, 0.2, 0.8, 1, -0.4, 0.2, -0.4, 1];

describe('portfolioCorrelation', () => {
  it('weight-averages the pairwise correlations (hand-computed)', () => {
    // Weights 0.5, 0.3, 0.2 → pair weights 0.15, 0.10, 0.06;
    // (0.15·0.8 + 0.10·0.2 + 0.06·(−0.4)) / 0.31 = 0.116 / 0.31 ≈ 0.374194.
    expect(portfolioCorrelation(M, [0.5, 0.3, 0.2])).toBeCloseTo(0.116 / 0.31, 12);
  });

  it('counts only pairs of active strategies, and is 0 without a pair', () => {
    expect(portfolioCorrelation(M, [0.5, 0.3, 0.2], [true, true, false])).toBeCloseTo(0.8, 12);
    expect(portfolioCorrelation(M, [0.5, 0.3, 0.2], [true, false, false])).toBe(0);
    expect(portfolioCorrelation([1], [1])).toBe(0);
  });

  it('rejects a matrix or flags of the wrong size', () => {
    expect(() => portfolioCorrelation([1, 0, 0, 1], [0.5, 0.3, 0.2])).toThrow(
      'correlation matrix has 4 entries, expected 3 × 3',
    );
    expect(() => portfolioCorrelation(M, [0.5, 0.3, 0.2], [true])).toThrow(
      'active flags cover 1 strategies, expected 3',
    );
  });
});

describe('correlationPenalty', () => {
  it('is 1 − (corr − threshold) above the threshold and 1 at or below it (hand-computed)', () => {
    expect(correlationPenalty(0.85, 0.7)).toBeCloseTo(0.85, 12);
    expect(correlationPenalty(0.7, 0.7)).toBe(1);
    expect(correlationPenalty(-0.5, 0.7)).toBe(1);
    expect(correlationPenalty(1, 0)).toBe(0);
    // adjusted_confidence = 0.8 × 0.85 = 0.68.
    expect(adjustedConfidence(0.8, correlationPenalty(0.85, 0.7))).toBeCloseTo(0.68, 12);
  });

  it('never raises a confidence and stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (corr, threshold, confidence) => {
          const penalty = correlationPenalty(corr, threshold);
          expect(penalty).toBeGreaterThanOrEqual(0);
          expect(penalty).toBeLessThanOrEqual(1);
          expect(adjustedConfidence(confidence, penalty)).toBeLessThanOrEqual(confidence);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rejects a non-finite correlation or threshold', () => {
    expect(() => correlationPenalty(Number.NaN, 0.7)).toThrow(
      'correlation penalty needs finite numbers, got correlation NaN, threshold 0.7',
    );
  });
});
