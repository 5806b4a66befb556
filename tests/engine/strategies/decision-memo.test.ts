import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src-shared/domain/strategy';
import { DecisionMemo } from '../../../src-main/engine/strategies/decision-memo';
import { SlotMemo } from '../../../src-main/engine/slot-memo';

const signal = (reason: string): Signal => ({ instrument: 'A', action: 'buy', confidence: 1, reason });

describe('DecisionMemo', () => {
  it('returns the previous decision object while the same signal objects are given', () => {
    const memo = new DecisionMemo();
    const s = signal('x');
    memo.begin();
    memo.add(s);
    const first = memo.end('unused');
    memo.begin();
    memo.add(s);
    expect(memo.end('unused')).toBe(first);
    expect(first).toEqual({ signals: [s], abstain: null });
  });

  it('makes a new decision when a signal changes, is added or is dropped, and never changes a given one', () => {
    const memo = new DecisionMemo();
    const [a, b] = [signal('a'), signal('b')];
    memo.begin();
    memo.add(a);
    const one = memo.end('');
    memo.begin();
    memo.add(a);
    memo.add(b);
    const two = memo.end('');
    memo.begin();
    memo.add(b);
    const other = memo.end('');
    expect(one.signals).toEqual([a]);
    expect(two.signals).toEqual([a, b]);
    expect(other.signals).toEqual([b]);
  });

  it('compares every signal of a longer step: the same objects reuse the decision, one other signal does not', () => {
    const memo = new DecisionMemo();
    const [a, b, c] = [signal('a'), signal('b'), signal('c')];
    const step = (...signals: Signal[]) => {
      memo.begin();
      signals.forEach((s) => memo.add(s));
      return memo.end('');
    };
    const ab = step(a, b);
    expect(step(a, b)).toBe(ab);
    const ac = step(a, c);
    expect(ac).not.toBe(ab);
    expect(ac).toEqual({ signals: [a, c], abstain: null });
    expect(ab).toEqual({ signals: [a, b], abstain: null });
    // The same first signal after an abstaining step is a new decision too.
    memo.begin();
    const abstained = memo.end('');
    expect(abstained).toEqual({ signals: [], abstain: '' });
    const again = step(a, c);
    expect(again).not.toBe(ac);
    expect(again).toEqual(ac);
  });

  it('abstains with the reason when no signal was added, reusing the decision while the reason is equal', () => {
    const memo = new DecisionMemo();
    memo.begin();
    const first = memo.end('warming up: 1/3 bars');
    memo.begin();
    expect(memo.end(`warming up: ${1}/3 bars`)).toBe(first);
    memo.begin();
    expect(memo.end('warming up: 2/3 bars')).toEqual({ signals: [], abstain: 'warming up: 2/3 bars' });
  });
});

describe('SlotMemo', () => {
  it('gives what was remembered at a position only for the same instrument', () => {
    const memo = new SlotMemo<number | null>();
    memo.remember(2, 'B', null);
    expect(memo.at(2, 'B')).toBeNull();
    expect(memo.at(2, 'A')).toBeUndefined();
    expect(memo.at(0, 'B')).toBeUndefined();
    memo.remember(0, 'A', 7);
    expect(memo.at(0, 'A')).toBe(7);
  });
});
