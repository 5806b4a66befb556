import { describe, expect, it } from 'vitest';
import {
  PerInstrumentLogic,
  signal,
  unit,
  type Verdict,
} from '../../../../src-main/engine/strategies/base-a/per-instrument';
import type { Bar, InstrumentSpec } from '../../../../src-shared/domain/market';
import { flatBar, snapshotOf } from '../../../helpers/snapshot';
import { spec } from '../base-a-fixtures';

/** Buys every instrument from its second bar on; counts the states it creates. */
class SecondBarBuyer extends PerInstrumentLogic<{ bars: number }> {
  created: string[] = [];
  protected createState(s: InstrumentSpec) {
    this.created.push(s.id);
    return { bars: 0 };
  }
  protected step(state: { bars: number }, bar: Bar): Verdict {
    state.bars += 1;
    if (state.bars < 2) return 'warming up';
    // From the fourth bar the reason changes: a new signal, once.
    return this.signal(bar.instrument, 'buy', 2, state.bars < 4 ? 'second bar' : 'fourth bar on');
  }
}

describe('PerInstrumentLogic', () => {
  const specs = [spec('A', 'crypto'), spec('B', 'crypto'), spec('P', 'prediction')];

  it('refuses a subclass whose step is a field (the frame reads step before fields exist), naming it', () => {
    class FieldStep extends PerInstrumentLogic<null> {
      protected createState() {
        return null;
      }
      protected step = (): Verdict => 'never';
    }
    expect(() => new FieldStep(['crypto'])).toThrow(
      new TypeError('FieldStep: step must be a method of the class, not a field'),
    );
  });

  it('judges each instrument of its classes on its own; signals win over another instrument’s warm-up', () => {
    const logic = new SecondBarBuyer(['crypto']);
    const first = logic.evaluate(
      snapshotOf(0, [flatBar('A', 0, 1), flatBar('P', 0, 0.5)], { instruments: specs }),
    );
    expect(first).toEqual({ signals: [], abstain: 'A: warming up' });
    const second = logic.evaluate(
      snapshotOf(1, [flatBar('A', 1, 1), flatBar('B', 1, 1), flatBar('P', 1, 0.5)], { instruments: specs }),
    );
    // A buys (confidence clamped to 1); B is warming up; P is not traded.
    expect(second).toEqual({
      signals: [{ instrument: 'A', action: 'buy', confidence: 1, reason: 'second bar' }],
      abstain: null,
    });
    expect(logic.created).toEqual(['A', 'B']); // no state for the prediction contract
  });

  it('picks up an instrument listed after the start (no details on its first bar)', () => {
    const logic = new SecondBarBuyer(['crypto']);
    expect(logic.evaluate(snapshotOf(0, [flatBar('N', 0, 1)])).abstain).toBe(
      'no bar of an instrument in its asset classes (crypto) at this step',
    );
    logic.evaluate(snapshotOf(1, [flatBar('N', 1, 1)], { instruments: [spec('N', 'crypto')] }));
    expect(
      logic.evaluate(snapshotOf(2, [flatBar('N', 2, 1)], { instruments: [spec('N', 'crypto')] })).signals,
    ).toHaveLength(1);
  });

  it('hands out the same signal and decision while the view is unchanged, a new one when it changes', () => {
    const logic = new SecondBarBuyer(['crypto']);
    const step = (t: number) => logic.evaluate(snapshotOf(t, [flatBar('A', t, 1)], { instruments: specs }));
    step(0);
    const second = step(1);
    const third = step(2);
    const fourth = step(3);
    expect(third).toBe(second);
    expect(fourth).not.toBe(third);
    expect(fourth.signals[0]).toEqual({
      instrument: 'A',
      action: 'buy',
      confidence: 1,
      reason: 'fourth bar on',
    });
    expect(step(4).signals[0]).toBe(fourth.signals[0]);
  });

  it('signal: hold always carries confidence 0; confidences are clamped to [0, 1], NaN to 0', () => {
    expect(signal('A', 'hold', 0.7, 'r').confidence).toBe(0);
    expect([unit(-1), unit(0.25), unit(3), unit(NaN), unit(Infinity)]).toEqual([0, 0.25, 1, 0, 1]);
  });
});
