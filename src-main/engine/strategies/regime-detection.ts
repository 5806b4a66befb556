import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { RegimeDetectionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { Adx, RollingStdDev, ZScore } from '../indicators';
import type { MarketSnapshot } from '../ports';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, signal, warmingUp, type Verdict } from './base-a/per-instrument';

type Params = z.output<typeof RegimeDetectionParamsSchema>;

/** The calm regimes remembered between the ADX thresholds. */
const NONE = 0;
const TREND = 1;
const RANGE = 2;

interface State {
  readonly adx: Adx;
  /** σ of log returns over the short window and over its longer baseline. */
  readonly volShort: RollingStdDev;
  readonly volLong: RollingStdDev;
  /** z-score of the close over fadeWindow, for fading extremes in a range. */
  readonly fade: ZScore;
  bars: number;
  previousClose: number;
  /** The last calm regime (TREND or RANGE), NONE before the first. */
  calm: number;
  /** Bars the current crisis still lasts after this one. */
  crisisLeft: number;
}

/**
 * Regime detection per instrument, then a regime's own rule. On each bar, in this order:
 * 1. crisis when realised volatility σ_short / σ_long ≥ crisisVolRatio (σ of log returns over
 *    volShortWindow and volLongWindow bars, both ending at this bar; 0 when σ_long = 0), or when the
 *    normalised bar range of the feature pipeline (snapshot.features(id).z.range, a clipped rolling z-score)
 *    is ≥ crisisRangeZ; a crisis lasts crisisCooldownBars bars after its last trigger. In a crisis: hold.
 * 2. otherwise trend when ADX(adxPeriod) ≥ trendAdx, range when ADX ≤ rangeAdx, and between the two the
 *    regime of the last bar outside the band (hysteresis; crisis bars count); hold while there is none.
 * 3. trend: buy when +DI > −DI, sell when −DI > +DI (hold when equal), confidence min(1, ADX / (2·trendAdx)).
 *    range: fade the extremes of z = the close's z-score over fadeWindow bars: sell when z ≥ fadeZ, buy
 *    when z ≤ −fadeZ, otherwise hold; confidence min(1, |z| / (2·fadeZ)).
 * Abstains until every input is ready: max(2·adxPeriod, volLongWindow + 1, fadeWindow) bars, and on a bar
 * with a non-positive price (no log return).
 */
class RegimeDetection extends PerInstrumentLogic<State> {
  private readonly warmUp: number;

  constructor(private readonly params: Params) {
    super(params.assetClasses);
    this.warmUp = Math.max(2 * params.adxPeriod, params.volLongWindow + 1, params.fadeWindow);
  }

  protected createState(): State {
    const p = this.params;
    return {
      adx: new Adx(p.adxPeriod),
      volShort: new RollingStdDev(p.volShortWindow),
      volLong: new RollingStdDev(p.volLongWindow),
      fade: new ZScore(p.fadeWindow),
      bars: 0,
      previousClose: NaN,
      calm: NONE,
      crisisLeft: 0,
    };
  }

  protected step(state: State, bar: Bar, snapshot: MarketSnapshot): Verdict {
    const close = bar.close;
    const previousClose = state.previousClose;
    state.previousClose = close;
    if (!(close > 0)) return `price ${close} is not positive: no log return`;
    if (previousClose > 0) {
      const logReturn = Math.log(close / previousClose);
      state.volShort.update(logReturn);
      state.volLong.update(logReturn);
    }
    const adx = state.adx.update(bar.high, bar.low, close);
    const z = state.fade.update(close);
    state.bars += 1;
    if (state.bars < this.warmUp || !state.volLong.ready) return warmingUp(state.bars, this.warmUp);

    const p = this.params;
    const volRatio = state.volLong.value > 0 ? state.volShort.value / state.volLong.value : 0;
    // The ADX regime is remembered through a crisis too: it is what the hysteresis falls back on.
    if (adx >= p.trendAdx) state.calm = TREND;
    else if (adx <= p.rangeAdx) state.calm = RANGE;
    const rangeZ = snapshot.features(bar.instrument)?.z.range ?? NaN;
    if (volRatio >= p.crisisVolRatio || rangeZ >= p.crisisRangeZ) {
      state.crisisLeft = p.crisisCooldownBars;
      const why =
        volRatio >= p.crisisVolRatio
          ? `volatility ${volRatio.toFixed(2)}× its baseline`
          : `bar range z ${rangeZ.toFixed(2)}`;
      return signal(bar.instrument, 'hold', 0, `crisis regime (${why}): stand aside`);
    }
    if (state.crisisLeft > 0) {
      state.crisisLeft -= 1;
      return signal(
        bar.instrument,
        'hold',
        0,
        `crisis regime, ${state.crisisLeft + 1} bars to go: stand aside`,
      );
    }
    const adxText = `ADX ${adx.toFixed(1)}`;
    if (state.calm === NONE) return signal(bar.instrument, 'hold', 0, `${adxText}: no regime yet`);
    if (state.calm === TREND) {
      const plus = state.adx.dmi.plusDI;
      const minus = state.adx.dmi.minusDI;
      const reason = `trend regime (${adxText}, +DI ${plus.toFixed(1)}, −DI ${minus.toFixed(1)})`;
      if (plus === minus) return signal(bar.instrument, 'hold', 0, `${reason}: no direction`);
      return signal(bar.instrument, plus > minus ? 'buy' : 'sell', adx / (2 * p.trendAdx), reason);
    }
    const reason = `range regime (${adxText}, close z ${z.toFixed(2)})`;
    if (z >= p.fadeZ) return signal(bar.instrument, 'sell', z / (2 * p.fadeZ), `${reason}: fade the high`);
    if (z <= -p.fadeZ) return signal(bar.instrument, 'buy', -z / (2 * p.fadeZ), `${reason}: fade the low`);
    return signal(bar.instrument, 'hold', 0, reason);
  }
}

export const regimeDetection: StrategyDefinition<typeof RegimeDetectionParamsSchema> = {
  id: 'regime-detection',
  name: 'Regime Detection',
  category: 'base',
  rule: 'Classify each instrument as crisis (volatility far above its baseline or an extreme normalised range), trend (ADX high) or range (ADX low); follow the DI direction in a trend, fade close z-score extremes in a range, stand aside in a crisis.',
  needs: ['ohlcv'],
  params: RegimeDetectionParamsSchema,
  create: (params) => new RegimeDetection(params),
};
