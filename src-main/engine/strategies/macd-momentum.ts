import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { MacdMomentumParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { Macd, RollingExtreme } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, warmingUp, type Verdict } from './base-a/per-instrument';

type Params = z.output<typeof MacdMomentumParamsSchema>;

interface State {
  readonly macd: Macd;
  /** Largest |histogram| of the last rangeWindow bars. */
  readonly amplitude: RollingExtreme;
  bars: number;
  /** Sign of the histogram on the run's bars (−1, 0, +1), NaN before MACD is ready. */
  runSign: number;
  /** Bars the histogram has kept runSign. */
  runLength: number;
  /** The run began with a crossover seen after warm-up (not with the first ready bar). */
  fromCrossover: boolean;
}

/**
 * MACD momentum (default 12/26/9; histogram = MACD line − signal line). A bullish crossover is a bar where
 * the histogram turns positive after a bar at or below zero (the MACD line crosses above its signal line);
 * a bearish one the mirror. It is confirmed when the histogram has kept its new sign for `confirmBars`
 * bars, the crossover bar included. From then on the strategy is long (bullish) or short (bearish) for as
 * long as the histogram keeps that sign; a histogram of exactly 0, an unconfirmed crossover, or no
 * crossover since warm-up give hold. Confidence = |histogram| / the largest |histogram| of the last
 * `rangeWindow` bars (the current one included). Abstains until MACD is ready (slow + signal − 1 bars).
 */
class MacdMomentum extends PerInstrumentLogic<State> {
  /** Reasons made once (formatting numbers on every crossover would cost more than the rule). */
  private readonly bullish: string;
  private readonly bearish: string;

  constructor(private readonly params: Params) {
    super(params.assetClasses);
    const confirmed = params.confirmBars > 1 ? `, confirmed over ${params.confirmBars} bars` : '';
    this.bullish = `MACD above its signal line since a bullish crossover${confirmed}`;
    this.bearish = `MACD below its signal line since a bearish crossover${confirmed}`;
  }

  protected createState(): State {
    const { fastPeriod, slowPeriod, signalPeriod, rangeWindow } = this.params;
    return {
      macd: new Macd(fastPeriod, slowPeriod, signalPeriod),
      amplitude: new RollingExtreme(rangeWindow, 'max'),
      bars: 0,
      runSign: NaN,
      runLength: 0,
      fromCrossover: false,
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    const macd = state.macd;
    macd.update(bar.close);
    state.bars += 1;
    if (!macd.ready) return warmingUp(state.bars, macd.warmUp);
    const histogram = macd.histogram;
    const size = Math.abs(histogram);
    state.amplitude.push(size);
    const sign = Math.sign(histogram);
    if (sign === state.runSign) {
      state.runLength += 1;
    } else {
      // The first ready bar starts a run without a crossover; a later change of sign is one.
      state.fromCrossover = !Number.isNaN(state.runSign) && sign !== 0;
      state.runSign = sign;
      state.runLength = 1;
    }
    if (sign === 0)
      return this.signal(bar.instrument, 'hold', 0, 'MACD line equals its signal line: no position');
    if (!state.fromCrossover) {
      return this.signal(bar.instrument, 'hold', 0, 'no signal-line crossover since warm-up: no position');
    }
    const side = sign > 0 ? 'bullish' : 'bearish';
    const { confirmBars } = this.params;
    if (state.runLength < confirmBars) {
      return this.signal(
        bar.instrument,
        'hold',
        0,
        `${side} crossover, unconfirmed: ${state.runLength}/${confirmBars} bars`,
      );
    }
    const reason = sign > 0 ? this.bullish : this.bearish;
    return this.signal(bar.instrument, sign > 0 ? 'buy' : 'sell', size / state.amplitude.value, reason);
  }
}

export const macdMomentum: StrategyDefinition<typeof MacdMomentumParamsSchema> = {
  id: 'macd-momentum',
  name: 'MACD Momentum',
  category: 'base',
  rule: 'Go long after a bullish MACD signal-line crossover whose histogram has stayed positive for confirmBars bars, short after a bearish one; confidence is the histogram against its recent largest size.',
  needs: ['ohlcv'],
  params: MacdMomentumParamsSchema,
  create: (params) => new MacdMomentum(params),
};
