import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src-main/engine/risk/circuit-breaker';
import { RiskManager } from '../../src-main/engine/risk/risk-manager';

const levels = [
  { drawdown: 0.05, sizeMultiplier: 0.5 },
  { drawdown: 0.1, sizeMultiplier: 0.5 },
  { drawdown: 0.15, sizeMultiplier: 0 },
] as const;
const limits = { minFractionOfEquity: 0.01, maxFractionOfEquity: 0.15 };

function manager(equity = 100_000) {
  return new RiskManager(limits, new CircuitBreaker({ levels, cooldownMs: 0 }, { equity }));
}

describe('RiskManager', () => {
  it('while halted passes only reductions and cuts a reversal to a close', () => {
    const risk = manager();
    risk.breaker.halt('manual', 1);
    expect(risk.approve(100, -150)).toEqual({ ok: true, qty: -100 });
    expect(risk.approve(100, -40)).toEqual({ ok: true, qty: -40 });
    expect(risk.approve(-20, 5)).toEqual({ ok: true, qty: 5 });
    expect(risk.approve(100, 10)).toEqual({
      ok: false,
      reason: 'trading halted by the trader: manual; only reducing orders pass',
    });
    expect(risk.approve(0, 5)).toMatchObject({ ok: false });
  });

  it('at level 3 refuses opening orders', () => {
    const risk = manager();
    risk.breaker.onEquity(80_000, 1);
    expect(risk.approve(0, 5)).toEqual({
      ok: false,
      reason: 'circuit breaker level 3: trading stopped; only reducing orders pass',
    });
  });

  it('never lets a blocked breaker grow a position (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (current, delta) => {
          const risk = manager();
          risk.breaker.halt('property', 0);
          const decision = risk.approve(current, delta);
          if (decision.ok) expect(Math.abs(current + decision.qty)).toBeLessThan(Math.abs(current));
        },
      ),
    );
  });

  it('never lets level 3 grow a position, forced or by drawdown (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.boolean(),
        (current, delta, forced) => {
          const risk = manager();
          if (forced) risk.breaker.force(3, 60_000, 'property', 0);
          else risk.breaker.onEquity(80_000, 0);
          const decision = risk.approve(current, delta);
          if (decision.ok) expect(Math.abs(current + decision.qty)).toBeLessThan(Math.abs(current));
        },
      ),
    );
  });
});
