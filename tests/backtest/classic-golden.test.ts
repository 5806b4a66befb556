import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../src-main/backtest/options';
import { runClassic } from '../../src-main/backtest/run-classic';
import { useTempDirs } from '../helpers/temp-dir';

// Pins the exact classic result (every metric, trade, curve point, as JSON) over a real series so that
// speed work on CSV reading, metrics and summaries cannot change it. Input: the S&P 500 sample (5,105
// daily rows) four times, each copy 21 years later (29 February dropped in shifted non-leap years, as in
// tests/bench/backtest.bench.ts). The digest and figures were recorded before the speed work (fbe364b).

const tempDir = useTempDirs();
const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function repeated(copies: number): string {
  const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const parts = [lines[0]!];
  for (let copy = 0; copy < copies; copy++)
    for (const row of lines.slice(1)) {
      const year = Number(row.slice(0, 4)) + copy * 21;
      if (row.slice(5, 10) === '02-29' && !isLeap(year)) continue;
      parts.push(`${year}${row.slice(4)}`);
    }
  const file = join(tempDir(), 'sp500-x4.csv');
  writeFileSync(file, `${parts.join('\n')}\n`);
  return file;
}

describe('classic backtest: exact result', () => {
  it('matches the result recorded before the speed work', () => {
    const file = repeated(4);
    const result = runClassic({
      mode: 'classic',
      file,
      range: ALL_TIME,
      fast: 10,
      slow: 30,
      size: 10,
      commission: 0.001,
      slippage: 0.0005,
      cash: 100_000,
    });
    const { elapsed_ms: _elapsed, data: _data, ...rest } = result;
    expect(result.bars).toBe(20_408);
    expect(result.metrics).toMatchInlineSnapshot(`
      {
        "cagr": -0.0049444353876055835,
        "calmar": -0.01117890506903604,
        "commission": 11117.611039814863,
        "expectancy": -98.48765618333275,
        "exposure": 0.6226495726495727,
        "fills": 703,
        "gross_loss": 123142.58297828576,
        "gross_profit": 88573.41565793591,
        "losses": 215,
        "max_drawdown": 0.44230050770365326,
        "max_drawdown_duration_days": 23822,
        "max_drawdown_duration_ms": 2058220800000,
        "max_drawdown_peak": "2018-01-27T00:00:00.000Z",
        "max_drawdown_recovery": null,
        "max_drawdown_trough": "2066-04-01T00:00:00.000Z",
        "profit_factor": 0.719275278427077,
        "sharpe": -0.11387750328853144,
        "sortino": -0.12255924926514425,
        "total_return": -0.3382191423694434,
        "trades": 351,
        "turnover": 136.08341929706435,
        "win_rate": 0.38746438746438744,
        "wins": 136,
      }
    `);
    expect(createHash('sha256').update(JSON.stringify(rest)).digest('hex')).toMatchInlineSnapshot(
      `"86e67785cbc3570187b22a31ed1c519664c0d3d54a8e3caf2417dd5b0daf5bef"`,
    );
  });
});
