import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import { bars, logReturns, mean, runMarket, stdev } from './helpers';

/** Largest fall from a running peak of the closes, as a fraction, and the bar index where it first passes `level`. */
function drawdown(series: readonly Bar[], level: number): { max: number; reachedAt: number | null } {
  let peak = series[0]!.open;
  let max = 0;
  let reachedAt: number | null = null;
  series.forEach((bar, i) => {
    peak = Math.max(peak, bar.close);
    const dd = 1 - bar.close / peak;
    max = Math.max(max, dd);
    if (reachedAt === null && dd >= level) reachedAt = i;
  });
  return { max, reachedAt };
}

describe('scenarios', () => {
  it('crash: the index falls 15 % from its peak within 250 bars for every seed tried', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const run = runMarket({ seed, scenario: 'crash', maxBars: 400 });
      const index = drawdown(bars(run, 'SYN500'), 0.15);
      // Crash from bar 50 for 200 bars with depth 0.35: the median path passes −15 % after about
      // 50 + 200·ln(0.85)/ln(0.65) = 125 bars.
      expect(index.reachedAt).not.toBeNull();
      expect(index.reachedAt!).toBeGreaterThan(50);
      expect(index.reachedAt!).toBeLessThan(250);
      expect(index.max).toBeGreaterThan(0.25);
      // Crypto falls harder (1.5 × the log loss: 1 − 0.65^1.5 = 48 %).
      expect(drawdown(bars(run, 'BTC-USD@alpha'), 0.3).reachedAt).not.toBeNull();
    }
  });

  it('crash: follows the documented regime path whatever the seed', () => {
    const expected = [
      ...Array<string>(50).fill('range'),
      ...Array<string>(200).fill('crisis'),
      ...Array<string>(100).fill('range'),
    ];
    expect(runMarket({ seed: 1, scenario: 'crash', maxBars: 350 }).regimes).toEqual(expected);
    expect(runMarket({ seed: 99, scenario: 'crash', maxBars: 350 }).regimes).toEqual(expected);
    const custom = runMarket({
      seed: 4,
      scenario: 'crash',
      maxBars: 30,
      scenarios: { crash: { startBar: 10, durationBars: 5 } },
    }).regimes;
    expect(custom.indexOf('crisis')).toBe(10);
    expect(custom.lastIndexOf('crisis')).toBe(14);
  });

  it('crash: the volatility index spikes and long liquidations dominate', () => {
    const run = runMarket({ seed: 2, scenario: 'crash', maxBars: 300 });
    const vix = bars(run, 'SVIX');
    const before = Math.max(...vix.slice(0, 50).map((b) => b.close));
    const during = Math.max(...vix.slice(50, 250).map((b) => b.high));
    expect(during).toBeGreaterThan(3 * before);
    const btc = bars(run, 'BTC-USD@alpha');
    const sum = (from: number, to: number, side: 'longNotional' | 'shortNotional') =>
      btc.slice(from, to).reduce((s, b) => s + b.liquidations![side], 0);
    expect(sum(50, 250, 'longNotional')).toBeGreaterThan(3 * sum(50, 250, 'shortNotional'));
    // Per bar, the crash liquidates far more than the calm before it.
    expect(sum(50, 250, 'longNotional') / 200).toBeGreaterThan(10 * (sum(0, 50, 'longNotional') / 50));
  });

  it('trending: a sustained rise, the same regime path for any seed', () => {
    for (const seed of [1, 2, 3]) {
      const run = runMarket({ seed, scenario: 'trending', maxBars: 3000 });
      expect(new Set(run.regimes)).toEqual(new Set(['trend']));
      for (const id of ['SYN500', 'BTC-USD@alpha', 'ETH-USD@alpha']) {
        const closes = bars(run, id).map((b) => b.close);
        // Drift 0.08 σ a bar against noise of 1 σ: over 300 bars +24 σ against √300 ≈ 17 σ of noise.
        let rising = 0;
        for (let t = 300; t < closes.length; t += 300) if (closes[t]! > closes[t - 300]!) rising += 1;
        expect(rising).toBeGreaterThanOrEqual(7); // of 9 windows
        expect(closes[closes.length - 1]!).toBeGreaterThan(closes[0]!);
      }
    }
  });

  it('calm: range-bound and quieter than the model volatility, the same regime path for any seed', () => {
    const run = runMarket({ seed: 7, scenario: 'calm', maxBars: 5000 });
    expect(new Set(run.regimes)).toEqual(new Set(['range']));
    const vix = bars(run, 'SVIX').map((b) => b.close);
    expect(Math.max(...vix)).toBeLessThan(35);
    expect(mean(vix)).toBeLessThan(18);
    // Range volatility multiplier 0.7: TECH's realised volatility is about 0.7 × 0.26 = 0.18 a year.
    const tech = stdev(logReturns(bars(run, 'TECH'))) * Math.sqrt(365.25 * 24 * 60);
    expect(tech).toBeGreaterThan(0.14);
    expect(tech).toBeLessThan(0.22);
    const index = bars(run, 'SYN500');
    expect(drawdown(index, 0.05).reachedAt).toBeNull();
  });

  it('markov: the regime path is a function of the seed', () => {
    const a = runMarket({ seed: 11, maxBars: 5000 }).regimes;
    expect(runMarket({ seed: 11, maxBars: 5000 }).regimes).toEqual(a);
    expect(runMarket({ seed: 12, maxBars: 5000 }).regimes).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('lists the crash path in the market regime getter as it goes', () => {
    const market = createSyntheticMarket({
      scenario: 'crash',
      scenarios: { crash: { startBar: 1, durationBars: 1 } },
    });
    market.next();
    expect(market.regime).toBe('range');
    market.next();
    expect(market.regime).toBe('crisis');
    market.next();
    expect(market.regime).toBe('range');
  });
});
