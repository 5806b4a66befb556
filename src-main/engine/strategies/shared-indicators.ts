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
 * next strategy gets the same error. Each kind of indicator is a subclass whose `feed` is a method (not a
 * closure held in a field): a call V8 can inline where the strategies call `update` every bar.
 */
export abstract class OncePerBar<T> {
  private last: Bar | null = null;
  private result = 0;

  constructor(
    /** The indicator, to read after `update` (never to feed directly). */
    readonly indicator: T,
  ) {}

  /** Feeds the bar unless it was already fed; returns what the feed returned for it. */
  update(bar: Bar): number {
    if (bar !== this.last) {
      this.result = this.feed(bar);
      this.last = bar;
    }
    return this.result;
  }

  /** Feeds one bar to the indicator; its result is what `update` returns for that bar. */
  protected abstract feed(bar: Bar): number;
}

/** Bollinger bands of the close; the feed returns 0. */
class BollingerFeed extends OncePerBar<Bollinger> {
  protected feed(bar: Bar): number {
    this.indicator.update(bar.close);
    return 0;
  }
}

/** Wilder ATR of high, low, close; the feed returns the ATR of the bars before this one (NaN before). */
class AtrFeed extends OncePerBar<Atr> {
  protected feed(bar: Bar): number {
    const atr = this.indicator;
    const before = atr.value;
    atr.update(bar.high, bar.low, bar.close);
    return before;
  }
}

/** Swing points of high and low; the feed returns the count of pivots the bar confirmed. */
class SwingsFeed extends OncePerBar<SwingPoints> {
  protected feed(bar: Bar): number {
    return this.indicator.update(bar.high, bar.low, bar.time);
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
      () => new BollingerFeed(new Bollinger(period, multiplier)),
    );
  }

  /** Wilder ATR of high, low, close; `update` returns the ATR of the bars before this one (NaN before). */
  atr(instrument: InstrumentId, period: number): OncePerBar<Atr> {
    return this.get(`${instrument}|atr|${period}`, () => new AtrFeed(new Atr(period)));
  }

  /** Swing points of high and low keeping SWING_PIVOTS_KEPT pivots; `update` returns the pivots confirmed. */
  swings(instrument: InstrumentId, left: number, right: number): OncePerBar<SwingPoints> {
    return this.get(
      `${instrument}|swings|${left}|${right}`,
      () => new SwingsFeed(new SwingPoints(left, right, SWING_PIVOTS_KEPT)),
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
