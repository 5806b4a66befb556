import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BacktestRunDetail,
  BacktestRunRow,
  StartBacktestInput,
  StartBacktestResult,
} from '../../src-shared/ipc/backtest-schemas';
import { err, ok, type Result } from '../../src-shared/ipc/result';
import type { Settings } from '../../src-shared/settings/schema';
import { buildBacktestCommand, type parseBacktestArgs } from '../backtest/command-options';
import { BacktestInputError } from '../backtest/options';
import { SMA_CROSS_ID } from '../backtest/run-classic';
import { selectStrategies } from '../backtest/select-strategies';
import { UsageError } from '../cli/options';
import type { RunSummary } from '../store/runs';
import type { BacktestService } from './backtest-service';
import { resourcesDir } from './resources';

// The backtest view's requests. A run from the app is described as `botv2 backtest` would be asked for it,
// and goes through the CLI's own option rules (command-options.ts), so both accept and refuse the same.

type CliValues = ReturnType<typeof parseBacktestArgs>['values'];

/** The bundled S&P 500 daily sample (resources/data, see its README for the source). */
export const sampleDataFile = (): string => join(resourcesDir(), 'data', 'sp500-2000.csv');

/** Which form field a CLI option's message is about. */
const FIELD_OF_OPTION: Record<string, string> = {
  data: 'source',
  feed: 'source',
  bars: 'steps',
  scenario: 'scenario',
  strategies: 'strategies',
  strategy: 'mode',
};

/** The run as `botv2 backtest` options. */
export function toCliValues(input: StartBacktestInput, sampleFile: string): CliValues {
  const values: CliValues = { seed: undefined };
  const { source } = input;
  if (source.kind === 'synthetic') {
    values.feed = 'synthetic';
    values.bars = String(source.steps);
    values.scenario = source.scenario;
  } else {
    values.data = source.kind === 'sample' ? sampleFile : source.files.join(',');
  }
  if (input.cash !== undefined) values.cash = String(input.cash);
  if (input.from !== undefined) values.from = input.from;
  if (input.to !== undefined) values.to = input.to;
  if (input.mode === 'classic') {
    values.strategy = SMA_CROSS_ID;
    values.fast = String(input.fast);
    values.slow = String(input.slow);
    values.size = String(input.size);
    values.commission = String(input.commission);
    values.slippage = String(input.slippage);
  } else {
    values.seed = String(input.seed);
    values.strategies = input.strategies === 'all' ? 'all' : input.strategies.join(',');
    if (input.commission !== undefined && source.kind !== 'synthetic')
      values.commission = String(input.commission);
  }
  return values;
}

/** A refusal in the form's words: the CLI's `--name` becomes the field it came from. */
function refusal(message: string): StartBacktestResult {
  const option = /^--([a-z-]+)/.exec(message)?.[1];
  const field = option === undefined ? '' : (FIELD_OF_OPTION[option] ?? option);
  return { started: false, field, message: message.replace(/--([a-z-]+)/g, '$1') };
}

/**
 * Starts a run in a worker thread, or says which field stops it: a file that does not exist, an option
 * the CLI would refuse (unknown strategy, fast ≥ slow, a date that is not one, …).
 */
export function startBacktest(
  service: BacktestService,
  input: StartBacktestInput,
  settings: Settings,
): StartBacktestResult {
  if (input.source.kind === 'csv') {
    for (const file of input.source.files)
      if (!existsSync(file) || !statSync(file).isFile())
        return { started: false, field: 'files', message: `no such file: ${file}` };
  }
  if (input.source.kind === 'synthetic' && input.mode === 'classic')
    return {
      started: false,
      field: 'mode',
      message: 'the classic SMA crossover runs over one CSV file; choose the sample or a file',
    };
  if (input.mode === 'classic' && input.source.kind === 'csv' && input.source.files.length !== 1)
    return {
      started: false,
      field: 'files',
      message: 'the classic SMA crossover runs over one CSV file; give one, or choose the full pipeline',
    };
  try {
    const { options } = buildBacktestCommand(
      toCliValues(input, sampleDataFile()),
      settings,
      settings.backtest,
    );
    // Checked here too (the worker checks again) so an unknown id is refused at the form, not as a failed run.
    if (options.mode === 'pipeline') selectStrategies(structuredClone(options.settings), options.strategies);
    return { started: true, runId: service.start(options) };
  } catch (error) {
    if (error instanceof UsageError || error instanceof BacktestInputError) return refusal(error.message);
    throw error;
  }
}

/** What a stored run replayed and how, in a few words for the list. */
export function describeRun(data: unknown, sampleFile: string): string {
  const options = (data ?? {}) as {
    mode?: string;
    file?: string;
    source?: { feed?: string; files?: string[]; scenario?: string; bars?: number };
    strategies?: unknown;
    fast?: number;
    slow?: number;
  };
  const fileName = (file: string) => (file === sampleFile ? 'S&P 500 sample' : file.split(/[\\/]/).pop()!);
  if (options.mode === 'classic')
    return `${fileName(options.file ?? '?')}, SMA ${options.fast ?? '?'}/${options.slow ?? '?'} crossover`;
  const source = options.source;
  const what =
    source?.feed === 'synthetic'
      ? `synthetic ${source.scenario ?? ''} market, ${source.bars ?? '?'} steps`
      : (source?.files ?? []).map(fileName).join(', ');
  const strategies = Array.isArray(options.strategies)
    ? `${options.strategies.length} strategies`
    : options.strategies === 'all'
      ? 'all strategies'
      : 'strategies as in settings';
  return `${what}, ${strategies}`;
}

function toRow(run: RunSummary, sampleFile: string): BacktestRunRow {
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: run.status,
    description: describeRun(run.data, sampleFile),
    finalEquity: run.finalEquity,
    totalReturn: run.totalReturn,
    error: run.error,
  };
}

/** The newest runs first. */
export function listBacktests(service: BacktestService, limit: number): BacktestRunRow[] {
  const sample = sampleDataFile();
  return service.list(limit).map((run) => toRow(run, sample));
}

/** One run with its result (null until it is done). */
export function loadBacktest(service: BacktestService, runId: number): Result<BacktestRunDetail> {
  const run = service.load(runId);
  if (!run) return err(`backtest run ${runId} does not exist`);
  const row = toRow(
    {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.status,
      seed: run.seed,
      data: run.data,
      finalEquity: run.results?.final_equity ?? null,
      totalReturn: run.results?.metrics.total_return ?? null,
      error: run.error,
    },
    sampleDataFile(),
  );
  return ok({ run: row, result: run.results });
}
