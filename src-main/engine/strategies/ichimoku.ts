import type { z } from 'zod';
import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { IchimokuParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { Ichimoku } from '../indicators';
import type { StrategyDefinition } from './definition';
import { fmt, PerInstrumentRunner, PositionView, type InstrumentState } from './base-b-support';

type Params = z.output<typeof IchimokuParamsSchema>;

/**
 * Ichimoku trend entries on one instrument. The cloud under the current bar is the senkou spans computed
 * `displacement` bars ago (`cloudA`, `cloudB`: no look-ahead); top = max(cloudA, cloudB), bottom = min.
 * - Buy when all three hold: close > cloud top (price above the cloud), tenkan > kijun (the tenkan has
 *   crossed above the kijun), close > the close `displacement` bars ago (the chikou span is above price).
 *   Confidence = 0.6, + 0.2 when the cloud ahead is bullish (senkou A > senkou B computed on this bar),
 *   + 0.2 when the tenkan is above the cloud too.
 * - Sell on the mirror (close < cloud bottom, tenkan < kijun, close < the close `displacement` bars ago;
 *   bonuses for senkou A < senkou B and tenkan below the cloud).
 * - A long is dropped (hold) when the close falls to or into the cloud (≤ top) or the tenkan falls to or
 *   below the kijun; a short on the mirror. A failing chikou alone does not end a position.
 * Holds (no view) otherwise; warms up for max(periods) + displacement bars (78 by default).
 */
class IchimokuState implements InstrumentState {
  readonly warmUp: number;
  readonly view: PositionView;
  seen = 0;
  private readonly lines: Ichimoku;

  constructor(instrument: InstrumentId, params: Params) {
    this.view = new PositionView(instrument, 'no trend confirmed by cloud, tenkan/kijun and chikou');
    this.lines = new Ichimoku(
      params.tenkanPeriod,
      params.kijunPeriod,
      params.senkouBPeriod,
      params.displacement,
    );
    this.warmUp = this.lines.warmUp;
  }

  /** Feeds a bar; returns the view once warmed up, else null. */
  update(bar: Bar): Signal | null {
    this.advance(bar);
    return this.seen >= this.warmUp ? this.view.signal : null;
  }

  private advance(bar: Bar): void {
    const lines = this.lines;
    lines.update(bar.high, bar.low, bar.close);
    this.seen += 1;
    if (!lines.ready) return;
    const now = this.seen - 1;
    const close = bar.close;
    const { tenkan, kijun, cloudA, cloudB, chikouReference } = lines;
    const top = Math.max(cloudA, cloudB);
    const bottom = Math.min(cloudA, cloudB);
    const direction = this.view.direction;
    if (direction === 1 && (close <= top || tenkan <= kijun)) {
      this.view.flat(
        close <= top
          ? `close ${fmt(close)} fell into the cloud (top ${fmt(top)})`
          : `tenkan ${fmt(tenkan)} fell to the kijun ${fmt(kijun)}`,
        now,
      );
    } else if (direction === -1 && (close >= bottom || tenkan >= kijun)) {
      this.view.flat(
        close >= bottom
          ? `close ${fmt(close)} rose into the cloud (bottom ${fmt(bottom)})`
          : `tenkan ${fmt(tenkan)} rose to the kijun ${fmt(kijun)}`,
        now,
      );
    }
    if (this.view.direction !== 0) return;
    if (close > top && tenkan > kijun && close > chikouReference) {
      const confidence = 0.6 + (lines.senkouA > lines.senkouB ? 0.2 : 0) + (tenkan > top ? 0.2 : 0);
      this.view.enter(
        1,
        confidence,
        `close ${fmt(close)} above the cloud (${fmt(top)}), tenkan ${fmt(tenkan)} > kijun ${fmt(kijun)}, chikou above the close ${fmt(chikouReference)}`,
        now,
      );
    } else if (close < bottom && tenkan < kijun && close < chikouReference) {
      const confidence = 0.6 + (lines.senkouA < lines.senkouB ? 0.2 : 0) + (tenkan < bottom ? 0.2 : 0);
      this.view.enter(
        -1,
        confidence,
        `close ${fmt(close)} below the cloud (${fmt(bottom)}), tenkan ${fmt(tenkan)} < kijun ${fmt(kijun)}, chikou below the close ${fmt(chikouReference)}`,
        now,
      );
    }
  }
}

/** Ichimoku trend entries on every traded instrument; the exact rule is on IchimokuState above. */
export const ichimoku: StrategyDefinition<typeof IchimokuParamsSchema> = {
  id: 'ichimoku',
  name: 'Ichimoku',
  category: 'base',
  rule: 'Buy when the close is above the cloud, the tenkan above the kijun and the chikou above the price of its bar; sell on the mirror; hold when the close enters the cloud or the lines cross back.',
  needs: ['ohlcv'],
  params: IchimokuParamsSchema,
  create: (params) =>
    new PerInstrumentRunner(params.assetClasses, (spec) => new IchimokuState(spec.id, params)),
};
