import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { BreakoutParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { Atr, Donchian } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, signal, warmingUp, type Verdict } from './base-a/per-instrument';

type Params = z.output<typeof BreakoutParamsSchema>;

interface State {
  /** Channels and ATR of the bars before the current one: read before the current bar is added. */
  readonly entry: Donchian;
  readonly exit: Donchian;
  readonly atr: Atr;
  bars: number;
  /** +1 long, −1 short, 0 flat. */
  position: number;
  /** Confidence of the breakout that opened the position. */
  confidence: number;
}

/**
 * Donchian channel breakout. The channels are those of the bars before the current one (no look-ahead, and
 * a bar cannot break its own high): upper = highest high and lower = lowest low of the prior `period` bars,
 * and the same over the prior `exitPeriod` bars for exits; ATR(atrPeriod) is also the prior bars'.
 * A close above the upper channel by at least minBreakoutAtr × ATR goes long, a close below the lower one
 * by as much goes short (reversing any position). A long is closed (hold) on a close below the exit
 * channel's low, a short on a close above its high; otherwise the position is kept, signalled every bar.
 * Confidence = min(1, ½ + ½ · (close − channel) / ATR): ½ for a bare breakout, 1 for a breakout by one ATR.
 * Abstains until max(period, exitPeriod, atrPeriod + 1) prior bars are in.
 */
class Breakout extends PerInstrumentLogic<State> {
  private readonly warmUp: number;

  constructor(private readonly params: Params) {
    super(params.assetClasses);
    this.warmUp = Math.max(params.period, params.exitPeriod, params.atrPeriod + 1);
  }

  protected createState(): State {
    const { period, exitPeriod, atrPeriod } = this.params;
    return {
      entry: new Donchian(period),
      exit: new Donchian(exitPeriod),
      atr: new Atr(atrPeriod),
      bars: 0,
      position: 0,
      confidence: 0,
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    const ready = state.bars >= this.warmUp;
    const upper = state.entry.upper;
    const lower = state.entry.lower;
    const exitHigh = state.exit.upper;
    const exitLow = state.exit.lower;
    const atr = state.atr.value;
    state.entry.update(bar.high, bar.low);
    state.exit.update(bar.high, bar.low);
    state.atr.update(bar.high, bar.low, bar.close);
    state.bars += 1;
    if (!ready) return warmingUp(state.bars - 1, this.warmUp);

    const close = bar.close;
    const filter = this.params.minBreakoutAtr * atr;
    let reason: string;
    if (close > upper && close - upper >= filter) {
      state.position = 1;
      state.confidence = 0.5 + (0.5 * (close - upper)) / atr;
      reason = `close ${close} above the ${this.params.period}-bar high ${upper}`;
    } else if (close < lower && lower - close >= filter) {
      state.position = -1;
      state.confidence = 0.5 + (0.5 * (lower - close)) / atr;
      reason = `close ${close} below the ${this.params.period}-bar low ${lower}`;
    } else if (state.position === 1 && close < exitLow) {
      state.position = 0;
      reason = `close ${close} below the ${this.params.exitPeriod}-bar exit low ${exitLow}: long closed`;
    } else if (state.position === -1 && close > exitHigh) {
      state.position = 0;
      reason = `close ${close} above the ${this.params.exitPeriod}-bar exit high ${exitHigh}: short closed`;
    } else if (state.position === 0) {
      reason = `close ${close} inside the ${this.params.period}-bar channel ${lower}–${upper}`;
    } else {
      reason = `breakout position kept (exit channel ${exitLow}–${exitHigh})`;
    }
    if (state.position === 0) return signal(bar.instrument, 'hold', 0, reason);
    return signal(bar.instrument, state.position > 0 ? 'buy' : 'sell', state.confidence, reason);
  }
}

export const breakout: StrategyDefinition<typeof BreakoutParamsSchema> = {
  id: 'breakout',
  name: 'Breakout',
  category: 'base',
  rule: 'Buy a close above the prior period-bar high, sell a close below the prior period-bar low (optionally by a minimum number of ATRs); close on the opposite exitPeriod-bar channel.',
  needs: ['ohlcv'],
  params: BreakoutParamsSchema,
  create: (params) => new Breakout(params),
};
