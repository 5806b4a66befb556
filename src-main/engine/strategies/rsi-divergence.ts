import type { z } from 'zod';
import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { RsiDivergenceParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { RingBuffer, Rsi, SwingPoints } from '../indicators';
import type { StrategyDefinition } from './definition';
import { fmt, PerInstrumentRunner, PositionView, unit, type InstrumentState } from './base-b-support';

type Params = z.output<typeof RsiDivergenceParamsSchema>;

/** Pivots kept by the swing detector: only the newest one or two are read. */
const PIVOT_CAPACITY = 4;

/**
 * RSI divergence on one instrument. RSI is Wilder's (`rsiPeriod`); swing lows and highs are confirmed
 * fractal pivots (`swingLeft` bars before, `swingRight` after; known `swingRight` bars later), and each
 * pivot carries the RSI of its own bar.
 * - Bullish: a new swing low below the previous swing low (at most `maxPivotGap` bars earlier) whose RSI is
 *   above the previous low's RSI by more than `minRsiGap` → long, on the bar that confirms the new low.
 * - Bearish, the mirror: a higher swing high with an RSI lower by more than `minRsiGap` → short.
 * - Confidence = ½·min(1, gap / fullConfidenceRsiGap) + ½·depth, where depth = clamp((50 − RSI of the
 *   first low) / (50 − oversold), 0, 1) (bearish: (RSI of the first high − 50) / (overbought − 50)).
 * - The position is dropped (hold) when the close breaks the new swing's price (below the low for a long,
 *   above the high for a short), or after `holdBars` bars; an opposite divergence reverses it.
 * Holds (no view) before any divergence; the instrument warms up for max(rsiPeriod + 1, left + right + 1)
 * bars.
 */
class RsiDivergenceState implements InstrumentState {
  readonly warmUp: number;
  readonly view: PositionView;
  seen = 0;
  private readonly rsi: Rsi;
  private readonly swings: SwingPoints;
  /** RSI of the latest bars, so a pivot confirmed `swingRight` bars later finds its own bar's RSI. */
  private readonly recentRsi: RingBuffer;
  private lowPrice = NaN;
  private lowRsi = NaN;
  private lowIndex = NaN;
  private highPrice = NaN;
  private highRsi = NaN;
  private highIndex = NaN;
  /** The price whose break by a close ends the current view. */
  private stop = NaN;

  constructor(
    instrument: InstrumentId,
    private readonly params: Params,
  ) {
    this.view = new PositionView(instrument, 'no RSI divergence yet');
    this.rsi = new Rsi(params.rsiPeriod);
    this.swings = new SwingPoints(params.swingLeft, params.swingRight, PIVOT_CAPACITY);
    this.recentRsi = new RingBuffer(params.swingRight + 1);
    this.warmUp = Math.max(this.rsi.warmUp, this.swings.warmUp);
  }

  /** Feeds a bar; returns the view once warmed up, else null. */
  update(bar: Bar): Signal | null {
    this.advance(bar);
    return this.seen >= this.warmUp ? this.view.signal : null;
  }

  private advance(bar: Bar): void {
    this.recentRsi.push(this.rsi.update(bar.close));
    const confirmed = this.swings.update(bar.high, bar.low, bar.time);
    this.seen += 1;
    const now = this.seen - 1;
    // An outside bar confirms a high then a low: pivot(1) then pivot(0), oldest first.
    for (let k = confirmed - 1; k >= 0; k--) {
      const swings = this.swings;
      this.onPivot(swings.isHighAt(k), swings.priceAt(k), swings.indexAt(k), now);
    }
    const direction = this.view.direction;
    if (direction === 1 && bar.close < this.stop) {
      this.view.flat(`close ${fmt(bar.close)} broke below the divergence low ${fmt(this.stop)}`, now);
    } else if (direction === -1 && bar.close > this.stop) {
      this.view.flat(`close ${fmt(bar.close)} broke above the divergence high ${fmt(this.stop)}`, now);
    } else if (direction !== 0 && now - this.view.since >= this.params.holdBars) {
      this.view.flat(`divergence position held ${this.params.holdBars} bars`, now);
    }
  }

  /** Judges a pivot just confirmed (a swing high when `high`) against the previous one of its kind. */
  private onPivot(high: boolean, price: number, index: number, now: number): void {
    const rsi = this.recentRsi.fromNewest(now - index);
    const { params } = this;
    if (!high) {
      const gap = rsi - this.lowRsi;
      if (price < this.lowPrice && index - this.lowIndex <= params.maxPivotGap && gap > params.minRsiGap) {
        const depth = unit((50 - this.lowRsi) / (50 - params.oversold));
        this.stop = price;
        this.view.enter(
          1,
          0.5 * unit(gap / params.fullConfidenceRsiGap) + 0.5 * depth,
          `bullish RSI divergence: swing low ${fmt(price)} < ${fmt(this.lowPrice)} while RSI ${fmt(rsi, 1)} > ${fmt(this.lowRsi, 1)}`,
          now,
        );
      }
      this.lowPrice = price;
      this.lowRsi = rsi;
      this.lowIndex = index;
    } else {
      const gap = this.highRsi - rsi;
      if (price > this.highPrice && index - this.highIndex <= params.maxPivotGap && gap > params.minRsiGap) {
        const depth = unit((this.highRsi - 50) / (params.overbought - 50));
        this.stop = price;
        this.view.enter(
          -1,
          0.5 * unit(gap / params.fullConfidenceRsiGap) + 0.5 * depth,
          `bearish RSI divergence: swing high ${fmt(price)} > ${fmt(this.highPrice)} while RSI ${fmt(rsi, 1)} < ${fmt(this.highRsi, 1)}`,
          now,
        );
      }
      this.highPrice = price;
      this.highRsi = rsi;
      this.highIndex = index;
    }
  }
}

/** RSI divergence on every traded instrument; the exact rule is on RsiDivergenceState above. */
export const rsiDivergence: StrategyDefinition<typeof RsiDivergenceParamsSchema> = {
  id: 'rsi-divergence',
  name: 'RSI Divergence',
  category: 'base',
  rule: 'Buy when a confirmed swing low undercuts the previous one while RSI makes a higher low; sell on the mirror (higher high, lower RSI).',
  needs: ['ohlcv'],
  params: RsiDivergenceParamsSchema,
  create: (params) =>
    new PerInstrumentRunner(params.assetClasses, (spec) => new RsiDivergenceState(spec.id, params)),
};
