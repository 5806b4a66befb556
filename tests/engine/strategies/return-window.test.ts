import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReturnWindow } from '../../../src-main/engine/strategies/return-window';

/** Every return written to its slot (return t in slot t mod length), as the window reads them. */
function eagerRing(returns: readonly number[], length: number): number[] {
  const ring = new Array<number>(Math.min(returns.length, length)).fill(0);
  returns.forEach((r, t) => {
    if (t % length < ring.length) ring[t % length] = r;
  });
  return ring;
}

describe('ReturnWindow', () => {
  it('gives the Sharpe of the last 4 of 7 returns, zeros written late, in slot order', () => {
    const window = new ReturnWindow(4);
    for (const r of [0.3, 0, 0, 0.1, 0, 0, 0.2]) window.add(r);
    // Return t goes to slot t mod 4: slot 0 holds t=4 (0), slot 1 t=5 (0), slot 2 t=6 (0.2), slot 3 t=3 (0.1).
    // [0, 0, 0.2, 0.1]: mean 0.075, sample sd sqrt((2·0.075² + 0.125² + 0.025²) / 3) = 0.0957427 → 0.783349.
    expect(window.sharpe()).toBeCloseTo(0.783349, 6);
    expect(window.latest).toBe(0.2);
  });

  it('reads the latest return as 0 after zeros, before and after the Sharpe is read', () => {
    const window = new ReturnWindow(3);
    window.add(0.5);
    window.add(0);
    expect(window.latest).toBe(0);
    window.sharpe();
    expect(window.latest).toBe(0);
    window.add(-0.25);
    expect(window.latest).toBe(-0.25);
  });

  it('gives the same Sharpe, bit for bit, as a ring written every bar, read at any steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(
          fc.record({
            r: fc.oneof(fc.constant(0), fc.constant(0), fc.double({ min: -0.1, max: 0.1, noNaN: true })),
            read: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (length, steps) => {
          const window = new ReturnWindow(length);
          const added: number[] = [];
          for (const { r, read } of steps) {
            window.add(r);
            added.push(r);
            expect(window.latest).toBe(r === 0 ? 0 : r);
            if (!read) continue;
            const ring = eagerRing(added, length);
            const n = ring.length;
            let expected: number | null = null;
            if (n >= 2) {
              const mean = ring.reduce((sum, x) => sum + x, 0) / n;
              const sd = Math.sqrt(ring.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1));
              expected = sd > 1e-9 * Math.abs(mean) ? mean / sd : null;
            }
            expect(window.sharpe()).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
