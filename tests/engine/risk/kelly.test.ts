import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KellyEstimator,
  fullKelly,
  sizePosition,
  type SizingInput,
} from '../../../src-main/engine/risk/kelly';

describe('fullKelly', () => {
  it('is (b·p − q) / b (hand-computed)', () => {
    // p 0.6, b 1: (0.6 − 0.4) / 1 = 0.2.  p 0.5, b 2: (1 − 0.5) / 2 = 0.25.
    expect(fullKelly(0.6, 1)).toBeCloseTo(0.2, 12);
    expect(fullKelly(0.5, 2)).toBeCloseTo(0.25, 12);
  });

  it('never bets on a negative edge, and is p without losses', () => {
    expect(fullKelly(0.4, 1)).toBe(0); // (0.4 − 0.6) / 1 < 0
    expect(fullKelly(0.7, 0)).toBe(0);
    expect(fullKelly(1, Number.POSITIVE_INFINITY)).toBe(1);
    expect(() => fullKelly(1.2, 1)).toThrow('win rate must be between 0 and 1, got 1.2');
  });
});

describe('KellyEstimator', () => {
  it('estimates p and b from the closed trades and shrinks below minTrades (hand-computed)', () => {
    const k = new KellyEstimator({ windowTrades: 100, minTrades: 10 });
    [0.02, 0.04, -0.01, -0.03, 0.03].forEach((r) => k.record(r));
    // Wins 0.02, 0.04, 0.03 (mean 0.03); losses 0.01, 0.03 (mean 0.02): p = 0.6, b = 1.5,
    // f* = (1.5·0.6 − 0.4) / 1.5 = 1/3; 5 of 10 trades → shrinkage 0.5 → 1/6.
    const e = k.estimate();
    expect(e).toMatchObject({ trades: 5, wins: 3, losses: 2, winRate: 0.6 });
    expect(e.payoff).toBeCloseTo(1.5, 12);
    expect(e.fullKelly).toBeCloseTo(1 / 3, 12);
    expect(e.shrinkage).toBe(0.5);
    expect(e.kelly).toBeCloseTo(1 / 6, 12);
  });

  it('starts at 0, ignores break-even trades, and gives f* = 1 before any loss', () => {
    const k = new KellyEstimator({ windowTrades: 10, minTrades: 4 });
    expect(k.estimate()).toMatchObject({ trades: 0, winRate: 0, payoff: null, fullKelly: 0, kelly: 0 });
    k.record(0);
    expect(k.estimate().trades).toBe(0);
    k.record(0.01);
    expect(k.estimate()).toMatchObject({
      trades: 1,
      fullKelly: 1,
      shrinkage: 0.25,
      kelly: 0.25,
      payoff: null,
    });
    const losing = new KellyEstimator({ windowTrades: 10, minTrades: 1 });
    losing.record(-0.01);
    expect(losing.estimate()).toMatchObject({ wins: 0, losses: 1, fullKelly: 0, kelly: 0 });
  });

  it('forgets trades older than its window', () => {
    const k = new KellyEstimator({ windowTrades: 3, minTrades: 3 });
    [-0.05, -0.05, -0.05, 0.02, 0.02].forEach((r) => k.record(r));
    // Holds −0.05, 0.02, 0.02: p = 2/3, b = 0.4, f* = (0.4·2/3 − 1/3) / 0.4 < 0 → 0.
    expect(k.estimate()).toMatchObject({ trades: 3, wins: 2, losses: 1, fullKelly: 0 });
    k.record(0.02);
    // Holds three wins: f* = 1.
    expect(k.estimate()).toMatchObject({ wins: 3, losses: 0, fullKelly: 1, kelly: 1 });
  });

  it('never rises when a loss is added (while the window still holds every trade)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { maxLength: 60 }),
        fc.double({ min: 1e-6, max: 0.1, noNaN: true }),
        fc.integer({ min: 1, max: 80 }),
        (trades, loss, minTrades) => {
          const k = new KellyEstimator({ windowTrades: 200, minTrades });
          trades.forEach((t) => k.record(t));
          const before = k.estimate().kelly;
          k.record(-loss);
          expect(k.estimate().kelly).toBeLessThanOrEqual(before + 1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches the identity f* = mean return / mean win on a positive edge', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((x) => x / 1e4),
          { minLength: 1, maxLength: 50 },
        ),
        (trades) => {
          const k = new KellyEstimator({ windowTrades: 50, minTrades: 1 });
          trades.forEach((t) => k.record(t));
          const kept = trades.filter((t) => t !== 0);
          const wins = kept.filter((t) => t > 0);
          if (kept.length === 0 || wins.length === 0) return;
          const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
          const meanWin = wins.reduce((a, b) => a + b, 0) / wins.length;
          expect(k.estimate().fullKelly).toBeCloseTo(Math.max(0, mean / meanWin), 9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects bad configuration and trades', () => {
    expect(() => new KellyEstimator({ windowTrades: 0, minTrades: 1 })).toThrow(
      'windowTrades must be a whole number ≥ 1, got 0',
    );
    expect(() => new KellyEstimator({ windowTrades: 10, minTrades: 11 })).toThrow(
      'minTrades must be a whole number from 1 to windowTrades (10), got 11',
    );
    expect(() => new KellyEstimator({ windowTrades: 10, minTrades: 5 }).record(Number.NaN)).toThrow(
      'trade return must be a finite number, got NaN',
    );
  });
});

const base: SizingInput = {
  equity: 100_000,
  kelly: 0.4,
  kellyFraction: 0.25,
  confidence: 0.8,
  breakerMultiplier: 0.5,
  correlationAdjustment: 0.9,
  minFraction: 0.01,
  maxFraction: 0.15,
  price: 100,
  lotSize: 1,
};

describe('sizePosition', () => {
  it('multiplies quarter Kelly by confidence, breaker and correlation (hand-computed)', () => {
    // 0.4 × 0.25 × 0.8 × 0.5 × 0.9 = 0.036 → 3 600 of 100 000 → 36 units at 100.
    expect(sizePosition(base)).toEqual({
      fraction: 0.036,
      notional: 3600,
      qty: 36,
      rawFraction: expect.closeTo(0.036, 12) as number,
      reasonIfZero: null,
    });
  });

  it('caps at the maximum fraction and treats an omitted confidence as 1', () => {
    // 1 × 0.25 = 25 % → capped at 15 % = 15 000 → 150 units.
    const s = sizePosition({
      ...base,
      kelly: 1,
      confidence: undefined,
      breakerMultiplier: 1,
      correlationAdjustment: 1,
    });
    expect(s).toMatchObject({ fraction: 0.15, notional: 15_000, qty: 150, rawFraction: 0.25 });
  });

  it('trades nothing below the minimum, saying why', () => {
    // 0.1 × 0.25 × 0.8 × 0.5 × 0.8 = 0.008 < 1 %.
    const s = sizePosition({ ...base, kelly: 0.1, correlationAdjustment: 0.8 });
    expect(s).toMatchObject({ fraction: 0, qty: 0, notional: 0 });
    expect(s.reasonIfZero).toBe(
      'size 0.80 % of equity is below the 1.00 % minimum (Kelly 10.00 % × 0.25 × confidence 0.80 × breaker 0.5 × correlation 0.80)',
    );
    expect(sizePosition({ ...base, breakerMultiplier: 0 }).reasonIfZero).toMatch(/^size 0\.00 % of equity/);
  });

  it('trades nothing when whole lots fall below the minimum', () => {
    // 1.2 % of 100 000 = 1 200 buys one lot at 700: 0.7 % < 1 %.
    const s = sizePosition({
      ...base,
      kelly: 0.048,
      confidence: 1,
      breakerMultiplier: 1,
      correlationAdjustment: 1,
      price: 700,
    });
    expect(s.qty).toBe(0);
    expect(s.reasonIfZero).toBe('whole lots of 1 at 700 leave 0.70 % of equity, below the 1.00 % minimum');
    expect(sizePosition({ ...base, price: 30_000 }).reasonIfZero).toBe(
      'whole lots of 1 at 30000 leave 0.00 % of equity, below the 1.00 % minimum',
    );
  });

  it('sizes nothing without equity', () => {
    expect(sizePosition({ ...base, equity: -5 }).reasonIfZero).toBe('no equity to size a position against');
  });

  it('rejects bad input, naming the field', () => {
    expect(() => sizePosition({ ...base, confidence: 1.2 })).toThrow(
      'confidence must be between 0 and 1, got 1.2',
    );
    expect(() => sizePosition({ ...base, kelly: Number.NaN })).toThrow(
      'kelly must be between 0 and 1, got NaN',
    );
    expect(() => sizePosition({ ...base, minFraction: 0.2 })).toThrow(
      'minFraction 0.2 must not exceed maxFraction 0.15',
    );
    expect(() => sizePosition({ ...base, price: 0 })).toThrow('price must be positive, got 0');
    expect(() => sizePosition({ ...base, lotSize: -1 })).toThrow('lotSize must be positive, got -1');
    expect(() => sizePosition({ ...base, equity: Number.NaN })).toThrow('equity must be a number, got NaN');
  });

  it('always sizes 0 or a whole number of lots within [min, max] of equity', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          equity: fc.double({ min: 1, max: 1e9, noNaN: true }),
          kelly: unit,
          kellyFraction: unit,
          confidence: unit,
          breakerMultiplier: unit,
          correlationAdjustment: unit,
          minFraction: fc.double({ min: 0, max: 0.1, noNaN: true }),
          maxFraction: fc.double({ min: 0.1, max: 1, noNaN: true }),
          price: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
          lotSize: fc.constantFrom(1e-3, 0.01, 1, 10, 100),
        }),
        (input) => {
          const s = sizePosition(input);
          if (s.qty === 0) {
            expect(s.fraction).toBe(0);
            expect(s.reasonIfZero).not.toBeNull();
            return;
          }
          expect(s.reasonIfZero).toBeNull();
          expect(s.notional).toBeLessThanOrEqual(input.maxFraction * input.equity);
          expect(s.fraction).toBeGreaterThanOrEqual(input.minFraction);
          expect(s.fraction).toBeLessThanOrEqual(s.rawFraction * (1 + 1e-12));
          const lots = s.qty / input.lotSize;
          expect(Math.abs(lots - Math.round(lots))).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
