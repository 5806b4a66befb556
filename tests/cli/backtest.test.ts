import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../src-main/backtest/options';
import { BacktestResultSchema } from '../../src-main/backtest/result-schema';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { useTempDirs } from '../helpers/temp-dir';

// The built CLI (tests/global-setup.ts builds dist/), as a user runs it.
const CLI = join(__dirname, '../../dist/main/cli.cjs');
const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const tempDir = useTempDirs();

function botv2(...args: string[]) {
  const dataDir = tempDir();
  const run = spawnSync(process.execPath, [CLI, 'backtest', '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('botv2 backtest', () => {
  it('prints the classic run as JSON with the issue’s fields, the same as in-process', () => {
    const { code, stdout, stderr } = botv2(
      ...`--data ${SAMPLE} --strategy sma-cross --fast 10 --slow 30 --size 10 --commission 0.001 --slippage 0 --cash 100000 --json`.split(
        ' ',
      ),
    );
    expect(stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(code).toBe(0);
    const json = BacktestResultSchema.parse(JSON.parse(stdout));
    for (const key of ['bars', 'elapsed_ms', 'final_equity', 'metrics', 'trades'])
      expect(Object.keys(json)).toContain(key);
    expect(Object.keys(json.trades[0]!)).toEqual(
      expect.arrayContaining([
        'entry_time',
        'exit_time',
        'instrument',
        'side',
        'qty',
        'entry_price',
        'exit_price',
        'pnl',
        'commission',
      ]),
    );
    const local = runBacktest({
      mode: 'classic',
      file: SAMPLE,
      range: ALL_TIME,
      fast: 10,
      slow: 30,
      size: 10,
      commission: 0.001,
      slippage: 0,
      cash: 100_000,
    });
    expect({ ...json, elapsed_ms: 0 }).toEqual({ ...local, elapsed_ms: 0 });
  });

  it('runs the synthetic market with breaker events and refusal counts, and writes the report', () => {
    const report = join(tempDir(), 'out.html');
    const { code, stdout, stderr } = botv2(
      '--feed',
      'synthetic',
      '--seed',
      '4',
      '--bars',
      '200',
      '--scenario',
      'crash',
      '--json',
      '--report',
      report,
    );
    expect(code).toBe(0);
    expect(stderr).toBe(`botv2: report written to ${report}\n`);
    const json = BacktestResultSchema.parse(JSON.parse(stdout));
    expect(json).toMatchObject({
      mode: 'pipeline',
      slices: 200,
      seed: 4,
      data: { feed: 'synthetic', scenario: 'crash' },
    });
    expect(Array.isArray(json.breaker_events)).toBe(true);
    expect(json.refusals).toHaveProperty('by_reason');
    expect(readFileSync(report, 'utf8')).toContain('<h2>Equity and drawdown</h2><svg');
  });

  it('prints a readable summary without --json', () => {
    const { code, stdout } = botv2(
      '--data',
      SAMPLE,
      '--strategy',
      'sma-cross',
      '--from',
      '2010-01-01',
      '--to',
      '2010-12-31',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^backtest: sma-cross on .*sp500-2000\.csv\n {2}2010-01-04 to 2010-12-31: 252 bars/,
    );
    expect(stdout).toMatch(/total return -?−?\d+\.\d\d %/);
  });

  it('exits 2 naming the problem for a missing file or a bad option', () => {
    const missing = join(tempDir(), 'nope.csv');
    expect(botv2('--data', missing, '--strategy', 'sma-cross')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `botv2: backtest: ${missing}: no such file\n`,
    });
    const bad = botv2('--feed', 'synthetic');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^botv2: --feed synthetic needs --bars N \(the synthetic market never ends\)\n\nUsage:/,
    );
  });
});
