import type { Bar, InstrumentId } from '../../../src-shared/domain/market';
import { Atr } from '../indicators/atr';
import { Bollinger } from '../indicators/bollinger';
import { SwingPoints } from '../indicators/swing-points';

// Several strategies compute the same indicator with the same parameters on the same instrument (with the
// defaults: Bollinger(20, 2) in bollinger-bands and volatility-expansion, ATR(14) in breakout and
// volatility-expansion, swing points (5, 5) in fibonacci and elliott-wave). One engine's strategies share
// one SharedIndicators, so each such indicator is fed once per bar and read by all of them. The values are
// those each strategy computed with its own copy: same class, same inputs, same order.

/**
 * Swing-point pivots kept by the shared detector: fibonacci reads back up to this many for its latest swing
 * high and low; elliott-wave reads only the (at most two) pivots the current bar confirmed, so any capacity
 * of two or more gives it the same results.
 */
export const SWING_PIVOTS_KEPT = 8;

/**
 * An indicator fed at most once per bar. The first strategy to pass a bar feeds it; the others passing the
 * same Bar object get the result of that feed. Bars are immutable once emitted (every step brings new Bar
 * objects), so identity tells a new bar from the current one. A feed that throws is not remembered: the
 * next strategy gets the same error.
 */
export class OncePerBar<T> {
  private last: Bar | null = null;
  private result = 0;

  constructor(
    /** The indicator, to read after `update` (never to feed directly). */
    readonly indicator: T,
    private readonly feed: (indicator: T, bar: Bar) => number,
  ) {}

  /** Feeds the bar unless it was already fed; returns what the feed returned for it. */
  update(bar: Bar): number {
    if (bar !== this.last) {
      this.result = this.feed(this.indicator, bar);
      this.last = bar;
    }
    return this.result;
  }
}

/**
 * The indicators of one engine's strategies, by instrument and parameters. Looked up when a strategy
 * creates an instrument's state (once per instrument), not per bar.
 */
export class SharedIndicators {
  private readonly entries = new Map<string, OncePerBar<unknown>>();

  /** Bollinger bands of the close; `update` returns 0. */
  bollinger(instrument: InstrumentId, period: number, multiplier: number): OncePerBar<Bollinger> {
    return this.get(
      `${instrument}|bollinger|${period}|${multiplier}`,
      () =>
        new OncePerBar(new Bollinger(period, multiplier), (bands, bar) => {
          bands.update(bar.close);
          return 0;
        }),
    );
  }

  /** Wilder ATR of high, low, close; `update` returns the ATR of the bars before this one (NaN before). */
  atr(instrument: InstrumentId, period: number): OncePerBar<Atr> {
    return this.get(
      `${instrument}|atr|${period}`,
      () =>
        new OncePerBar(new Atr(period), (atr, bar) => {
          const before = atr.value;
          atr.update(bar.high, bar.low, bar.close);
          return before;
        }),
    );
  }

  /** Swing points of high and low keeping SWING_PIVOTS_KEPT pivots; `update` returns the pivots confirmed. */
  swings(instrument: InstrumentId, left: number, right: number): OncePerBar<SwingPoints> {
    return this.get(
      `${instrument}|swings|${left}|${right}`,
      () =>
        new OncePerBar(new SwingPoints(left, right, SWING_PIVOTS_KEPT), (swings, bar) =>
          swings.update(bar.high, bar.low, bar.time),
        ),
    );
  }

  private get<T>(key: string, make: () => OncePerBar<T>): OncePerBar<T> {
    const known = this.entries.get(key) as OncePerBar<T> | undefined;
    if (known) return known;
    const made = make();
    this.entries.set(key, made as OncePerBar<unknown>);
    return made;
  }
}
