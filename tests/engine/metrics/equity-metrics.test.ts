import { describe, expect, it } from 'vitest';
import { calmar, maxDrawdown } from '../../../src-main/engine/metrics/drawdown';
import {
  checkEquitySeries,
  periodsPerYear,
  simpleReturns,
  YEAR_MS,
} from '../../../src-main/engine/metrics/equity-series';
import { cagr, sharpe, sortino, totalReturn } from '../../../src-main/engine/metrics/returns';

const DAY = 86_400_000;
const daily = (...values: number[]) => ({ times: values.map((_, i) => i * DAY), values });

// Returns 0.1, −0.1, 0.1, 0.1: mean 0.05; squared deviations 0.0025 + 0.0225 + 0.0025 + 0.0025 = 0.03,
// sample variance 0.03 / 3 = 0.01, s = 0.1; downside Σ min(r, 0)² / N = 0.01 / 4, DD = 0.05.
// Daily samples: P = 4 × 365.25 days / 4 days = 365.25.
const series = daily(100, 110, 99, 108.9, 119.79);

describe('returns', () => {
  it('total return: 119.79 / 100 − 1', () => {
    expect(totalReturn(series)).toBeCloseTo(0.1979, 12);
  });

  it('CAGR over the calendar span: 100 → 121 in two years is 10 % a year', () => {
    expect(cagr({ times: [0, 2 * YEAR_MS], values: [100, 121] })).toBeCloseTo(0.1, 12);
    expect(cagr({ times: [0, YEAR_MS / 2], values: [100, 121] })).toBeCloseTo(1.21 ** 2 - 1, 12);
    expect(cagr({ times: [0, YEAR_MS], values: [100, -5] })).toBe(-1);
    expect(cagr({ times: [0], values: [100] })).toBeNull();
  });

  it('CAGR is null, not Infinity, when annualising a short span overflows a double', () => {
    // 100 → 101 in one minute: 1.01^525960 = e^(525960 × 0.00995) ≈ e^5233, beyond the largest double
    // (≈ e^709.8). Infinity would be written as null by JSON.stringify but refused by the result schema
    // the backtest worker's messages are parsed with, so the run would fail in the app.
    const minute = { times: [0, 60_000], values: [100, 101] };
    expect(cagr(minute)).toBeNull();
    // 100 → 100.1 in one day stays finite: 1.001^365.25 − 1.
    expect(cagr({ times: [0, DAY], values: [100, 100.1] })).toBeCloseTo(1.001 ** 365.25 - 1, 12);
  });

  it('Sharpe: 0.05 / 0.1 × √365.25', () => {
    expect(periodsPerYear(series.times)).toBeCloseTo(365.25, 9);
    expect(sharpe(series)).toBeCloseTo(0.5 * Math.sqrt(365.25), 9);
  });

  it('Sortino: 0.05 / 0.05 × √365.25', () => {
    expect(sortino(series)).toBeCloseTo(Math.sqrt(365.25), 9);
  });

  it('annualises by the sampling interval: the same returns hourly give √24 times the daily Sharpe', () => {
    const hourly = { times: series.times.map((t) => t / 24), values: series.values };
    expect(sharpe(hourly)! / sharpe(series)!).toBeCloseTo(Math.sqrt(24), 9);
  });

  it('has no Sharpe or Sortino without dispersion, without losses, with one return, or after a wipe-out', () => {
    expect(sharpe(daily(100, 110, 121))).toBeNull(); // two returns of exactly 10 %: s = 0
    expect(sortino(daily(100, 110, 120))).toBeNull(); // no negative return
    expect(sharpe(daily(100, 110))).toBeNull();
    expect(sharpe(daily(100, 0, 10, 20))).toBeNull();
    expect(simpleReturns([100, -1, 5])).toBeNull();
  });
});

describe('maximum drawdown', () => {
  it('peak 110 → trough 99 is 10 %, recovered at 119.79 three days after the peak', () => {
    expect(maxDrawdown(series)).toEqual({
      depth: expect.closeTo(0.1, 12),
      peakTime: DAY,
      troughTime: 2 * DAY,
      recoveryTime: 4 * DAY,
      durationMs: 3 * DAY,
    });
  });

  it('an unrecovered drawdown lasts to the last sample: 120 → 90 is 25 %, still open after 2 days', () => {
    expect(maxDrawdown(daily(100, 120, 90, 100))).toEqual({
      depth: 0.25,
      peakTime: DAY,
      troughTime: 2 * DAY,
      recoveryTime: null,
      durationMs: 2 * DAY,
    });
  });

  it('takes the deepest of several drawdowns, dated from the last sample at its peak', () => {
    const d = maxDrawdown(daily(100, 100, 95, 100, 130, 104, 130));
    expect(d.depth).toBeCloseTo(0.2, 12);
    expect(d).toMatchObject({
      peakTime: 4 * DAY,
      troughTime: 5 * DAY,
      recoveryTime: 6 * DAY,
      durationMs: 2 * DAY,
    });
    expect(maxDrawdown(daily(100, 100, 90, 100)).peakTime).toBe(DAY);
  });

  it('is zero for a series that never falls', () => {
    expect(maxDrawdown(daily(100, 101, 101, 102))).toEqual({
      depth: 0,
      peakTime: null,
      troughTime: null,
      recoveryTime: null,
      durationMs: 0,
    });
  });

  it('Calmar: CAGR / depth, none without a drawdown', () => {
    expect(calmar(0.3, 0.15)).toBeCloseTo(2, 12);
    expect(calmar(0.3, 0)).toBeNull();
    expect(calmar(null, 0.1)).toBeNull();
    // A finite CAGR over a tiny drawdown can still overflow: 1e305 / 1e-5 = 1e310 > 1.8e308.
    expect(calmar(1e305, 1e-5)).toBeNull();
  });
});

describe('equity series checks', () => {
  const cases: [Parameters<typeof checkEquitySeries>[0], string][] = [
    [{ times: [0, 1], values: [1] }, 'equity series: 2 times but 1 values'],
    [{ times: [], values: [] }, 'equity series: no samples'],
    [{ times: [0, Number.NaN], values: [1, 2] }, 'equity series: times[1] is NaN, not a time'],
    [{ times: [0, 1], values: [1, Infinity] }, 'equity series: values[1] is Infinity, not a number'],
    [{ times: [0, 5, 5], values: [1, 2, 3] }, 'equity series: times[2] = 5 is not after times[1] = 5'],
    [{ times: [0, 1], values: [0, 2] }, 'equity series: the first value 0 is not positive'],
  ];
  for (const [bad, message] of cases) {
    it(message, () => {
      expect(() => checkEquitySeries(bad)).toThrow(new RangeError(message));
    });
  }
});
