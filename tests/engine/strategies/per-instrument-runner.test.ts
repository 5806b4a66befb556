import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import {
  PerInstrumentRunner,
  standingSignal,
  type InstrumentState,
} from '../../../src-main/engine/strategies/base-b-support';
import { flatBar, snapshotOf } from '../../helpers/snapshot';
import { spec } from './base-b-fixtures';

/** Buys once it has seen two bars; says which class judged the bar in the reason. */
class Buyer implements InstrumentState {
  seen = 0;
  readonly warmUp: number = 2;
  constructor(protected readonly id: string) {}
  update(bar: Bar): Signal | null {
    this.seen += 1;
    return this.seen < this.warmUp ? null : standingSignal(this.id, 'buy', 1, `buyer ${bar.close}`);
  }
}

/** Another state class, with its own update (a strategy whose factory mixes classes): sells from its first bar. */
class Seller extends Buyer {
  override readonly warmUp = 1;
  override update(bar: Bar): Signal | null {
    this.seen += 1;
    return standingSignal(this.id, 'sell', 1, `seller ${bar.close}`);
  }
}

const reasons = (runner: PerInstrumentRunner, time: number, closes: Record<string, number>) =>
  runner
    .evaluate(
      snapshotOf(
        time,
        Object.entries(closes).map(([id, close]) => flatBar(id, time, close)),
        { instruments: ['A', 'B', 'C'].map((id) => spec(id, 'equity')) },
      ),
    )
    .signals.map((s) => `${s.instrument}: ${s.reason}`);

describe('PerInstrumentRunner', () => {
  it('feeds each instrument its own state, warming up per instrument', () => {
    const runner = new PerInstrumentRunner(['equity'], (s) => new Buyer(s.id));
    expect(
      runner.evaluate(snapshotOf(1, [flatBar('A', 1, 10)], { instruments: [spec('A', 'equity')] })),
    ).toEqual({
      signals: [],
      abstain: 'warming up: A 1/2 bars',
    });
    expect(reasons(runner, 2, { A: 11, B: 20 })).toEqual(['A: buyer 11']);
    expect(reasons(runner, 3, { A: 12, B: 21 })).toEqual(['A: buyer 12', 'B: buyer 21']);
  });

  it('calls each state’s own update when its states are of different classes', () => {
    const runner = new PerInstrumentRunner(['equity'], (s) =>
      s.id === 'B' ? new Seller(s.id) : new Buyer(s.id),
    );
    expect(reasons(runner, 1, { A: 10, B: 20 })).toEqual(['B: seller 20']);
    expect(reasons(runner, 2, { A: 11, B: 21, C: 30 })).toEqual(['A: buyer 11', 'B: seller 21']);
    expect(reasons(runner, 3, { C: 31, B: 22 })).toEqual(['C: buyer 31', 'B: seller 22']);
  });
});
