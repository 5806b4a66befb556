import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_TIME,
  BacktestCancelledError,
  type BacktestProgress,
  type PipelineOptions,
} from '../../src-main/backtest/options';
import type { BacktestResult } from '../../src-main/backtest/result-schema';
import { BacktestResultSchema } from '../../src-main/backtest/result-schema';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { parseTimeRange } from '../../src-main/backtest/time-range';
import { STRATEGY_DEFINITIONS } from '../../src-main/engine/strategies/registry';
import type { Settings } from '../../src-shared/settings/schema';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const tempDir = useTempDirs();

function synthetic(
  seed: number,
  bars: number,
  scenario: 'markov' | 'crash' = 'crash',
  settings: Settings = testSettings(),
): PipelineOptions {
  return {
    mode: 'pipeline',
    source: { feed: 'synthetic', seed, scenario, bars },
    range: ALL_TIME,
    strategies: 'settings',
    seed,
    cash: null,
    settings,
  };
}

function csv(files: string[], range = ALL_TIME): PipelineOptions {
  return {
    mode: 'pipeline',
    source: { feed: 'csv', files, fees: { maker: 0.0005, taker: 0.001 } },
    range,
    strategies: 'settings',
    seed: 1,
    cash: null,
    settings: testSettings(),
  };
}

const withoutElapsed = (result: BacktestResult) => ({ ...result, elapsed_ms: 0 });

describe('runBacktest, full pipeline', () => {
  it('gives the same JSON for the same seed (but elapsed_ms), and another for another seed', () => {
    const a = runBacktest(synthetic(7, 250));
    const b = runBacktest(synthetic(7, 250));
    const c = runBacktest(synthetic(8, 250));
    expect(a.trades.length).toBeGreaterThan(10);
    expect(JSON.stringify(withoutElapsed(b))).toBe(JSON.stringify(withoutElapsed(a)));
    expect(c.trades).not.toEqual(a.trades);
    expect(BacktestResultSchema.parse(a)).toEqual(a);
  });

  it('accounts for every unit of money: final equity = cash + gross P&L + unrealised − commission', () => {
    const result = runBacktest(synthetic(3, 250));
    const gross = result.trades.reduce((sum, t) => sum + t.gross_pnl, 0);
    const unrealized = result.open_positions.reduce((sum, p) => sum + p.unrealized_pnl, 0);
    expect(result.final_equity).toBeCloseTo(
      result.initial_cash + gross + unrealized - result.metrics.commission,
      6,
    );
    // Net P&L of a round trip is its gross less its commission.
    for (const t of result.trades) expect(t.pnl).toBeCloseTo(t.gross_pnl - t.commission, 9);
    expect(result.bars).toBeGreaterThan(result.slices);
    expect(result.slices).toBe(250);
    expect(result.data).toEqual({ feed: 'synthetic', seed: 3, scenario: 'crash', bars: 250 });
  });

  it('lists circuit-breaker events with time, level, drawdown and what triggered them', () => {
    const settings = testSettings((s) => {
      s.risk.circuitBreaker.levels = [
        { drawdown: 0.001, sizeMultiplier: 0.5 },
        { drawdown: 0.002, sizeMultiplier: 0.5 },
        { drawdown: 0.003, sizeMultiplier: 0 },
      ];
    });
    const result = runBacktest(synthetic(7, 400, 'crash', settings));
    const trips = result.breaker_events.filter((e) => e.kind === 'trip');
    expect(trips.length).toBeGreaterThan(0);
    for (const trip of trips) {
      expect(trip.trigger).toBe('automatic');
      expect(trip.level).toBeGreaterThan(trip.level_before);
      // A trip to level L happens at a drawdown of at least L's threshold.
      expect(trip.drawdown).toBeGreaterThanOrEqual([0.001, 0.002, 0.003][trip.level - 1]!);
      expect(trip.reason).toMatch(/^drawdown \d+\.\d\d % reached level \d/);
      expect(Date.parse(trip.time)).toBeGreaterThan(Date.parse(result.start!));
    }
  });

  it('replays CSV files between --from and --to only', () => {
    const rows2008 = readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('2008-')).length;
    const result = runBacktest(csv([SAMPLE], parseTimeRange('2008-01-01', '2008-12-31')));
    expect(result.bars).toBe(rows2008);
    expect(rows2008).toBe(253);
    // The first session of 2008 is 2 January, stamped at its close (24:00 UTC).
    expect(result.start).toBe('2008-01-03T00:00:00.000Z');
    expect(result.end).toBe('2009-01-01T00:00:00.000Z');
    expect(result.from).toBe('2008-01-01');
    expect(result.to).toBe('2008-12-31');
    expect(result.data).toEqual({ feed: 'csv', files: [SAMPLE] });
  });

  it('starts from --cash instead of the settings’ initial cash', () => {
    const result = runBacktest({ ...synthetic(7, 30), cash: 5000 });
    expect(result.initial_cash).toBe(5000);
    expect(result.equity_curve[0]!.equity).toBe(5000);
  });

  it('counts data problems by rule and shows where they are', () => {
    const file = join(tempDir(), 'dirty.csv');
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 40);
    lines[10] = '2000-01-14,abc,1,1,1,1,1';
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = runBacktest(csv([file]));
    expect(result.data_issues.by_rule['not-a-number']).toBe(1);
    expect(result.data_issues.examples).toContain(
      `${file}:11: error [not-a-number] open: "abc" is not a number`,
    );
    expect(result.bars).toBe(38);
  });

  it('enables all registered strategies with "all", and refuses an unknown one by name', () => {
    const all = runBacktest({ ...synthetic(7, 20), strategies: 'all' });
    expect(all.strategies).toEqual(STRATEGY_DEFINITIONS.map((d) => d.id));
    expect(() => runBacktest({ ...synthetic(7, 20), strategies: ['momentum', 'astrology'] })).toThrow(
      `--strategies: unknown strategy astrology (known: ${STRATEGY_DEFINITIONS.map((d) => d.id).join(', ')})`,
    );
  });

  it('refuses a range without bars and a missing file, naming them', () => {
    expect(() => runBacktest(csv([SAMPLE], parseTimeRange('2030-01-01', undefined)))).toThrow(
      'no usable bar in from 2030-01-01',
    );
    const missing = join(tempDir(), 'missing.csv');
    expect(() => runBacktest(csv([missing]))).toThrow(`${missing}: no such file`);
  });

  it('reports progress with an ETA, and stops when asked to', () => {
    let now = 0;
    const reports: BacktestProgress[] = [];
    const hooks = { now: () => (now += 10), progressIntervalMs: 0 };
    const result = runBacktest(
      synthetic(7, 1000, 'markov'),
      (p) => reports.push(p),
      () => false,
      hooks,
    );
    expect(result.slices).toBe(1000);
    // Polled every 256 slices, then a last report at 100 %.
    expect(reports.map((r) => r.done)).toEqual([256, 512, 768, 1000]);
    expect(reports.every((r) => r.total === 1000 && r.unit === 'slices')).toBe(true);
    // At 256 of 1000 after the elapsed time t, the ETA is t × 744 / 256.
    expect(reports[0]!.etaMs).toBeCloseTo((reports[0]!.elapsedMs * 744) / 256, 9);
    expect(reports.at(-1)!.etaMs).toBe(0);

    let polls = 0;
    expect(() => runBacktest(synthetic(7, 1000, 'markov'), undefined, () => ++polls === 2)).toThrow(
      BacktestCancelledError,
    );
    expect(polls).toBe(2);
  });
});
