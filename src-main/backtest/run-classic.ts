import { buildRoundTrips } from '../engine/metrics/round-trips';
import type { TradeFill } from '../engine/metrics/types';
import { runSmaCross } from './classic-sma';
import { readBarColumns } from './csv-columns';
import { BacktestInputError, type ClassicOptions } from './options';
import { ProgressClock, type RunHooks } from './progress-clock';
import type { BacktestResult } from './result-schema';
import { curves, isoTime, summarizeAttribution, summarizeMetrics, tradeRow } from './summarize';
import { describeRange } from './time-range';

/** The classic strategy's id, in `--strategy` and in the result. */
export const SMA_CROSS_ID = 'sma-cross';

/**
 * Classic mode: one file, one instrument, the SMA crossover of `runSmaCross` with a fixed size, no
 * ensemble, no risk sizing, no data validation beyond the strict reading of `readBarColumns`. Returns the
 * same result shape as the pipeline (mode `classic`, the parameters listed). Progress is in bytes read.
 * Throws BacktestInputError for a file it cannot use or a range without bars; a range shorter than the slow
 * SMA runs and has no trade (no crossover can be seen).
 */
export function runClassic(options: ClassicOptions, hooks: RunHooks = {}): BacktestResult {
  const clock = new ProgressClock(hooks, 'bytes');
  let total = 0;
  const columns = readBarColumns(options.file, options.range, (read, size) => {
    total = size;
    clock.poll(read, size);
  });
  if (columns.length === 0)
    throw new BacktestInputError(`${options.file}: no bar in ${describeRange(options.range)}`);
  const run = runSmaCross(columns.opens, columns.closes, options);
  clock.finish(total);
  const fills: TradeFill[] = run.fills.map((f) => ({
    time: columns.times[f.bar]!,
    instrument: columns.instrument,
    side: f.side,
    qty: f.qty,
    price: f.price,
    commission: f.commission,
    strategy: SMA_CROSS_ID,
  }));
  const { closed, open } = buildRoundTrips(fills);
  const series = { times: columns.times, values: run.equity };
  let notional = 0;
  let commission = 0;
  for (const f of fills) {
    notional += f.qty * f.price;
    commission += f.commission;
  }
  const last = columns.length - 1;
  const lastClose = columns.closes[last]!;
  const curve = curves(series);
  const result: BacktestResult = {
    mode: 'classic',
    data: { feed: 'csv', files: [options.file] },
    from: options.range.fromText,
    to: options.range.toText,
    seed: 0,
    strategies: [SMA_CROSS_ID],
    parameters: {
      fast: options.fast,
      slow: options.slow,
      size: options.size,
      commission: options.commission,
      slippage: options.slippage,
    },
    bars: columns.length,
    slices: columns.length,
    elapsed_ms: 0,
    start: isoTime(columns.times[0]!),
    end: isoTime(columns.times[last]!),
    initial_cash: options.cash,
    final_equity: run.equity[last]!,
    metrics: summarizeMetrics({
      series,
      trips: closed,
      open,
      fills: fills.length,
      tradedNotional: notional,
      commission,
    }),
    attribution: summarizeAttribution(closed),
    trades: closed.map(tradeRow),
    open_positions: open.map((p) => ({
      instrument: p.instrument,
      side: p.side,
      qty: p.qty,
      entry_time: isoTime(p.entryTime),
      entry_price: p.entryPrice,
      last_price: lastClose,
      unrealized_pnl: p.qty * (lastClose - p.entryPrice),
      strategy: p.strategy,
    })),
    breaker_events: [],
    refusals: {
      total: run.refusedForCash,
      by_reason:
        run.refusedForCash > 0 ? { 'not enough cash for size × price + commission': run.refusedForCash } : {},
    },
    data_issues: { rejected_slices: 0, by_rule: {}, examples: [] },
    equity_curve: curve.equity,
    drawdown_curve: curve.drawdown,
  };
  result.elapsed_ms = clock.elapsed();
  return result;
}
