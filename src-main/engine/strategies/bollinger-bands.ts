import type { z } from 'zod';
import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { BollingerBandsParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-b';
import type { Bollinger } from '../indicators';
import type { StrategyDefinition } from './definition';
import { fmt, PerInstrumentRunner, PositionView, type InstrumentState } from './base-b-support';
import { SharedIndicators, type OncePerBar } from './shared-indicators';

type Params = z.output<typeof BollingerBandsParamsSchema>;

/**
 * Bollinger band re-entry on one instrument: middle = SMA(`period`) of closes, bands = middle ±
 * `multiplier`·σ (population σ of the same window), each bar compared with its own bands.
 * - Buy when the previous close was below its lower band and this close is back inside, at or above the
 *   lower band and below the middle. Sell on the mirror (previous close above its upper band, this close at
 *   or below the upper band and above the middle).
 * - Confidence = min(1, ½ + ½·excursion / excursionAtFull), where excursion is the deepest close beyond the
 *   band during the run of closes outside it, in σ of that bar.
 * - The position is dropped (hold) when the close reaches the middle band (the target), or when it closes
 *   outside the band it came back through (the re-entry failed; a later re-entry trades again).
 * Holds (no view) otherwise; warms up for `period` bars.
 */
class BollingerState implements InstrumentState {
  readonly warmUp: number;
  readonly view: PositionView;
  seen = 0;
  /** Shared with the other strategies using the same bands on the instrument. */
  private readonly bands: OncePerBar<Bollinger>;
  /** Deepest close beyond the lower (upper) band, in σ, during the current run outside it; 0 when inside. */
  private belowExcursion = 0;
  private aboveExcursion = 0;

  constructor(
    instrument: InstrumentId,
    private readonly params: Params,
    shared: SharedIndicators,
  ) {
    this.view = new PositionView(instrument, 'no band re-entry yet');
    this.bands = shared.bollinger(instrument, params.period, params.multiplier);
    this.warmUp = params.period;
  }

  /** Feeds a bar; returns the view once warmed up, else null. */
  update(bar: Bar): Signal | null {
    this.advance(bar);
    return this.seen >= this.warmUp ? this.view.signal : null;
  }

  private advance(bar: Bar): void {
    const close = bar.close;
    this.bands.update(bar);
    this.seen += 1;
    const bands = this.bands.indicator;
    if (!bands.ready) return;
    const now = this.seen - 1;
    const { lower, upper, middle, stdDev } = bands;
    const direction = this.view.direction;
    if (direction === 1 && close >= middle) {
      this.view.flat(`close ${fmt(close)} reached the middle band ${fmt(middle)}`, now);
    } else if (direction === 1 && close < lower) {
      this.view.flat(`close ${fmt(close)} fell below the lower band ${fmt(lower)} again`, now);
    } else if (direction === -1 && close <= middle) {
      this.view.flat(`close ${fmt(close)} reached the middle band ${fmt(middle)}`, now);
    } else if (direction === -1 && close > upper) {
      this.view.flat(`close ${fmt(close)} rose above the upper band ${fmt(upper)} again`, now);
    }
    if (close < lower) {
      this.aboveExcursion = 0;
      this.belowExcursion = Math.max(this.belowExcursion, (lower - close) / stdDev);
      return;
    }
    if (close > upper) {
      this.belowExcursion = 0;
      this.aboveExcursion = Math.max(this.aboveExcursion, (close - upper) / stdDev);
      return;
    }
    const below = this.belowExcursion;
    const above = this.aboveExcursion;
    this.belowExcursion = 0;
    this.aboveExcursion = 0;
    if (below > 0 && close < middle) {
      this.view.enter(
        1,
        0.5 + (0.5 * below) / this.params.excursionAtFull,
        `close ${fmt(close)} back above the lower band ${fmt(lower)} after closing ${fmt(below)} σ below it`,
        now,
      );
    } else if (above > 0 && close > middle) {
      this.view.enter(
        -1,
        0.5 + (0.5 * above) / this.params.excursionAtFull,
        `close ${fmt(close)} back below the upper band ${fmt(upper)} after closing ${fmt(above)} σ above it`,
        now,
      );
    }
  }
}

/** Bollinger band re-entry on every traded instrument; the exact rule is on BollingerState above. */
export const bollingerBands: StrategyDefinition<typeof BollingerBandsParamsSchema> = {
  id: 'bollinger-bands',
  name: 'Bollinger Bands',
  category: 'base',
  rule: 'Buy a close back inside after a close below the lower band, sell the mirror above the upper band; hold once the close reaches the middle band.',
  needs: ['ohlcv'],
  params: BollingerBandsParamsSchema,
  create: (params, shared = new SharedIndicators()) =>
    new PerInstrumentRunner(params.assetClasses, (spec) => new BollingerState(spec.id, params, shared)),
};
