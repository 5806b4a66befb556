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
    return state.bars < 2 ? 'warming up' : signal(bar.instrument, 'buy', 2, 'second bar');
  }
}

describe('PerInstrumentLogic', () => {
  const specs = [spec('A', 'crypto'), spec('B', 'crypto'), spec('P', 'prediction')];

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

  it('signal: hold always carries confidence 0; confidences are clamped to [0, 1], NaN to 0', () => {
    expect(signal('A', 'hold', 0.7, 'r').confidence).toBe(0);
    expect([unit(-1), unit(0.25), unit(3), unit(NaN), unit(Infinity)]).toEqual([0, 0.25, 1, 0, 1]);
  });
});
