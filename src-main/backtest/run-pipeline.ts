import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { Settings } from '../../src-shared/settings/schema';
import { createEngine } from '../engine/create-engine';
import type { Engine } from '../engine/loop';
import type { OpenPosition } from '../engine/metrics/types';
import { CollectingJournal } from './collecting-journal';
import { EquityRecorder } from './equity-recorder';
import { IssueTally } from './issue-tally';
import { openFeed, type OpenedFeed } from './open-feed';
import { BacktestInputError, type PipelineOptions } from './options';
import { POLL_EVERY, ProgressClock, type RunHooks } from './progress-clock';
import type { BacktestResult } from './result-schema';
import { selectStrategies } from './select-strategies';
import { curves, isoTime, summarizeAttribution, summarizeMetrics, tradeRow } from './summarize';
import { describeRange } from './time-range';

/** A checkpoint interval (minutes) no backtest reaches: about 1.9 million years of engine time. */
const NO_CHECKPOINTS = 1e12;

/** Reasons kept by name in a result; rarer ones are summed under "other reasons". */
const MAX_REASONS = 50;

/**
 * Runs the full pipeline (validation → strategies → ensemble → sizing → risk → execution simulator) over
 * the chosen feed as fast as the CPU allows, with an in-memory journal (no disk). The run's copy of the
 * settings takes `cash` as paper.initialCash and enables the chosen strategies; bars outside `range` are
 * not fed to the engine. Semantics (docs/BACKTESTING.md): a market order decided on a bar's close fills at
 * the next bar's open (an order decided on the last bar never fills); commission is the venue's fee ×
 * notional; the final equity marks open positions to their last close. Throws BacktestInputError for a run
 * that cannot start or has no bar in range, BacktestCancelledError when `hooks.shouldCancel` says so.
 * `replay`, when given, is used instead of opening `options.source` (benchmarks replay a market generated
 * beforehand, so the feed's own work is not timed); it must hold that source's slices.
 */
export function runPipeline(
  options: PipelineOptions,
  hooks: RunHooks = {},
  replay?: (settings: Settings) => OpenedFeed,
): BacktestResult {
  const clock = new ProgressClock(hooks, options.source.feed === 'synthetic' ? 'slices' : 'bytes');
  const settings: Settings = structuredClone(options.settings);
  if (options.cash !== null) settings.paper.initialCash = options.cash;
  // Nothing is persisted, so nothing would restart from a checkpoint: the engine takes one at the start only.
  settings.persistence.checkpointIntervalMinutes = NO_CHECKPOINTS;
  const strategies = selectStrategies(settings, options.strategies);
  const issues = new IssueTally();
  const opened = replay ? replay(settings) : openFeed(options.source, settings, (issue) => issues.add(issue));
  try {
    const { feed } = opened;
    const journal = new CollectingJournal();
    const engine = createEngine({
      settings,
      instruments: feed.instruments,
      journal,
      seed: options.seed,
      resolveInstrument: (id) => feed.instruments.find((spec) => spec.id === id),
      aroundTheClock: feed.aroundTheClock ?? false,
    });
    const equity = new EquityRecorder(options.source.feed === 'synthetic' ? options.source.bars : 4096);
    const refusals = new Map<string, number>();
    const { from, to } = options.range;
    let bars = 0;
    let slices = 0;
    let polled = 0;
    for (let slice = feed.next(); slice !== null; slice = feed.next()) {
      if (++polled === POLL_EVERY) {
        polled = 0;
        clock.poll(opened.done(), opened.total());
      }
      if (to !== null && slice.time > to) break;
      if (from !== null && slice.time < from) continue;
      const step = engine.onSlice(slice);
      bars += slice.bars.length;
      slices += 1;
      for (const issue of step.dataIssues) issues.add(issue);
      if (step.rejected !== null) {
        issues.rejectedSlices += 1;
        continue;
      }
      equity.push(step.equity.time, step.equity.equity);
      for (const refusal of step.refusals)
        refusals.set(refusal.reason, (refusals.get(refusal.reason) ?? 0) + 1);
    }
    clock.finish(opened.total());
    if (equity.length === 0) throw new BacktestInputError(`no usable bar in ${describeRange(options.range)}`);
    const series = equity.series();
    const open = openPositions(engine, journal);
    const curve = curves(series);
    const result: BacktestResult = {
      mode: 'pipeline',
      data:
        options.source.feed === 'synthetic'
          ? {
              feed: 'synthetic',
              seed: options.source.seed,
              scenario: options.source.scenario,
              bars: options.source.bars,
            }
          : { feed: 'csv', files: [...options.source.files] },
      from: options.range.fromText,
      to: options.range.toText,
      seed: options.seed,
      strategies,
      parameters: null,
      bars,
      slices,
      elapsed_ms: 0,
      start: isoTime(series.times[0]!),
      end: isoTime(series.times[series.times.length - 1]!),
      initial_cash: settings.paper.initialCash,
      final_equity: engine.portfolioView().equity,
      metrics: summarizeMetrics({
        series,
        trips: journal.roundTrips,
        open: open.map((p) => p.metrics),
        fills: journal.fills,
        tradedNotional: journal.tradedNotional,
        commission: journal.commission,
      }),
      attribution: summarizeAttribution(journal.roundTrips),
      trades: journal.roundTrips.map(tradeRow),
      open_positions: open.map((p) => p.row),
      breaker_events: journal.breakerEvents.map(breakerRow),
      refusals: refusalSummary(refusals),
      data_issues: issues.result(),
      equity_curve: curve.equity,
      drawdown_curve: curve.drawdown,
    };
    result.elapsed_ms = clock.elapsed();
    return result;
  } finally {
    opened.close();
  }
}

/** The positions still open, marked to their last close, with what the metrics need of each. */
function openPositions(
  engine: Engine,
  journal: CollectingJournal,
): { row: BacktestResult['open_positions'][number]; metrics: OpenPosition }[] {
  return engine
    .positions()
    .sort((a, b) => (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0))
    .map((p) => {
      const record = journal.positions.get(p.instrument);
      const entryTime = record?.openedAt ?? 0;
      const strategy = record?.strategy ?? 'unknown';
      const side = p.qty > 0 ? ('long' as const) : ('short' as const);
      return {
        row: {
          instrument: p.instrument,
          side,
          qty: Math.abs(p.qty),
          entry_time: isoTime(entryTime),
          entry_price: p.avgPrice,
          last_price: p.lastPrice,
          unrealized_pnl: p.unrealizedPnl,
          strategy,
        },
        metrics: {
          instrument: p.instrument,
          side,
          qty: Math.abs(p.qty),
          entryTime,
          entryPrice: p.avgPrice,
          commission: record?.entryCommission ?? 0,
          strategy,
        },
      };
    });
}

/** A breaker event as the result lists it: level after and before, drawdown, automatic or manual. */
export function breakerRow(event: BreakerEvent): BacktestResult['breaker_events'][number] {
  return {
    time: isoTime(event.time),
    kind: event.kind,
    level: event.after.level,
    level_before: event.before.level,
    drawdown: event.after.drawdown,
    trigger: event.actor === 'auto' ? 'automatic' : 'manual',
    reason: event.reason,
  };
}

/** Refusal counts by reason, most frequent first (ties by reason), the rarest beyond MAX_REASONS summed. */
function refusalSummary(counts: Map<string, number>): BacktestResult['refusals'] {
  const sorted = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const byReason: Record<string, number> = {};
  let total = 0;
  sorted.forEach(([reason, n], i) => {
    total += n;
    if (i < MAX_REASONS) byReason[reason] = n;
    else byReason['other reasons'] = (byReason['other reasons'] ?? 0) + n;
  });
  return { total, by_reason: byReason };
}
