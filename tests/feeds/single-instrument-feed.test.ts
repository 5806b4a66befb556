import { describe, expect, it } from 'vitest';
import { rejectBar } from '../../src-main/engine/data/bar-checks';
import { SyntheticFeed } from '../helpers/single-instrument-feed';

const options = {
  seed: 5,
  instrument: 'S',
  startTime: 1000,
  barIntervalMs: 60_000,
  initialPrice: 50,
  annualDrift: 0,
  annualVolatility: 0.5,
};

describe('SyntheticFeed', () => {
  it('is deterministic per seed, spaced by the interval, and valid OHLC', () => {
    const a = new SyntheticFeed({ ...options, maxBars: 300 });
    const b = new SyntheticFeed({ ...options, maxBars: 300 });
    const bars = [];
    for (let slice = a.next(); slice; slice = a.next()) bars.push(...slice.bars);
    expect(bars).toHaveLength(300);
    for (const [i, bar] of bars.entries()) {
      expect(b.next()).toEqual({ time: bar.time, bars: [bar] });
      expect(bar.time).toBe(1000 + (i + 1) * 60_000);
      expect(rejectBar(bar)).toBeNull();
      if (i > 0) expect(bar.open).toBe(bars[i - 1]!.close);
    }
    expect(bars[0]!.open).toBe(50);
  });

  it('has the configured volatility in its log returns', () => {
    const feed = new SyntheticFeed({ ...options, annualVolatility: 0.4, maxBars: 20_000 });
    const returns: number[] = [];
    for (let slice = feed.next(); slice; slice = feed.next())
      returns.push(Math.log(slice.bars[0]!.close / slice.bars[0]!.open));
    const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
    const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
    const barsPerYear = (365.25 * 24 * 60) / 1;
    expect(Math.sqrt(variance * barsPerYear)).toBeCloseTo(0.4, 1);
  });
});
