import type { z } from 'zod';
import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import { BreakoutParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import type { Atr } from '../indicators';
import { HighLowWindow } from '../indicators/high-low-window';
import { nonFiniteInput } from '../indicators/validate';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, warmingUp, type Verdict } from './base-a/per-instrument';
import { SharedIndicators, type OncePerBar } from './shared-indicators';

type Params = z.output<typeof BreakoutParamsSchema>;

interface State {
  /**
   * The Donchian channels (highest high, lowest low) of the last `period` and `exitPeriod` bars, and the
   * ATR: read before the current bar is added, they are the prior bars'.
   */
  readonly entry: HighLowWindow;
  readonly exit: HighLowWindow;
  /** Shared with the other strategies using ATR(atrPeriod) on the instrument. */
  readonly atr: OncePerBar<Atr>;
  bars: number;
  /** +1 long, −1 short, 0 flat. */
  position: number;
  /** Confidence of the latest breakout in the position's direction. */
  confidence: number;
}

/**
 * Donchian channel breakout. The channels are those of the bars before the current one (no look-ahead, and
 * a bar cannot break its own high): upper = highest high and lower = lowest low of the prior `period` bars,
 * and the same over the prior `exitPeriod` bars for exits; ATR(atrPeriod) is also the prior bars'.
 * A close above the upper channel by at least minBreakoutAtr × ATR goes long, a close below the lower one
 * by as much goes short (reversing any position). A long is closed (hold) on a close below the exit
 * channel's low, a short on a close above its high; otherwise the position is kept, signalled every bar.
 * Confidence = min(1, ½ + ½ · (close − channel) / ATR) of the latest breakout in the position's direction:
 * ½ for a bare breakout, 1 for a breakout by one ATR.
 * Abstains until max(period, exitPeriod, atrPeriod + 1) prior bars are in. Its reasons are fixed
 * sentences made once (formatting prices on every breakout would cost more than the rule).
 */
class Breakout extends PerInstrumentLogic<State> {
  private readonly warmUp: number;
  /** Names the channel in the error of a non-finite high or low (the Donchian indicator's message). */
  private readonly channelLabel: string;
  private readonly reasons: Readonly<
    Record<'up' | 'down' | 'long' | 'short' | 'longClosed' | 'shortClosed' | 'flat', string>
  >;

  constructor(
    private readonly params: Params,
    private readonly shared: SharedIndicators,
  ) {
    super(params.assetClasses);
    this.warmUp = Math.max(params.period, params.exitPeriod, params.atrPeriod + 1);
    this.channelLabel = `Donchian(${params.period})`;
    const { period: n, exitPeriod: m } = params;
    this.reasons = {
      up: `close above the prior ${n}-bar high`,
      down: `close below the prior ${n}-bar low`,
      long: `long since a close above the prior ${n}-bar high`,
      short: `short since a close below the prior ${n}-bar low`,
      longClosed: `close below the prior ${m}-bar low: long closed`,
      shortClosed: `close above the prior ${m}-bar high: short closed`,
      flat: `no close beyond the prior ${n}-bar channel: no position`,
    };
  }

  protected createState(spec: InstrumentSpec): State {
    const { period, exitPeriod, atrPeriod } = this.params;
    return {
      entry: new HighLowWindow(period),
      exit: new HighLowWindow(exitPeriod),
      atr: this.shared.atr(spec.id, atrPeriod),
      bars: 0,
      position: 0,
      confidence: 0,
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    const ready = state.bars >= this.warmUp;
    // Read only once ready, when both windows are full.
    const upper = state.entry.highest;
    const lower = state.entry.lowest;
    const exitHigh = state.exit.highest;
    const exitLow = state.exit.lowest;
    const { high, low } = bar;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.channelLabel, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.channelLabel, 'low', low);
    state.entry.push(high, low);
    state.exit.push(high, low);
    const atr = state.atr.update(bar);
    state.bars += 1;
    if (!ready) return warmingUp(state.bars - 1, this.warmUp);

    const close = bar.close;
    const filter = this.params.minBreakoutAtr * atr;
    const r = this.reasons;
    if (close > upper && close - upper >= filter) {
      // A further breakout while long restates the confidence.
      state.position = 1;
      state.confidence = 0.5 + (0.5 * (close - upper)) / atr;
      return this.signal(bar.instrument, 'buy', state.confidence, r.up);
    }
    if (close < lower && lower - close >= filter) {
      state.position = -1;
      state.confidence = 0.5 + (0.5 * (lower - close)) / atr;
      return this.signal(bar.instrument, 'sell', state.confidence, r.down);
    }
    if (state.position === 1 && close < exitLow) {
      state.position = 0;
      return this.signal(bar.instrument, 'hold', 0, r.longClosed);
    }
    if (state.position === -1 && close > exitHigh) {
      state.position = 0;
      return this.signal(bar.instrument, 'hold', 0, r.shortClosed);
    }
    if (state.position === 0) return this.signal(bar.instrument, 'hold', 0, r.flat);
    return this.signal(
      bar.instrument,
      state.position > 0 ? 'buy' : 'sell',
      state.confidence,
      state.position > 0 ? r.long : r.short,
    );
  }
}

export const breakout: StrategyDefinition<typeof BreakoutParamsSchema> = {
  id: 'breakout',
  name: 'Breakout',
  category: 'base',
  rule: 'Buy a close above the prior period-bar high, sell a close below the prior period-bar low (optionally by a minimum number of ATRs); close on the opposite exitPeriod-bar channel.',
  needs: ['ohlcv'],
  params: BreakoutParamsSchema,
  create: (params, shared = new SharedIndicators()) => new Breakout(params, shared),
};
