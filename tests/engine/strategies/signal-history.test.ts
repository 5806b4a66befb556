import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src-shared/domain/strategy';
import { SignalHistory } from '../../../src-main/engine/strategies/signal-history';

const POOL: Signal[] = ['buy', 'sell', 'hold'].map((action, i) => ({
  instrument: 'A',
  action: action as Signal['action'],
  confidence: 0,
  reason: `#${i}`,
}));

describe('SignalHistory', () => {
  it('keeps the last 3 of a b b b c c a, oldest first (runs trimmed from the front)', () => {
    const [a, b, c] = POOL as [Signal, Signal, Signal];
    const history = new SignalHistory(3);
    for (const s of [a, b, b, b, c, c, a]) history.add(s);
    expect(history.list()).toEqual([c, c, a]);
    expect(history.list()[0]).toBe(c);
  });

  it('equals the last `capacity` signals added, for any sequence with repeats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }),
        (capacity, picks) => {
          const history = new SignalHistory(capacity);
          const added: Signal[] = [];
          for (const pick of picks) {
            history.add(POOL[pick]!);
            added.push(POOL[pick]!);
            expect(history.list()).toEqual(added.slice(-capacity));
          }
        },
      ),
    );
  });
});
