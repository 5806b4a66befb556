import { join } from 'node:path';
import {
  contract,
  isRequestName,
  type ParsedInput,
  type RequestName,
  type RequestOutput,
} from '../../src-shared/ipc/contract';
import type { ExportFormat } from '../../src-shared/ipc/dashboard-schemas';
import { describeZodError, err, ok, type Result } from '../../src-shared/ipc/result';
import type { Logger } from '../log';
import { DashboardQueries } from './dashboard-queries';
import type { EngineHost } from './engine-host';
import { listBacktests, loadBacktest, startBacktest } from './backtest-requests';
import { writeExport } from './export-service';
import { USER_SETTINGS_FILE } from './paths';
import { defaultSettingsFile } from './resources';
import { readSettingsView, saveSettingsFile, type SettingsFiles } from './settings-file';

/** Requests whose work is asynchronous; only Dispatch.async serves them. */
const ASYNC_REQUESTS = ['exportData', 'chooseDataFiles'] as const;
type AsyncName = (typeof ASYNC_REQUESTS)[number];
type SyncName = Exclude<RequestName, AsyncName>;

type Handlers = { [K in SyncName]: (input: ParsedInput<K>) => Result<RequestOutput<K>> };
type AsyncHandlers = { [K in AsyncName]: (input: ParsedInput<K>) => Promise<Result<RequestOutput<K>>> };

export interface DispatchOptions {
  /**
   * Electron: asks the trader where to save an export (a save dialog in main.ts) and returns the absolute
   * path, or null when cancelled. When given, exportData always uses it and ignores a path in the request.
   */
  chooseExportPath?: (format: ExportFormat) => Promise<string | null>;
  /** Electron: the open-file dialog for backtest data; null when cancelled. Browser mode has none. */
  chooseDataFiles?: () => Promise<string[] | null>;
  /** Default: resources/default-settings.yaml, and settings.yaml in the host's data directory. */
  settingsFiles?: SettingsFiles;
}

function handlersFor(host: EngineHost, options: DispatchOptions): Handlers {
  const queries = new DashboardQueries(host.db, () => host.settings);
  const settingsFiles = (): SettingsFiles =>
    options.settingsFiles ?? {
      defaultsFile: defaultSettingsFile(),
      userFile: join(host.dataDir, USER_SETTINGS_FILE),
    };
  return {
    snapshot: () => ({ ok: true, value: host.snapshot() }),
    trades: ({ offset, limit, instrument, strategy, side }) => ({
      ok: true,
      value: host.read.executionsPage(offset, limit, { instrument, strategy, side }),
    }),
    equityHistory: ({ maxPoints, from, to }) => ({
      ok: true,
      value:
        from === undefined && to === undefined
          ? host.equityHistory(maxPoints)
          : host.equityHistoryBetween(maxPoints, from ?? 0, to ?? Number.MAX_SAFE_INTEGER),
    }),
    breakerEvents: ({ limit }) => ({ ok: true, value: host.read.breakerEvents(limit) }),
    halt: ({ reason }) => host.halt(reason),
    resume: ({ reason }) => host.resume(reason),
    forceLevel: ({ level, durationMinutes, reason }) => host.forceLevel(level, durationMinutes, reason),
    rearm: ({ reason }) => host.rearm(reason),
    strategyTable: () => ({ ok: true, value: host.strategyTable() }),
    riskView: () => ({ ok: true, value: host.riskView() }),
    tradeLog: (query) => ok(queries.tradeLog(query)),
    tradeLogOptions: () => ok(queries.tradeLogOptions()),
    decisionRecord: ({ fillId }) => queries.decisionRecord(fillId),
    riskMetrics: () => ok(queries.riskMetrics()),
    dailyReturns: ({ days }) => ok(queries.dailyReturns(days, host.snapshot().portfolio)),
    strategyPnl: () => ok(queries.strategyPnl()),
    settings: () => ok(readSettingsView(settingsFiles(), host.settings)),
    saveSettings: (input) => ok(saveSettingsFile(settingsFiles(), input, host.settings)),
    startBacktest: (input) => ok(startBacktest(host.backtests, input, host.settings)),
    cancelBacktest: ({ runId }) => ok({ cancelled: host.backtests.cancel(runId) }),
    backtestRuns: ({ limit }) => ok(listBacktests(host.backtests, limit)),
    backtestRun: ({ runId }) => loadBacktest(host.backtests, runId),
  };
}

function asyncHandlersFor(host: EngineHost, options: DispatchOptions): AsyncHandlers {
  return {
    exportData: async ({ format, path }) => {
      let target = path ?? null;
      if (options.chooseExportPath) {
        target = await options.chooseExportPath(format);
        if (target === null) return ok({ format, done: false, path: null, files: [] });
      }
      if (target === null)
        return err('choose where to save the export: the save dialog is not available here');
      return ok(await writeExport(host.db, format, target));
    },
    chooseDataFiles: async () => {
      if (!options.chooseDataFiles) return err("this window has no file dialog: type the file's full path");
      return ok({ files: (await options.chooseDataFiles()) ?? [] });
    },
  };
}

/**
 * Both transports call one dispatch: it checks the request name, parses the payload with the contract's
 * schema, runs the handler, and turns anything thrown into an error result. Nothing throws across.
 * Calling it serves the synchronous requests; `async` serves every request, including the asynchronous
 * ones (exportData), and resolves with the Result.
 */
export interface Dispatch {
  (name: unknown, rawInput: unknown): Result<unknown>;
  async(name: unknown, rawInput: unknown): Promise<Result<unknown>>;
}

const isAsyncName = (name: RequestName): name is AsyncName =>
  (ASYNC_REQUESTS as readonly string[]).includes(name);

export function createDispatch(host: EngineHost, logger: Logger, options: DispatchOptions = {}): Dispatch {
  const handlers = handlersFor(host, options);
  const asyncHandlers = asyncHandlersFor(host, options);
  const failed = (name: string, error: unknown) => {
    logger.error({ err: error, request: name }, 'request failed');
    return err(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  };
  const parse = (name: unknown, rawInput: unknown): Result<{ name: RequestName; input: unknown }> => {
    if (!isRequestName(name))
      return err(`unknown request: ${typeof name === 'string' ? name.slice(0, 64) : typeof name}`);
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return err(`invalid ${name} request: ${describeZodError(parsed.error)}`);
    return ok({ name, input: parsed.data });
  };
  const runSync = (name: SyncName, input: unknown): Result<unknown> => {
    try {
      return (handlers[name] as (input: unknown) => Result<unknown>)(input);
    } catch (error) {
      return failed(name, error);
    }
  };
  const dispatch = ((name: unknown, rawInput: unknown): Result<unknown> => {
    const request = parse(name, rawInput);
    if (!request.ok) return request;
    const { name: known, input } = request.value;
    if (isAsyncName(known)) return err(`${known} is asynchronous: it is served through Dispatch.async`);
    return runSync(known, input);
  }) as Dispatch;
  dispatch.async = async (name, rawInput) => {
    const request = parse(name, rawInput);
    if (!request.ok) return request;
    const { name: known, input } = request.value;
    if (!isAsyncName(known)) return runSync(known, input);
    try {
      return await (asyncHandlers[known] as (input: unknown) => Promise<Result<unknown>>)(input);
    } catch (error) {
      return failed(known, error);
    }
  };
  return dispatch;
}
