import { describe, expect, it } from 'vitest';
import {
  filesOf,
  INITIAL_FORM,
  toRequest,
  type BacktestFormValues,
} from '../../src-renderer/panels/backtest/backtest-form-model';
import { barLabel, isDaily } from '../../src-renderer/panels/backtest/bar-labels';

const form = (changes: Partial<BacktestFormValues>): BacktestFormValues => ({ ...INITIAL_FORM, ...changes });

describe('backtest form → startBacktest request', () => {
  it('the defaults ask for the full pipeline over the sample with every strategy', () => {
    expect(toRequest(INITIAL_FORM)).toEqual({
      ok: true,
      request: { mode: 'pipeline', source: { kind: 'sample' }, strategies: 'all', seed: 42, cash: 100000 },
    });
  });

  it('maps each source and mode, leaving out what the trader left blank', () => {
    expect(
      toRequest(
        form({
          source: 'csv',
          files: ' /data/a.csv\n/data/b.csv , /data/c.csv\n\n',
          allStrategies: false,
          strategies: ['momentum', 'breakout'],
          commission: '0.002',
          cash: '',
          from: '2010-01-01',
        }),
      ),
    ).toEqual({
      ok: true,
      request: {
        mode: 'pipeline',
        source: { kind: 'csv', files: ['/data/a.csv', '/data/b.csv', '/data/c.csv'] },
        strategies: ['momentum', 'breakout'],
        seed: 42,
        commission: 0.002,
        from: '2010-01-01',
      },
    });
    // The synthetic market has its venues' fees: a commission typed for CSV files is not sent.
    expect(
      toRequest(form({ source: 'synthetic', scenario: 'crash', steps: '500', commission: '0.5' })),
    ).toMatchObject({
      ok: true,
      request: { source: { kind: 'synthetic', scenario: 'crash', steps: 500 }, strategies: 'all' },
    });
    expect(toRequest(form({ mode: 'classic', commission: '', to: '2012-12-31' }))).toEqual({
      ok: true,
      request: {
        mode: 'classic',
        source: { kind: 'sample' },
        fast: 10,
        slow: 30,
        size: 10,
        commission: 0,
        slippage: 0,
        cash: 100000,
        to: '2012-12-31',
      },
    });
  });

  it('names the field of each problem with the words the form shows', () => {
    expect(toRequest(form({ cash: 'lots', seed: '1.5' }))).toEqual({
      ok: false,
      problems: { cash: 'the starting cash must be a number', seed: 'the seed must be a whole number' },
    });
    expect(toRequest(form({ source: 'synthetic', steps: '' }))).toEqual({
      ok: false,
      problems: { steps: 'the number of steps must be a whole number' },
    });
    expect(toRequest(form({ source: 'csv', files: 'data/a.csv' }))).toEqual({
      ok: false,
      problems: { files: 'expected an absolute path' },
    });
    expect(toRequest(form({ source: 'csv', files: '' }))).toEqual({
      ok: false,
      problems: { files: 'give the full path of at least one CSV file' },
    });
    expect(toRequest(form({ allStrategies: false, strategies: [] }))).toMatchObject({
      ok: false,
      problems: { strategies: 'choose at least one strategy, or all' },
    });
    expect(toRequest(form({ mode: 'classic', fast: '0', slippage: '1' }))).toEqual({
      ok: false,
      problems: {
        fast: 'a period is at least 1 bar',
        slippage: 'the slippage is a fraction from 0 up to (not including) 1, e.g. 0.001 for 10 bps',
      },
    });
    expect(toRequest(form({ from: '1 May 2010' }))).toEqual({
      ok: false,
      problems: { from: 'expected a date as YYYY-MM-DD' },
    });
  });

  it('reads one path per line or comma', () => {
    expect(filesOf('/a.csv,/b.csv\r\n /c.csv ')).toEqual(['/a.csv', '/b.csv', '/c.csv']);
    expect(filesOf('  \n ,')).toEqual([]);
  });
});

describe('bar labels in a backtest report', () => {
  it('labels a daily bar (closing at 24:00 UTC) by its session date, an intraday one by its close', () => {
    const daily = ['2010-01-05T00:00:00.000Z', '2010-01-06T00:00:00.000Z'];
    expect(isDaily(daily)).toBe(true);
    expect(barLabel('2010-01-05T00:00:00.000Z', true)).toBe('2010-01-04');
    expect(barLabel('2011-01-01T00:00:00.000Z', true)).toBe('2010-12-31');
    expect(isDaily([...daily, '2010-01-06T14:30:00.000Z'])).toBe(false);
    expect(barLabel('2010-01-06T14:30:00.000Z', false)).toBe('2010-01-06 14:30');
    expect(barLabel('2010-01-05T00:00:00.000Z', false)).toBe('2010-01-05 00:00');
    expect(barLabel(null, true)).toBe('—');
    expect(isDaily([])).toBe(false);
  });
});
