import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedWeights } from '../../../src-main/engine/ensemble/bounded-weights';

const list = (w: Float64Array): number[] => Array.from(w);
const sum = (w: ArrayLike<number>): number => Array.from(w).reduce((a, b) => a + b, 0);

describe('boundedWeights', () => {
  it('caps the largest scores and shares the rest proportionally', () => {
    // Scores 1, 2, 3, 4, 10 within [1 %, 25 %]: 10 and 4 cap at 0.25; the remaining 0.5 goes to 1, 2, 3 in
    // proportion (λ = 0.5 / 6 = 1/12), which puts 3 exactly at the cap: 1/12, 2/12, 3/12.
    const { weights, relaxed } = boundedWeights([1, 2, 3, 4, 10], 0.01, 0.25);
    expect(relaxed).toBeNull();
    const expected = [1 / 12, 2 / 12, 0.25, 0.25, 0.25];
    list(weights).forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
  });

  it('gives non-positive scores the minimum and caps again inside the positive ones', () => {
    // −1 and 0 take 0.05 each; 0.9 is left for scores 1 and 3: 0.225 / 0.675, and 0.675 > 0.6 caps at 0.6,
    // leaving 0.3 for score 1.
    const { weights } = boundedWeights([-1, 0, 1, 3], 0.05, 0.6);
    const expected = [0.05, 0.05, 0.3, 0.6];
    list(weights).forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
  });

  it('lifts a tiny positive score to the minimum and renormalises the others', () => {
    // Proportional share of 0.001 is 0.001/4.001 < 0.05: it takes 0.05, the four 1s share 0.95 → 0.2375.
    const { weights } = boundedWeights([0.001, 1, 1, 1, 1], 0.05, 0.5);
    const expected = [0.05, 0.2375, 0.2375, 0.2375, 0.2375];
    list(weights).forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 14));
  });

  it('shares what the capped positive scores leave equally among the non-positive ones', () => {
    // Two positives at the 0.3 cap take 0.6; the other 0.4 is split equally: 0.2 each (above the minimum).
    const { weights } = boundedWeights([1, 1, 0, -2], 0.01, 0.3);
    expect(list(weights)).toEqual([0.3, 0.3, 0.2, 0.2]);
  });

  it('gives equal weights when no score is positive', () => {
    expect(list(boundedWeights([0, -1, -0.5, 0], 0.01, 0.25).weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('treats 4 × 25 % as exactly feasible', () => {
    const { weights, relaxed } = boundedWeights([5, 1, 1, 1], 0.01, 0.25);
    expect(relaxed).toBeNull();
    expect(list(weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('raises an unreachable maximum to 1/n: 3 strategies × 25 % give equal thirds', () => {
    const { weights, relaxed } = boundedWeights([3, 2, 1], 0.01, 0.25);
    expect(relaxed).toBe('max-raised');
    expect(list(weights)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('lowers an unreachable minimum to 1/n: 200 strategies × 1 % give equal weights', () => {
    const scores = Array.from({ length: 200 }, (_, i) => i - 100);
    const { weights, relaxed } = boundedWeights(scores, 0.01, 0.25);
    expect(relaxed).toBe('min-lowered');
    expect(list(weights).every((w) => w === 1 / 200)).toBe(true);
  });

  it('returns no weights for no strategies', () => {
    expect(boundedWeights([], 0.01, 0.25).weights.length).toBe(0);
  });

  it('rejects bad bounds and scores with the field named', () => {
    expect(() => boundedWeights([1], 0.3, 0.2)).toThrow(
      'weight bounds must satisfy 0 ≤ minWeight ≤ maxWeight ≤ 1, got minWeight 0.3, maxWeight 0.2',
    );
    expect(() => boundedWeights([1, Number.NaN], 0.01, 0.5)).toThrow(
      'score of strategy 1 must be a finite number, got NaN',
    );
  });

  const feasible = fc
    .record({
      scores: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 30 }),
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ scores, a, b }) => {
      // Bounds drawn inside the feasible region: min ≤ 1/n ≤ max.
      const n = scores.length;
      return { scores, min: (a * 1) / n, max: 1 / n + b * (1 - 1 / n) };
    });

  it('always sums to 1 within its bounds when they are feasible', () => {
    fc.assert(
      fc.property(feasible, ({ scores, min, max }) => {
        const { weights, relaxed } = boundedWeights(scores, min, max);
        expect(relaxed).toBeNull();
        expect(Math.abs(sum(weights) - 1)).toBeLessThanOrEqual(1e-12);
        for (const w of weights) {
          expect(w).toBeGreaterThanOrEqual(min - 1e-12);
          expect(w).toBeLessThanOrEqual(max + 1e-12);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the order of the scores and is proportional where no bound binds', () => {
    fc.assert(
      fc.property(feasible, ({ scores, min, max }) => {
        const { weights } = boundedWeights(scores, min, max);
        const interior: number[] = [];
        const largest = Math.max(...scores);
        for (let i = 0; i < scores.length; i++) {
          for (let j = 0; j < scores.length; j++) {
            if (scores[i]! > scores[j]! && scores[i]! > 0)
              expect(weights[i]!).toBeGreaterThanOrEqual(weights[j]! - 1e-12);
          }
          const w = weights[i]!;
          if (scores[i]! > 1e-12 * largest && w > min + 1e-9 && w < max - 1e-9)
            interior.push(w / (scores[i]! / largest));
        }
        // One λ for every weight strictly inside the bounds.
        for (const ratio of interior)
          expect(Math.abs(ratio - interior[0]!)).toBeLessThanOrEqual(1e-9 * interior[0]!);
      }),
      { numRuns: 500 },
    );
  });

  it('gives equal weights whenever it has to relax a bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.boolean(),
        (scores, lowMax) => {
          const n = scores.length;
          const [min, max] = lowMax ? [0, 0.99 / n] : [1.01 / n, 1];
          const { weights, relaxed } = boundedWeights(scores, min, max);
          expect(relaxed).toBe(lowMax ? 'max-raised' : 'min-lowered');
          for (const w of weights) expect(w).toBe(1 / n);
        },
      ),
    );
  });
});
