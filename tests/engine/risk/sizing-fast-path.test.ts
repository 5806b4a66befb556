import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnsembleDecision } from '../../../src-main/engine/ensemble/types';
import { sizedQty, sizePosition, type SizingInput } from '../../../src-main/engine/risk/kelly';
import { PositionSizer } from '../../../src-main/engine/risk/position-sizer';

// The engine sizes every decision with the quantity-only paths (sizedQty, PositionSizer.targetQty) and
// builds the full record only for an order: both must give exactly the full path's quantity, or its error.

/** The result of `run`, or the message it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1.2));
const inputArb: fc.Arbitrary<SizingInput> = fc.record({
  equity: fc.oneof(fc.double({ min: -1e3, max: 1e7, noNaN: true }), fc.constant(Number.NaN)),
  kelly: unit,
  kellyFraction: unit,
  confidence: fc.option(unit, { nil: undefined }),
  breakerMultiplier: unit,
  correlationAdjustment: unit,
  minFraction: fc.constantFrom(0, 0.01, 0.2),
  maxFraction: fc.constantFrom(0.15, 1),
  price: fc.oneof(fc.double({ min: 1e-3, max: 1e5, noNaN: true }), fc.constant(0)),
  lotSize: fc.constantFrom(1, 0.001, 10, 0),
});

describe('sizing: the quantity-only paths', () => {
  it('sizedQty is sizePosition(input).qty, errors included', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(outcome(() => sizedQty(input))).toEqual(outcome(() => sizePosition(input).qty));
      }),
      { numRuns: 2000 },
    );
  });

  it('PositionSizer.targetQty is target(…).targetQty for every decision, position and exposure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.2, max: 0.3, noNaN: true }), { maxLength: 8 }),
        fc.constantFrom<EnsembleDecision['action']>('buy', 'sell', 'hold'),
        fc.constantFrom<EnsembleDecision['outcome']>('decided', 'tie', 'no-votes'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -400, max: 400 }),
        fc.double({ min: 0, max: 2e5, noNaN: true }),
        (trades, action, voteOutcome, confidence, currentQty, otherNotional) => {
          const sizer = new PositionSizer({
            kellyFraction: 0.5,
            minTrades: 2,
            windowTrades: 50,
            minFractionOfEquity: 0.01,
            maxFractionOfEquity: 0.3,
            maxGrossFractionOfEquity: 1,
          });
          for (const r of trades) sizer.kelly.record(r);
          const decision: EnsembleDecision = {
            instrument: 'X',
            method: 'weighted_average',
            action,
            confidence,
            score: 0,
            outcome: voteOutcome,
            breakdown: [],
          };
          const ctx = {
            equity: 100_000,
            price: 50,
            lotSize: 1,
            currentQty,
            breakerMultiplier: 1,
            positions: [{ instrument: 'Y', notional: otherNotional }],
          };
          expect(sizer.targetQty(decision, ctx)).toBe(sizer.target(decision, ctx).targetQty);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
