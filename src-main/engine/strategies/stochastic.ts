import type { z } from 'zod';
import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { StochasticParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { Stochastic } from '../indicators';
import type { StrategyDefinition } from './definition';
import { fmt, PerInstrumentRunner, PositionView, type InstrumentState } from './base-b-support';

type Params = z.output<typeof StochasticParamsSchema>;

/**
 * Slow stochastic crossovers on one instrument: %K = SMA(`kSmoothing`) of the fast %K over `kPeriod` bars,
 * %D = SMA(`dPeriod`) of %K.
 * - Buy when %K crosses above %D (previous %K ≤ previous %D, now %K > %D) with both below `oversold`
 *   (%D < %K < oversold); confidence = ½ + ½·(oversold − %K) / oversold.
 * - Sell on the mirror: %K crosses below %D with both above `overbought`; confidence =
 *   ½ + ½·(%K − overbought) / (100 − overbought).
 * - A long is dropped (hold) at the next downward cross of %K through %D at any level (a short at the next
 *   upward cross); when that cross is itself in the opposite zone the view reverses.
 * Holds (no view) otherwise; warms up for kPeriod + kSmoothing + dPeriod − 2 bars (18 by default).
 */
class StochasticState implements InstrumentState {
  readonly warmUp: number;
  readonly view: PositionView;
  seen = 0;
  private readonly stochastic: Stochastic;
  private previousK = NaN;
  private previousD = NaN;

  constructor(
    instrument: InstrumentId,
    private readonly params: Params,
  ) {
    this.view = new PositionView(instrument, 'no crossover in a zone yet');
    this.stochastic = new Stochastic(params.kPeriod, params.kSmoothing, params.dPeriod);
    this.warmUp = this.stochastic.warmUp;
  }

  /** Feeds a bar; returns the view once warmed up, else null. */
  update(bar: Bar): Signal | null {
    this.advance(bar);
    return this.seen >= this.warmUp ? this.view.signal : null;
  }

  private advance(bar: Bar): void {
    this.stochastic.update(bar.high, bar.low, bar.close);
    this.seen += 1;
    const k = this.stochastic.k;
    const d = this.stochastic.d;
    const up = this.previousK <= this.previousD && k > d;
    const down = this.previousK >= this.previousD && k < d;
    this.previousK = k;
    this.previousD = d;
    if (!up && !down) return;
    const now = this.seen - 1;
    const { oversold, overbought } = this.params;
    if (up && k < oversold) {
      this.view.enter(
        1,
        0.5 + (0.5 * (oversold - k)) / oversold,
        `${crossing(k, d, up)} below ${oversold}`,
        now,
      );
    } else if (down && k > overbought) {
      const confidence = 0.5 + (0.5 * (k - overbought)) / (100 - overbought);
      this.view.enter(-1, confidence, `${crossing(k, d, up)} above ${overbought}`, now);
    } else if ((up && this.view.direction === -1) || (down && this.view.direction === 1)) {
      this.view.flat(`${crossing(k, d, up)}: the ${up ? 'short' : 'long'} is closed`, now);
    }
  }
}

/** Describes a cross of %K through %D (built only when it changes the view). */
function crossing(k: number, d: number, up: boolean): string {
  return `%K ${fmt(k, 1)} crossed ${up ? 'above' : 'below'} %D ${fmt(d, 1)}`;
}

/** Slow stochastic crossovers on every traded instrument; the exact rule is on StochasticState above. */
export const stochastic: StrategyDefinition<typeof StochasticParamsSchema> = {
  id: 'stochastic',
  name: 'Stochastic',
  category: 'base',
  rule: 'Buy when slow %K crosses above %D below the oversold level, sell when it crosses below %D above the overbought level; close at the next opposite cross.',
  needs: ['ohlcv'],
  params: StochasticParamsSchema,
  create: (params) =>
    new PerInstrumentRunner(params.assetClasses, (spec) => new StochasticState(spec.id, params)),
};
