import { describe, expect, it } from 'vitest';
import type { MarketSnapshot } from '../../../src-main/engine/ports';
import { createStrategies } from '../../../src-main/engine/strategies/registry';
import { OncePerBar, SharedIndicators } from '../../../src-main/engine/strategies/shared-indicators';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { Bar } from '../../../src-shared/domain/market';
import { onlyStrategies, testSettings } from '../../helpers/settings';

const bar = (time: number, close: number): Bar => ({
  instrument: 'X',
  time,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1,
});

/** A OncePerBar whose feed runs a given function (the test's probe) on the indicator. */
class ProbeFeed<T> extends OncePerBar<T> {
  constructor(
    indicator: T,
    private readonly probe: (indicator: T, bar: Bar) => number,
  ) {
    super(indicator);
  }
  protected feed(b: Bar): number {
    return this.probe(this.indicator, b);
  }
}

describe('OncePerBar', () => {
  it('feeds each Bar object once and hands every caller that feed’s result', () => {
    const fed: number[] = [];
    const memo = new ProbeFeed(fed, (list, b) => list.push(b.close));
    const first = bar(1, 10);
    const second = bar(2, 11);
    expect(memo.update(first)).toBe(1);
    expect(memo.update(first)).toBe(1);
    expect(memo.update(second)).toBe(2);
    expect(memo.update(second)).toBe(2);
    expect(fed).toEqual([10, 11]);
  });

  it('does not remember a feed that threw: the next caller gets the same error', () => {
    let calls = 0;
    const memo = new ProbeFeed(null, () => {
      calls += 1;
      throw new RangeError('bad bar');
    });
    const b = bar(1, 10);
    expect(() => memo.update(b)).toThrow('bad bar');
    expect(() => memo.update(b)).toThrow('bad bar');
    expect(calls).toBe(2);
  });

  it('the ATR feed returns the ATR of the bars before the one fed', () => {
    const atr = new SharedIndicators().atr('X', 2);
    // Bars: high = close + 1, low = close − 1. True ranges (max of high − low, |high − prev close|,
    // |low − prev close|): bar 2 (close 12 after 10) max(2, 3, 1) = 3; bar 3 (12 after 12) 2; bar 4
    // (15 after 12) max(2, 4, 2) = 4. ATR(2) = mean of the first two, 2.5, after bar 3; then Wilder:
    // (2.5 · 1 + 4) / 2 = 3.25 after bar 4.
    expect(atr.update(bar(1, 10))).toBeNaN();
    expect(atr.update(bar(2, 12))).toBeNaN();
    expect(atr.update(bar(3, 12))).toBeNaN();
    expect(atr.indicator.value).toBe(2.5);
    const fourth = bar(4, 15);
    expect(atr.update(fourth)).toBe(2.5);
    expect(atr.update(fourth)).toBe(2.5);
    expect(atr.indicator.value).toBe(3.25);
  });
});

describe('SharedIndicators', () => {
  it('gives one indicator per instrument and parameters', () => {
    const shared = new SharedIndicators();
    expect(shared.atr('X', 14)).toBe(shared.atr('X', 14));
    expect(shared.atr('X', 14)).not.toBe(shared.atr('Y', 14));
    expect(shared.atr('X', 14)).not.toBe(shared.atr('X', 10));
    expect(shared.bollinger('X', 20, 2)).toBe(shared.bollinger('X', 20, 2));
    expect(shared.bollinger('X', 20, 2)).not.toBe(shared.bollinger('X', 20, 2.5));
    expect(shared.swings('X', 5, 5)).toBe(shared.swings('X', 5, 5));
    expect(shared.swings('X', 5, 5)).not.toBe(shared.swings('X', 3, 3));
  });

  it('strategies sharing indicators decide exactly as with their own copies (synthetic market, 3,000 steps)', () => {
    const ids = ['volatility-expansion', 'breakout', 'fibonacci', 'bollinger-bands', 'elliott-wave'];
    const settings = testSettings(onlyStrategies(ids));
    const together = createStrategies(settings);
    // Each strategy created alone: its own SharedIndicators, so nothing is shared.
    const alone = ids.map((id) => createStrategies(testSettings(onlyStrategies([id])))[0]!);
    expect(together.map((s) => s.id)).toEqual(ids);
    const market = createSyntheticMarket({ ...settings.market, seed: 5, maxBars: 3000 });
    const instruments = new Map(market.instruments.map((s) => [s.id, s]));
    const latest = new Map<string, Bar>();
    let signals = 0;
    for (let slice = market.next(); slice !== null; slice = market.next()) {
      for (const b of slice.bars) latest.set(b.instrument, b);
      const snapshot: MarketSnapshot = {
        time: slice.time,
        slice,
        latest,
        instruments,
        features: () => undefined,
        cascade: () => undefined,
      };
      together.forEach((strategy, i) => {
        const shared = strategy.onEvent(snapshot);
        const own = alone[i]!.onEvent(snapshot);
        expect(shared).toEqual(own);
        signals += shared.signals.filter((s) => s.action !== 'hold').length;
      });
    }
    // The run exercises the rules (positions taken), not only warm-up.
    expect(signals).toBeGreaterThan(1000);
  });
});
