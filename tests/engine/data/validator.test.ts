import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import type { DataIssue } from '../../../src-main/engine/data/issues';
import {
  DataValidator,
  profileForAssetClass,
  type InstrumentProfile,
  type ValidatorOptions,
} from '../../../src-main/engine/data/validator';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A daily bar of a session date, stamped at the end of that day (as the CSV reader stamps dates). */
const daily = (date: string, close = 100, patch: Partial<Bar> = {}): Bar => ({
  instrument: 'SPX',
  time: Date.parse(`${date}T00:00:00Z`) + DAY,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1000,
  ...patch,
});
const hourly = (hour: number, close = 100, patch: Partial<Bar> = {}): Bar => ({
  instrument: 'BTC',
  time: Date.UTC(2024, 0, 1) + hour * HOUR,
  open: close,
  high: close,
  low: close,
  close,
  volume: 5,
  ...patch,
});

const nyse: InstrumentProfile = { calendar: 'nyse', intervalMs: null, checkZeroVolume: true };
const continuous: InstrumentProfile = { calendar: 'continuous', intervalMs: null, checkZeroVolume: true };
const options = (profile: InstrumentProfile): ValidatorOptions => ({
  outlierZ: 5,
  outlierWindow: 100,
  outlierMinObservations: 20,
  profile: () => profile,
});

/** Runs bars through a fresh validator; returns what was accepted (by index) and every issue. */
function run(
  bars: Bar[],
  profile = nyse,
): { accepted: boolean[]; issues: DataIssue[]; validator: DataValidator } {
  const validator = new DataValidator(options(profile));
  const issues: DataIssue[] = [];
  const accepted = bars.map((bar, i) => validator.check(bar, i, issues));
  return { accepted, issues, validator };
}

describe('DataValidator: one rule at a time, with the message the user reads', () => {
  it.each([
    [{ close: NaN }, 'nan', 'close', NaN, 'close is NaN'],
    [{ high: Infinity }, 'infinity', 'high', Infinity, 'high is Infinity'],
    [{ volume: -Infinity }, 'infinity', 'volume', -Infinity, 'volume is -Infinity'],
    [{ open: undefined as unknown as number }, 'missing', 'open', 'undefined', 'open is missing'],
    [
      { low: -1, open: 1, close: 1, high: 2 },
      'non-positive-price',
      'low',
      -1,
      'low -1 is not a positive price',
    ],
    [{ high: 98 }, 'ohlc', 'high', 98, 'high 98 is below low 99'],
    [{ high: 100.5, close: 100.75 }, 'ohlc', 'high', 100.5, 'high 100.5 is below max(open, close)'],
    [{ low: 100.5, open: 100.25 }, 'ohlc', 'low', 100.5, 'low 100.5 is above min(open, close)'],
    [{ volume: -3 }, 'negative-volume', 'volume', -3, 'volume -3 is negative'],
  ] as const)('%o → %s', (patch, rule, field, value, message) => {
    const { accepted, issues } = run([daily('2000-01-03', 100, patch as Partial<Bar>)]);
    expect(accepted).toEqual([false]);
    expect(issues).toEqual([
      {
        severity: 'error',
        rule,
        instrument: 'SPX',
        file: null,
        row: 0,
        timestamp: Date.UTC(2000, 0, 4),
        field,
        value,
        message,
      },
    ]);
  });

  it('reports every non-finite field of a bar, and the time', () => {
    const { issues } = run([daily('2000-01-03', 100, { open: NaN, volume: NaN, time: NaN })]);
    expect(issues.map((i) => i.message)).toEqual(['open is NaN', 'volume is NaN', 'time is NaN']);
    expect(issues[2]!.timestamp).toBeNull();
  });

  it('rejects a bar whose time goes back, naming both session dates', () => {
    const { accepted, issues } = run([daily('2000-01-04'), daily('2000-01-05'), daily('2000-01-03')]);
    expect(accepted).toEqual([true, true, false]);
    expect(issues).toMatchObject([
      {
        rule: 'out-of-order',
        severity: 'error',
        row: 2,
        field: 'time',
        message: 'time goes back: 2000-01-03 comes after 2000-01-05',
      },
    ]);
  });

  it('drops an exact duplicate with a warning and rejects a conflicting one, keeping the first', () => {
    const { accepted, issues, validator } = run([
      daily('2000-01-03', 100),
      daily('2000-01-03', 100),
      daily('2000-01-03', 101),
      daily('2000-01-04', 100),
    ]);
    expect(accepted).toEqual([true, false, false, true]);
    expect(issues).toMatchObject([
      { rule: 'duplicate', severity: 'warning', row: 1, message: 'repeats the bar of 2000-01-03: dropped' },
      {
        rule: 'conflicting-duplicate',
        severity: 'error',
        row: 2,
        field: 'open',
        value: 101,
        message: 'a second bar for 2000-01-03 with a different open (101, first 100): the first is kept',
      },
    ]);
    expect(validator.counts).toEqual({
      checked: 4,
      accepted: 2,
      rejected: 1,
      dropped: 1,
      byRule: { duplicate: 1, 'conflicting-duplicate': 1 },
    });
  });
});

describe('DataValidator: time gaps', () => {
  it('daily NYSE data: weekends and holidays are not gaps, missing sessions are', () => {
    const { issues } = run([
      daily('2000-01-03'), // Mon
      daily('2000-01-04'),
      daily('2000-01-07'), // Fri: Wed 5 and Thu 6 missing
      daily('2000-01-10'), // Mon after the weekend
      daily('2000-01-14'), // Fri
      daily('2000-01-18'), // Tue: Mon 17 is Martin Luther King Jr. Day
    ]);
    expect(issues).toMatchObject([
      {
        rule: 'gap',
        severity: 'warning',
        row: 2,
        message: 'gap: 2 trading days missing between 2000-01-04 and 2000-01-07',
      },
      { rule: 'gap', row: 4, message: 'gap: 3 trading days missing between 2000-01-10 and 2000-01-14' },
    ]);
  });

  it('continuous data: more than 1.5 × the inferred interval is a gap', () => {
    const { issues } = run([hourly(0), hourly(1), hourly(2), hourly(6), hourly(7)], continuous);
    expect(issues).toMatchObject([
      {
        rule: 'gap',
        row: 3,
        message:
          'gap: 3 bars missing between 2024-01-01T02:00:00.000Z and 2024-01-01T06:00:00.000Z (expected every 1 h)',
      },
    ]);
  });

  it('intraday NYSE data: the overnight pause is no gap; a hole in a session or a missing day is', () => {
    const minute = (date: string, hhmm: string): Bar => ({
      ...daily(date),
      time: Date.parse(`${date}T${hhmm}:00Z`),
    });
    const { issues } = run([
      minute('2000-01-03', '20:58'),
      minute('2000-01-03', '20:59'),
      minute('2000-01-03', '21:00'),
      minute('2000-01-04', '14:31'), // overnight: fine
      minute('2000-01-04', '14:35'), // 3 minutes missing
      minute('2000-01-06', '14:31'), // Wednesday 5 missing entirely
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'gap: 3 bars missing between 2000-01-04T14:31:00.000Z and 2000-01-04T14:35:00.000Z (expected every 1 min)',
      'gap: 1 trading day missing between 2000-01-04T14:35:00.000Z and 2000-01-06T14:31:00.000Z',
    ]);
  });

  it('no calendar: no gap checks at all', () => {
    const { issues } = run([hourly(0), hourly(1), hourly(50)], {
      calendar: 'none',
      intervalMs: null,
      checkZeroVolume: true,
    });
    expect(issues).toEqual([]);
  });

  it('uses a configured interval from the first spacing on', () => {
    const { issues } = run([hourly(0), hourly(3)], {
      calendar: 'continuous',
      intervalMs: HOUR,
      checkZeroVolume: true,
    });
    expect(issues.map((i) => i.message)).toEqual([
      'gap: 2 bars missing between 2024-01-01T00:00:00.000Z and 2024-01-01T03:00:00.000Z (expected every 1 h)',
    ]);
  });
});

describe('DataValidator: plausibility warnings (the bar is still used)', () => {
  it('flags a bar on a weekend or an exchange holiday', () => {
    const { accepted, issues } = run([daily('2000-01-07'), daily('2000-01-08'), daily('2000-01-17')]);
    expect(accepted).toEqual([true, true, true]);
    expect(issues.filter((i) => i.rule === 'non-trading-day').map((i) => i.message)).toEqual([
      'bar on 2000-01-08, a Saturday, when the market is closed',
      'bar on 2000-01-17, a NYSE holiday, when the market is closed',
    ]);
  });

  it('flags zero volume where the market trades, not where no volume is reported', () => {
    expect(run([daily('2000-01-03', 100, { volume: 0 })]).issues).toMatchObject([
      {
        rule: 'zero-volume',
        severity: 'warning',
        field: 'volume',
        value: 0,
        message: 'volume is 0 on a trading day',
      },
    ]);
    expect(run([hourly(0, 100, { volume: 0 })], continuous).issues).toMatchObject([
      { message: 'volume is 0 though the market trades around the clock' },
    ]);
    expect(
      run([daily('2000-01-03', 100, { volume: 0 })], profileForAssetClass('volatility-index')).issues,
    ).toEqual([]);
  });

  it('flags a return beyond 5σ of the previous returns (hand-computed z)', () => {
    // Closes alternate 101, 100, … for 21 bars: 20 log returns of ±ln(1.01), mean 0, sample σ =
    // ln(1.01)·√(20/19) = 1.0209 %. Then 111.1: r = ln(111.1/101) = 9.531 %, z = 9.336.
    const bars = Array.from({ length: 21 }, (_, i) => hourly(i, i % 2 === 0 ? 101 : 100));
    bars.push(hourly(21, 111.1));
    const { accepted, issues } = run(bars, continuous);
    expect(accepted.every(Boolean)).toBe(true);
    expect(issues).toEqual([
      expect.objectContaining({
        rule: 'outlier',
        severity: 'warning',
        row: 21,
        field: 'close',
        value: 111.1,
        message:
          'close 111.1 is a +9.53 % log return from 101: 9.3σ against σ 1.02 % of the last 20 returns (limit 5σ)',
      }),
    ]);
  });

  it('does not judge outliers before 20 returns', () => {
    const bars = Array.from({ length: 20 }, (_, i) => hourly(i, i % 2 === 0 ? 101 : 100));
    bars.push(hourly(20, 200));
    expect(run(bars, continuous).issues).toEqual([]);
  });
});

describe('DataValidator.checkSlice', () => {
  const slice = (bars: Bar[]) => ({ time: bars[0]!.time, bars });
  it('keeps the slice when every bar passes, filters out bad bars, or gives null', () => {
    const validator = new DataValidator(options(nyse));
    const good = slice([daily('2000-01-03'), { ...daily('2000-01-03'), instrument: 'NDX' }]);
    expect(validator.checkSlice(good)).toBe(good);
    const mixed = slice([
      daily('2000-01-04', 100, { close: NaN }),
      { ...daily('2000-01-04'), instrument: 'NDX' },
    ]);
    const issues: DataIssue[] = [];
    expect(validator.checkSlice(mixed, 7, issues)).toEqual({ time: mixed.time, bars: [mixed.bars[1]] });
    expect(issues).toMatchObject([{ rule: 'nan', instrument: 'SPX', row: 7 }]);
    expect(validator.checkSlice(slice([daily('2000-01-05', 100, { volume: -1 })]))).toBeNull();
  });
});
