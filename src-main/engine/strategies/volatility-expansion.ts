import type { z } from 'zod';
import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import { VolatilityExpansionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import type { Atr, Bollinger } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, warmingUp, type Verdict } from './base-a/per-instrument';
import { RollingRank } from './base-a/rolling-rank';
import { SharedIndicators, type OncePerBar } from './shared-indicators';

type Params = z.output<typeof VolatilityExpansionParamsSchema>;

const ARMED = 'squeeze: waiting for an expansion bar';
const NOT_ARMED = 'no squeeze in the armed window: no position';

interface State {
  /** Shared with the other strategies using the same Bollinger(period, 2) / ATR(period) on the instrument. */
  readonly bands: OncePerBar<Bollinger>;
  readonly atr: OncePerBar<Atr>;
  /** Percentile rank of the volatility measure within its window. */
  readonly rank: RollingRank;
  bars: number;
  previousClose: number;
  /** Bar number of the latest squeeze not yet used by an expansion; −∞ when none. */
  lastSqueeze: number;
  /** +1 long, −1 short, 0 flat. */
  position: number;
  /** Bars the position is still kept after this one. */
  barsLeft: number;
  /** Confidence and reason of the expansion that opened the position. */
  confidence: number;
  reason: string;
}

/**
 * Volatility squeeze, then expansion. The volatility measure of a bar is the Bollinger width
 * (upper − lower) / middle of the last `bollingerPeriod` closes, or ATR(atrPeriod) / close; its percentile
 * rank is the share of the last `percentileWindow` measures (this bar's included) at or below it. A bar
 * whose rank is ≤ squeezePercentile is a squeeze. An expansion bar is one whose true range exceeds
 * expansionMultiple × the ATR of the bars before it, within `armedBars` bars after a squeeze: the strategy
 * then trades in the bar's direction (buy when its close is above the previous close, sell below; no trade
 * on an unchanged close) and keeps that position for the next `holdBars` bars, or until an opposite
 * expansion; then hold. One squeeze arms one expansion. Confidence = min(1, TR / (2 · multiple · ATR)):
 * ½ at the threshold. Abstains until the rank window is full and the ATR of the prior bars is ready.
 */
class VolatilityExpansion extends PerInstrumentLogic<State> {
  private readonly warmUp: number;
  private readonly closedReason: string;
  private readonly usesBands: boolean;

  constructor(
    private readonly params: Params,
    private readonly shared: SharedIndicators,
  ) {
    super(params.assetClasses);
    this.usesBands = params.measure === 'bollinger-width';
    this.closedReason = `expansion position held ${params.holdBars} bars: closed`;
    const firstMeasure = params.measure === 'atr' ? params.atrPeriod + 1 : params.bollingerPeriod;
    this.warmUp = Math.max(firstMeasure + params.percentileWindow - 1, params.atrPeriod + 2);
  }

  protected createState(spec: InstrumentSpec): State {
    const { bollingerPeriod, atrPeriod, percentileWindow } = this.params;
    return {
      bands: this.shared.bollinger(spec.id, bollingerPeriod, 2),
      atr: this.shared.atr(spec.id, atrPeriod),
      rank: new RollingRank(percentileWindow),
      bars: 0,
      previousClose: NaN,
      lastSqueeze: -Infinity,
      position: 0,
      barsLeft: 0,
      confidence: 0,
      reason: '',
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    const previousClose = state.previousClose;
    state.previousClose = bar.close;
    if (this.usesBands) state.bands.update(bar);
    const previousAtr = state.atr.update(bar);
    const t = state.bars++;
    const measure = this.measureOf(state, bar.close);
    // The measure's rank among the window, this bar's included (NaN: no measure, so no squeeze).
    const share = Number.isFinite(measure) ? state.rank.pushAndShare(measure) : NaN;
    if (state.bars < this.warmUp) return warmingUp(state.bars, this.warmUp);
    if (!state.rank.full) return `${this.params.measure} undefined: the price was not positive`;

    const { expansionMultiple, armedBars, holdBars, squeezePercentile } = this.params;
    const trueRange = state.atr.indicator.trueRange;
    const direction = Math.sign(bar.close - previousClose);
    const armed = t - state.lastSqueeze <= armedBars;
    let closed = false;
    if (trueRange > expansionMultiple * previousAtr && armed && direction !== 0) {
      const ratio = trueRange / previousAtr;
      // Formatted on the expansion bar only (number formatting costs more than the rule).
      state.reason = `true range ${ratio.toFixed(2)}× ATR, ${t - state.lastSqueeze} bars after a squeeze`;
      state.position = direction;
      state.barsLeft = holdBars;
      state.confidence = ratio / (2 * expansionMultiple);
      state.lastSqueeze = -Infinity;
    } else if (state.position !== 0 && state.barsLeft > 0) {
      state.barsLeft -= 1;
    } else if (state.position !== 0) {
      state.position = 0;
      closed = true;
    }
    if (share <= squeezePercentile) state.lastSqueeze = t;
    if (state.position !== 0) {
      return this.signal(bar.instrument, state.position > 0 ? 'buy' : 'sell', state.confidence, state.reason);
    }
    const reason = closed ? this.closedReason : t - state.lastSqueeze <= armedBars ? ARMED : NOT_ARMED;
    return this.signal(bar.instrument, 'hold', 0, reason);
  }

  /** This bar's volatility measure; NaN until its indicator is ready (or for a non-positive price). */
  private measureOf(state: State, close: number): number {
    if (this.params.measure === 'atr') return close > 0 ? state.atr.indicator.value / close : NaN;
    const bands = state.bands.indicator;
    return bands.middle > 0 ? (bands.upper - bands.lower) / bands.middle : NaN;
  }
}

export const volatilityExpansion: StrategyDefinition<typeof VolatilityExpansionParamsSchema> = {
  id: 'volatility-expansion',
  name: 'Volatility Expansion',
  category: 'base',
  rule: 'After a squeeze (Bollinger width or ATR at a low percentile of its window), trade in the direction of the first bar whose true range exceeds expansionMultiple × ATR, for holdBars bars.',
  needs: ['ohlcv'],
  params: VolatilityExpansionParamsSchema,
  create: (params, shared = new SharedIndicators()) => new VolatilityExpansion(params, shared),
};
