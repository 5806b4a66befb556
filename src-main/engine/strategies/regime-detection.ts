import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { RegimeDetectionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { Adx, RollingStdDev, ZScore } from '../indicators';
import type { MarketSnapshot } from '../ports';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, warmingUp, type Verdict } from './base-a/per-instrument';

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
  /** The verdict of the last bar (one of the verdict codes) and its reason. */
  verdict: number;
  reason: string;
}

/** Verdict codes: a reason with numbers is formatted when the verdict changes, not on every bar. */
const CRISIS = 1;
const COOLING = 2;
const NO_REGIME = 3;
const TREND_FLAT = 4;
const TREND_UP = 5;
const TREND_DOWN = 6;
const FADE_HIGH = 7;
const FADE_LOW = 8;
const RANGE_FLAT = 9;
const COOLING_REASON = 'crisis regime, cooling down: stand aside';
const NO_REGIME_REASON = 'ADX between the thresholds and no regime yet: no position';
const TREND_FLAT_REASON = 'trend regime without direction (+DI = −DI): no position';

/** Records this bar's verdict; true when it differs from the last bar's. */
function changed(state: State, verdict: number): boolean {
  if (state.verdict === verdict) return false;
  state.verdict = verdict;
  return true;
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
 * with a non-positive price (no log return). A reason states the readings of the bar its verdict began on
 * and is repeated while the verdict lasts (formatting numbers on every bar would cost more than the rule).
 */
class RegimeDetection extends PerInstrumentLogic<State> {
  private readonly warmUp: number;
  private readonly rangeFlatReason: string;

  constructor(private readonly params: Params) {
    super(params.assetClasses);
    this.rangeFlatReason = `range regime, close within ±${params.fadeZ} σ of its ${params.fadeWindow}-bar mean: no position`;
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
      verdict: 0,
      reason: '',
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
    const id = bar.instrument;
    const volRatio = state.volLong.value > 0 ? state.volShort.value / state.volLong.value : 0;
    // The ADX regime is remembered through a crisis too: it is what the hysteresis falls back on.
    if (adx >= p.trendAdx) state.calm = TREND;
    else if (adx <= p.rangeAdx) state.calm = RANGE;
    const rangeZ = snapshot.features(id)?.z.range ?? NaN;
    // Reasons with numbers are formatted only when the verdict changes (formatting costs more than the rule).
    if (volRatio >= p.crisisVolRatio || rangeZ >= p.crisisRangeZ) {
      state.crisisLeft = p.crisisCooldownBars;
      if (changed(state, CRISIS)) {
        const why =
          volRatio >= p.crisisVolRatio
            ? `volatility ${volRatio.toFixed(2)}× its baseline`
            : `bar range z ${rangeZ.toFixed(2)}`;
        state.reason = `crisis regime (${why}): stand aside`;
      }
      return this.signal(id, 'hold', 0, state.reason);
    }
    if (state.crisisLeft > 0) {
      state.crisisLeft -= 1;
      changed(state, COOLING);
      return this.signal(id, 'hold', 0, COOLING_REASON);
    }
    if (state.calm === NONE) {
      changed(state, NO_REGIME);
      return this.signal(id, 'hold', 0, NO_REGIME_REASON);
    }
    if (state.calm === TREND) {
      const plus = state.adx.dmi.plusDI;
      const minus = state.adx.dmi.minusDI;
      if (plus === minus) {
        changed(state, TREND_FLAT);
        return this.signal(id, 'hold', 0, TREND_FLAT_REASON);
      }
      if (changed(state, plus > minus ? TREND_UP : TREND_DOWN)) {
        const order = plus > minus ? '>' : '<';
        state.reason = `trend regime (ADX ${adx.toFixed(1)}, +DI ${plus.toFixed(1)} ${order} −DI ${minus.toFixed(1)})`;
      }
      return this.signal(id, plus > minus ? 'buy' : 'sell', adx / (2 * p.trendAdx), state.reason);
    }
    if (z >= p.fadeZ || z <= -p.fadeZ) {
      if (changed(state, z > 0 ? FADE_HIGH : FADE_LOW)) {
        state.reason = `range regime (ADX ${adx.toFixed(1)}): close z ${z.toFixed(2)}, fade the ${z > 0 ? 'high' : 'low'}`;
      }
      return this.signal(id, z > 0 ? 'sell' : 'buy', Math.abs(z) / (2 * p.fadeZ), state.reason);
    }
    changed(state, RANGE_FLAT);
    return this.signal(id, 'hold', 0, this.rangeFlatReason);
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
