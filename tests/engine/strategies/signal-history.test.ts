import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src-shared/domain/strategy';
import { SignalHistory } from '../../../src-main/engine/strategies/signal-history';

const signal = (reason: string): Signal => ({ instrument: 'A', action: 'buy', confidence: 0, reason });
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(signal) as [Signal, Signal, Signal, Signal];
/** Lists as strategies hand them out: one object per decision, repeated while the decision stands. */
const POOL: readonly (readonly Signal[])[] = [[a], [b, c], [d], [], [a, b, c]];

describe('SignalHistory', () => {
  it('keeps the last 4 of [a] [b c] [b c] [b c] [d], oldest first (the oldest list cut at the start of the window)', () => {
    const history = new SignalHistory(4);
    for (const list of [POOL[0]!, POOL[1]!, POOL[1]!, POOL[1]!, POOL[2]!]) history.add(list);
    expect(history.list()).toEqual([c, b, c, d]);
    expect(history.list()[0]).toBe(c);
  });

  it('holds only the lists the window needs: 3-signal lists in a window of 4 keep 2 lists, not 4', () => {
    const history = new SignalHistory(4);
    for (let step = 0; step < 5; step++) history.add([a, b, c]);
    expect(history.heldLists).toBe(2);
    expect(history.list()).toEqual([c, a, b, c]);
  });

  it('equals the last `capacity` signals added, for any sequence of repeated and new lists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(
          fc.record({
            pick: fc.integer({ min: 0, max: POOL.length - 1 }),
            /** Added this many times in one call (a standing decision recorded late). */
            times: fc.integer({ min: 1, max: 12 }),
          }),
          { maxLength: 60 },
        ),
        (capacity, steps) => {
          const history = new SignalHistory(capacity);
          const added: Signal[] = [];
          const lists: (readonly Signal[])[] = [];
          for (const { pick, times } of steps) {
            history.add(POOL[pick]!, times);
            for (let k = 0; k < times; k++) {
              added.push(...POOL[pick]!);
              if (POOL[pick]!.length > 0) lists.push(POOL[pick]!);
            }
            expect(history.list()).toEqual(added.slice(-capacity));
            // Exactly the fewest newest lists that cover the window (all of them while they do not).
            let held = 0;
            for (let covered = 0; held < lists.length && covered < capacity; held++)
              covered += lists[lists.length - 1 - held]!.length;
            expect(history.heldLists).toBe(held);
          }
        },
      ),
    );
  });
});
