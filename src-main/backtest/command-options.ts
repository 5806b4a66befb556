import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_AMOUNT } from '../../src-shared/ipc/backtest-schemas';
import { SCENARIOS, type Scenario } from '../../src-shared/settings/sections/market';
import { BACKTEST_DEFAULTS, type BacktestSettings } from '../../src-shared/settings/sections/backtest';
import type { Settings } from '../../src-shared/settings/schema';
import { numberOption, refuseRepeatedOptions, UsageError } from '../cli/options';
import type { BacktestOptions } from './options';
import { SMA_CROSS_ID } from './run-classic';
import { parseTimeRange } from './time-range';

/** What `botv2 backtest` was asked for besides the run itself. */
export interface BacktestCommand {
  options: BacktestOptions;
  json: boolean;
  report: string | null;
}

/** The options `botv2 backtest` accepts (node:util parseArgs). */
export const BACKTEST_ARGS = {
  data: { type: 'string' },
  feed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  strategies: { type: 'string' },
  strategy: { type: 'string' },
  seed: { type: 'string' },
  bars: { type: 'string' },
  scenario: { type: 'string' },
  cash: { type: 'string' },
  fast: { type: 'string' },
  slow: { type: 'string' },
  size: { type: 'string' },
  commission: { type: 'string' },
  slippage: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  'data-dir': { type: 'string' },
  settings: { type: 'string' },
} as const;

const CLASSIC_ONLY = ['fast', 'slow', 'size', 'slippage'] as const;
const isFee = (n: number): boolean => n >= 0 && n < 1;
/**
 * The engine's random streams read a seed as 32 bits, so wider seeds would alias (n and n + 2^32 give the
 * same run); the range is the app's form's (backtest-schemas.ts).
 */
const MAX_SEED = 2 ** 31 - 1;
const isSeed = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= MAX_SEED;
/** A starting cash or order size: positive, and at most MAX_AMOUNT (as the app's backtest form). */
const isAmount = (n: number): boolean => n > 0 && n <= MAX_AMOUNT;

const VALUE_OPTIONS: ReadonlySet<string> = new Set(
  Object.entries(BACKTEST_ARGS)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => name),
);
const LIST_HINTS = {
  data: 'list several files separated by commas',
  strategies: 'list several ids separated by commas',
};

/**
 * The CLI's options parsed, without reading any settings (the caller loads them from these paths). An
 * option that takes a value may be given once, and --settings excludes --data-dir: else a UsageError.
 */
export function parseBacktestArgs(
  args: string[],
): ReturnType<typeof parseArgs<{ options: typeof BACKTEST_ARGS }>> {
  const parsed = parseArgs({
    args,
    options: BACKTEST_ARGS,
    strict: true,
    allowPositionals: false,
    tokens: true,
  });
  refuseRepeatedOptions(parsed.tokens, VALUE_OPTIONS, LIST_HINTS);
  if (parsed.values.settings !== undefined && parsed.values['data-dir'] !== undefined)
    throw new UsageError('--settings and --data-dir exclude each other (settings come from one file)');
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * Turns `botv2 backtest` arguments into run options (docs/BACKTESTING.md lists them). `--strategy
 * sma-cross` selects classic mode (one --data file; --fast, --slow, --size, --commission, --slippage);
 * otherwise the full pipeline runs over --data files or `--feed synthetic --bars N`. Throws a UsageError
 * naming the option for anything missing, unknown, out of range or mixed across modes.
 */
export function buildBacktestCommand(
  values: ReturnType<typeof parseBacktestArgs>['values'],
  settings: Settings,
  section: BacktestSettings = BACKTEST_DEFAULTS,
): BacktestCommand {
  const range = parseTimeRange(values.from, values.to);
  const cash = numberOption(values.cash, 'cash', isAmount) ?? null;
  const seed =
    numberOption(values.seed, 'seed', isSeed, `a whole number from 0 to ${MAX_SEED}`) ?? settings.market.seed;
  const commission = numberOption(values.commission, 'commission', isFee);
  const files = values.data === undefined ? [] : values.data.split(',').map((f) => f.trim());
  if (files.some((f) => f === '')) throw new UsageError('--data: an empty file name in the list');
  const json = values.json ?? false;
  const report = values.report === undefined ? null : resolve(values.report);

  if (values.strategy !== undefined) {
    if (values.strategy !== SMA_CROSS_ID)
      throw new UsageError(
        `--strategy: "${values.strategy}" is not a classic strategy (known: ${SMA_CROSS_ID})`,
      );
    if (values.strategies !== undefined)
      throw new UsageError('--strategies selects pipeline strategies; classic mode (--strategy) runs one');
    for (const name of ['feed', 'bars', 'scenario'] as const)
      if (values[name] !== undefined) throw new UsageError(`--${name} is not used in classic mode`);
    if (values.seed !== undefined)
      throw new UsageError('--seed is not used in classic mode (it has no randomness)');
    if (files.length !== 1)
      throw new UsageError('classic mode (--strategy sma-cross) needs exactly one --data FILE');
    const fast = numberOption(values.fast, 'fast', (n) => Number.isInteger(n) && n >= 1) ?? 10;
    const slow = numberOption(values.slow, 'slow', (n) => Number.isInteger(n) && n >= 2) ?? 30;
    if (fast >= slow) throw new UsageError(`--fast ${fast} must be shorter than --slow ${slow}`);
    return {
      options: {
        mode: 'classic',
        file: resolve(files[0]!),
        range,
        fast,
        slow,
        size: numberOption(values.size, 'size', isAmount) ?? 1,
        commission: commission ?? 0,
        slippage: numberOption(values.slippage, 'slippage', isFee) ?? 0,
        cash: cash ?? settings.paper.initialCash,
      },
      json,
      report,
    };
  }

  for (const name of CLASSIC_ONLY)
    if (values[name] !== undefined)
      throw new UsageError(`--${name} is a classic-mode option: add --strategy ${SMA_CROSS_ID}`);
  const strategies =
    values.strategies === undefined
      ? ('settings' as const)
      : values.strategies.trim() === 'all'
        ? ('all' as const)
        : values.strategies.split(',').map((s) => s.trim());
  if (Array.isArray(strategies) && strategies.some((s) => s === ''))
    throw new UsageError('--strategies: an empty name in the list (use all, or ids separated by commas)');
  const feed = values.feed ?? (files.length > 0 ? 'csv' : undefined);
  if (feed === 'synthetic') {
    if (files.length > 0) throw new UsageError('--data and --feed synthetic exclude each other');
    if (commission !== undefined)
      throw new UsageError("--commission sets CSV fees; the synthetic market has its venues' fees");
    const bars = numberOption(values.bars, 'bars', (n) => Number.isInteger(n) && n >= 1);
    if (bars === undefined)
      throw new UsageError('--feed synthetic needs --bars N (the synthetic market never ends)');
    const scenario = values.scenario ?? settings.market.scenario;
    if (!(SCENARIOS as readonly string[]).includes(scenario))
      throw new UsageError(`--scenario: "${scenario}" is not one of ${SCENARIOS.join(', ')}`);
    return {
      options: {
        mode: 'pipeline',
        source: { feed: 'synthetic', seed, scenario: scenario as Scenario, bars },
        range,
        strategies,
        seed,
        cash,
        settings,
      },
      json,
      report,
    };
  }
  if (feed !== 'csv')
    throw new UsageError(
      feed === undefined
        ? 'give --data FILE[,FILE…] or --feed synthetic --bars N'
        : `--feed: "${feed}" is not csv or synthetic`,
    );
  if (files.length === 0) throw new UsageError('--feed csv needs --data FILE[,FILE…]');
  for (const name of ['bars', 'scenario'] as const)
    if (values[name] !== undefined) throw new UsageError(`--${name} is only for --feed synthetic`);
  return {
    options: {
      mode: 'pipeline',
      source: {
        feed: 'csv',
        files: files.map((f) => resolve(f)),
        fees: commission === undefined ? section.csvFees : { maker: commission, taker: commission },
      },
      range,
      strategies,
      seed,
      cash,
      settings,
    },
    json,
    report,
  };
}
