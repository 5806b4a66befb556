import { describe, expect, it } from 'vitest';
import type { MarketSettingsInput } from '../../../src-shared/settings/sections/market';
import {
  ar1,
  bars,
  correlation,
  halfLife,
  logReturns,
  MINUTES_PER_YEAR,
  runMarket,
  slope,
  stdev,
} from './helpers';

/** Stationary configuration: one regime (calm = range) with no drift, no reversion, no jumps, vol × 1. */
const stationary = (seed: number, garch: MarketSettingsInput['garch'] = {}): MarketSettingsInput => ({
  seed,
  scenario: 'calm',
  maxBars: 40_000,
  regimes: {
    range: { driftSigmas: 0, reversionPerBar: 0, volMultiplier: 1, jumpMultiplier: 0, correlationBoost: 0 },
  },
  equities: { rotation: { driftSigmas: 0 } },
  garch,
});

const annualised = (returns: number[]) => stdev(returns) * Math.sqrt(MINUTES_PER_YEAR);

describe('synthetic market statistics (stationary configuration, 40,000 one-minute bars)', () => {
  const runs = [1, 2].map((seed) => runMarket(stationary(seed)));

  it('has the configured annualised volatility within 4 %', () => {
    for (const run of runs) {
      expect(Math.abs(annualised(logReturns(bars(run, 'BTC-USD@alpha'))) / 0.6 - 1)).toBeLessThan(0.04);
      expect(Math.abs(annualised(logReturns(bars(run, 'ETH-USD@alpha'))) / 0.75 - 1)).toBeLessThan(0.04);
      expect(Math.abs(annualised(logReturns(bars(run, 'TECH'))) / 0.26 - 1)).toBeLessThan(0.04);
      // UTIL (σ 0.16 at a price near 70) moves about 1.5 ticks a bar, so rounding to the 0.01 tick adds
      // the variance of two uniform rounding errors, 2·tick²/12, in price terms: σ² + 2·(0.01/70)²/12 per bar.
      const perBar = 0.16 ** 2 / MINUTES_PER_YEAR + (2 * (0.01 / 70) ** 2) / 12;
      const expected = Math.sqrt(perBar * MINUTES_PER_YEAR);
      expect(Math.abs(annualised(logReturns(bars(run, 'UTIL'))) / expected - 1)).toBeLessThan(0.04);
    }
  });

  it('has the factor model correlations within 0.03', () => {
    for (const run of runs) {
      const btc = logReturns(bars(run, 'BTC-USD@alpha'));
      const eth = logReturns(bars(run, 'ETH-USD@alpha'));
      const tech = logReturns(bars(run, 'TECH'));
      const fin = logReturns(bars(run, 'FIN'));
      // corr = a_i·a_j + b_i·b_j within a group, a_i·a_j across groups (defaults' loadings):
      // BTC/ETH 0.3·0.3 + 0.8·0.75 = 0.69; TECH/FIN 0.75·0.7 + 0.25·0.3 = 0.6; BTC/TECH 0.3·0.75 = 0.225.
      expect(Math.abs(correlation(btc, eth) - 0.69)).toBeLessThan(0.03);
      expect(Math.abs(correlation(tech, fin) - 0.6)).toBeLessThan(0.03);
      expect(Math.abs(correlation(btc, tech) - 0.225)).toBeLessThan(0.03);
    }
  });

  it('clusters volatility with GARCH and not without it', () => {
    const squaredAutocorrelation = (seed: number, garch: MarketSettingsInput['garch']) => {
      const r = logReturns(bars(runMarket(stationary(seed, garch)), 'BTC-USD@alpha')).map((x) => x * x);
      return correlation(r.slice(1), r.slice(0, -1));
    };
    // Lag-1 autocorrelation of squared returns: zero for i.i.d. returns (standard error ≈ 1/√40000 = 0.005).
    expect(squaredAutocorrelation(1, {})).toBeGreaterThan(0.03);
    expect(Math.abs(squaredAutocorrelation(1, { alpha: 0, leverage: 0, beta: 0 }))).toBeLessThan(0.02);
  });

  it('raises correlation in a crisis by the configured boost', () => {
    const crisis = runMarket({
      ...stationary(3),
      scenario: 'markov',
      regimes: {
        initial: 'crisis',
        transitions: { crisis: { trend: 0, range: 0, crisis: 1 } },
        crisis: {
          driftSigmas: 0,
          volMultiplier: 1,
          jumpMultiplier: 0,
          correlationBoost: 0.5,
          liquidationMultiplier: 0,
        },
      },
      crypto: { liquidations: { cascadeSigmas: 0 } },
    });
    expect(new Set(crisis.regimes)).toEqual(new Set(['crisis']));
    const tech = logReturns(bars(crisis, 'TECH'));
    const util = logReturns(bars(crisis, 'UTIL'));
    // Own variance c² moves half into the market factor: a'² = a² + 0.5c². TECH a² = 0.5625, c² = 0.375
    // → a' = √0.75; UTIL a² = 0.25, c² = 0.66 → a' = √0.58; corr = a'a' + b·b = 0.6595 + 0.075 = 0.7345
    // (calm: 0.375 + 0.075 = 0.45).
    expect(Math.abs(correlation(tech, util) - 0.7345)).toBeLessThan(0.03);
  });
});

describe('venue basis and the cointegrated pair', () => {
  const run = runMarket({ seed: 5, maxBars: 30_000 });

  it('mean-reverts the venue basis with the configured half-life, with spikes beyond two taker fees', () => {
    const alpha = bars(run, 'BTC-USD@alpha');
    const beta = bars(run, 'BTC-USD@beta');
    const basis = alpha.map((a, i) => Math.log(beta[i]!.close / a.close));
    // Discrete OU b ← 0.95·b + noise: half-life ln 2 / −ln 0.95 = 13.51 bars.
    expect(Math.abs(halfLife(ar1(basis)) / 13.51 - 1)).toBeLessThan(0.15);
    expect(Math.abs(basis.reduce((s, b) => s + b, 0) / basis.length)).toBeLessThan(0.0005);
    // Taker fees 0.0005 + 0.0006: a dislocation must beat them for an arbitrage to pay.
    const dislocations = basis.filter((b) => Math.abs(b) > 0.0011).length;
    // Noise alone (stationary sd 0.0001/√(1 − 0.95²) = 0.00032) rarely gets there; spikes (1 in 2,000
    // bars, ≥ 0.004, decaying 5 % a bar) stay beyond it for about 25 bars each: ≈ 1–2 % of bars.
    expect(dislocations).toBeGreaterThan(150);
    expect(dislocations).toBeLessThan(basis.length * 0.03);
  });

  it('keeps BANK-B cointegrated with BANK-A (stationary spread) while each leg wanders', () => {
    const a = bars(run, 'BANK-A').map((b) => Math.log(b.close));
    const b = bars(run, 'BANK-B').map((b) => Math.log(b.close));
    const spread = b.map((x, i) => x - a[i]!);
    // Spread OU s ← 0.98·s + noise: half-life ln 2 / −ln 0.98 = 34.3 bars.
    expect(Math.abs(halfLife(ar1(spread)) / 34.31 - 1)).toBeLessThan(0.15);
    expect(ar1(a)).toBeGreaterThan(0.999);
    expect(Math.abs(slope(a, b) - 1)).toBeLessThan(0.1);
  });
});

describe('sector rotation', () => {
  it('gives sectors persistent relative performance (momentum a rotation strategy can use)', () => {
    const run = runMarket({
      seed: 8,
      maxBars: 40_000,
      scenario: 'calm',
      regimes: { range: { reversionPerBar: 0 } },
    });
    const sectors = ['TECH', 'FIN', 'ENERGY', 'HEALTH', 'UTIL'];
    const index = bars(run, 'SYN500').map((b) => Math.log(b.close));
    const window = 200;
    const past: number[] = [];
    const future: number[] = [];
    for (const id of sectors) {
      const log = bars(run, id).map((b) => Math.log(b.close));
      const relative = (from: number, to: number) => log[to]! - log[from]! - (index[to]! - index[from]!);
      for (let t = window; t + window < log.length; t += window) {
        past.push(relative(t - window, t));
        future.push(relative(t, t + window));
      }
    }
    // Drift AR(1) 0.998 per bar (half-life ≈ 350 bars) of spread 0.05σ: consecutive 200-bar relative
    // returns correlate; without rotation they would not (standard error ≈ 1/√1000 ≈ 0.03).
    expect(correlation(past, future)).toBeGreaterThan(0.15);
  });
});
