import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CorrelationManager,
  windowLength,
  type CorrelationConfig,
} from '../../../src-main/engine/ensemble/correlation-manager';
import { averageRanks, pearsonFromSums } from '../../../src-main/engine/ensemble/ranks';

const MINUTE = 60_000;

/** Textbook two-pass Pearson, the reference the incremental sums are checked against. */
function referencePearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  // A series that does not vary (up to rounding of its mean) has no correlation: 0, as in the code.
  return sxx < 1e-20 || syy < 1e-20 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Reference ranks by counting: rank = 1 + (values below) + (ties − 1) / 2. */
function referenceRanks(v: number[]): number[] {
  return v.map((x) => 1 + v.filter((y) => y < x).length + (v.filter((y) => y === x).length - 1) / 2);
}

const config = (patch: Partial<CorrelationConfig> = {}): CorrelationConfig => ({
  strategyCount: 3,
  windowMinutes: 5,
  barIntervalMs: MINUTE,
  refreshMinutes: 60,
  method: 'pearson',
  minSamples: 3,
  ...patch,
});

// x = 1…5, y = 2, 4, 5, 4, 5: deviations from the means (3 and 4) are −2…2 and −2, 0, 1, 0, 1, so
// Σdxdy = 6, Σdx² = 10, Σdy² = 6 and r = 6 / √60 ≈ 0.774597. z = −x gives −1.
// Spearman: y's ranks are 1, 2.5, 4.5, 2.5, 4.5 (ties averaged); against 1…5: Σdxdy = 7, Σdy² = 9,
// ρ = 7 / √90 ≈ 0.737865.
const X = [1, 2, 3, 4, 5];
const Y = [2, 4, 5, 4, 5];
const Z = X.map((x) => -x);

function fed(patch: Partial<CorrelationConfig>): CorrelationManager {
  const m = new CorrelationManager(config(patch));
  X.forEach((_, t) => m.update(t * MINUTE, [X[t]!, Y[t]!, Z[t]!]));
  m.refresh(5 * MINUTE); // the hourly schedule would not refresh again yet
  return m;
}

describe('windowLength', () => {
  it('is the number of bars the window spans: round(window / interval)', () => {
    expect(windowLength(60, MINUTE)).toBe(60);
    expect(windowLength(60, 30_000)).toBe(120);
    expect(windowLength(60, 7 * MINUTE)).toBe(9);
  });
});

describe('averageRanks', () => {
  it('averages the ranks of ties', () => {
    const out = new Float64Array(5);
    averageRanks(Y, out, new Uint32Array(5));
    expect(Array.from(out)).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
  });

  it('matches ranking by counting', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }), (v) => {
        const out = new Float64Array(v.length);
        averageRanks(v, out, new Uint32Array(v.length));
        expect(Array.from(out)).toEqual(referenceRanks(v));
      }),
    );
  });

  it('refuses buffers that are too short', () => {
    expect(() => averageRanks([1, 2, 3], new Float64Array(2), new Uint32Array(3))).toThrow(
      'rank buffers hold 2 values, need 3',
    );
  });
});

describe('pearsonFromSums', () => {
  it('is 0 for fewer than two values or a series that does not vary', () => {
    expect(pearsonFromSums(1, 1, 1, 1, 1, 1)).toBe(0);
    // x = 2, 2, 2 and y = 1, 2, 3.
    expect(pearsonFromSums(3, 6, 6, 12, 14, 12)).toBe(0);
  });
});

describe('CorrelationManager', () => {
  it('gives the hand-computed Pearson correlations', () => {
    const m = fed({});
    expect(m.correlation(0, 1)).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(m.correlation(1, 0)).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(m.correlation(0, 2)).toBeCloseTo(-1, 12);
    expect(m.correlation(2, 2)).toBe(1);
    expect(m.livePearson(1, 2)).toBeCloseTo(-6 / Math.sqrt(60), 12);
    expect(m.samples).toBe(5);
    expect(m.length).toBe(5);
    // Row-major, symmetric, diagonal 1.
    const matrix = Array.from(m.matrix());
    expect(matrix[1]).toBe(matrix[3]);
    expect([matrix[0], matrix[4], matrix[8]]).toEqual([1, 1, 1]);
  });

  it('gives the hand-computed Spearman correlations', () => {
    const m = fed({ method: 'spearman' });
    expect(m.correlation(0, 1)).toBeCloseTo(7 / Math.sqrt(90), 12);
    expect(m.correlation(0, 2)).toBeCloseTo(-1, 12);
  });

  it('keeps the cached matrix until refreshMinutes of engine time have passed', () => {
    const m = new CorrelationManager(config({ refreshMinutes: 60 }));
    // The first update refreshes (too few samples: 0); later ones within the hour leave the cache alone.
    expect(m.update(0, [1, 2, -1])).toBe(true);
    expect(m.lastRefresh).toBe(0);
    for (let t = 1; t < 5; t++) expect(m.update(t * MINUTE, [X[t]!, Y[t]!, Z[t]!])).toBe(false);
    expect(m.correlation(0, 2)).toBe(0);
    expect(m.livePearson(0, 2)).not.toBe(0);
    expect(m.update(60 * MINUTE, [6, 5, -6])).toBe(true);
    expect(m.lastRefresh).toBe(60 * MINUTE);
    // Window now holds X[1…4], Y[1…4], Z[1…4] plus (6, 5, −6): x and z move exactly opposite.
    expect(m.correlation(0, 2)).toBeCloseTo(-1, 12);
    m.refresh(61 * MINUTE);
    expect(m.lastRefresh).toBe(61 * MINUTE);
  });

  it('gives 0 until the window holds minSamples returns and for a strategy whose returns do not vary', () => {
    const m = new CorrelationManager(config({ minSamples: 4 }));
    for (let t = 0; t < 3; t++) m.update(t * MINUTE, [X[t]!, Y[t]!, 0]);
    m.refresh(3 * MINUTE);
    expect(m.correlation(0, 1)).toBe(0);
    m.update(3 * MINUTE, [X[3]!, Y[3]!, 0]);
    m.refresh(4 * MINUTE);
    expect(m.correlation(0, 1)).not.toBe(0);
    expect(m.correlation(0, 2)).toBe(0);
  });

  it('matches two-pass Pearson and Spearman over a rolling window of random returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 3,
          maxLength: 40,
        }),
        fc.integer({ min: 3, max: 12 }),
        (rows, windowBars) => {
          const returns = rows.map(([a, b]) => [a / 1000, b / 1000 + 0.01]);
          const pearson = new CorrelationManager(
            config({ strategyCount: 2, windowMinutes: windowBars, refreshMinutes: 1e-9 }),
          );
          const spearman = new CorrelationManager(
            config({ strategyCount: 2, windowMinutes: windowBars, refreshMinutes: 1e-9, method: 'spearman' }),
          );
          returns.forEach((r, t) => {
            pearson.update(t * MINUTE, r);
            spearman.update(t * MINUTE, r);
            const held = returns.slice(Math.max(0, t + 1 - windowBars), t + 1);
            if (held.length < 3) return;
            const x = held.map((h) => h[0]!);
            const y = held.map((h) => h[1]!);
            expect(pearson.correlation(0, 1)).toBeCloseTo(referencePearson(x, y), 9);
            expect(spearman.correlation(0, 1)).toBeCloseTo(
              referencePearson(referenceRanks(x), referenceRanks(y)),
              9,
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not drift over a long run of returns far from zero', () => {
    const m = new CorrelationManager(config({ strategyCount: 2, windowMinutes: 30 }));
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const x: number[] = [];
    const y: number[] = [];
    for (let t = 0; t < 200_000; t++) {
      const a = 1e4 + next();
      const b = 1e4 + 0.5 * (a - 1e4) + next();
      x.push(a);
      y.push(b);
      m.update(t * MINUTE, [a, b]);
    }
    expect(m.livePearson(0, 1)).toBeCloseTo(referencePearson(x.slice(-30), y.slice(-30)), 9);
  });

  it('rejects bad configuration and input with a clear message', () => {
    expect(() => new CorrelationManager(config({ windowMinutes: 2 }))).toThrow(
      'a correlation window of 2 minutes holds 2 bars of 60 s; it needs at least 3',
    );
    expect(() => new CorrelationManager(config({ minSamples: 6 }))).toThrow(
      "minSamples must be a whole number from 3 to the window's 5 bars, got 6",
    );
    expect(() => new CorrelationManager(config({ strategyCount: 0 }))).toThrow(
      'strategyCount must be a whole number ≥ 1, got 0',
    );
    expect(() => new CorrelationManager(config({ barIntervalMs: 0 }))).toThrow(
      'windowMinutes, barIntervalMs and refreshMinutes must be positive, got 5, 0, 60',
    );
    const m = new CorrelationManager(config());
    expect(() => m.update(0, [1, 2])).toThrow('expected 3 strategy returns, got 2');
    expect(() => m.update(0, [1, Number.NaN, 2])).toThrow(
      'return of strategy 1 must be a finite number, got NaN',
    );
    expect(() => m.update(Number.NaN, [1, 2, 3])).toThrow('update time must be finite, got NaN');
    expect(() => m.correlation(0, 3)).toThrow('strategy index 3 is outside 0…2');
  });
});
