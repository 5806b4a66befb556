import { z } from 'zod';
import { RiskViewSchema, StrategyRowSchema } from '../domain/analytics';
import { EpochMs } from '../domain/market';
import { BreakerEventSchema, BreakerLevelSchema, BreakerStateSchema } from '../domain/risk';
import { StrategyInfoSchema } from '../domain/strategy';
import {
  BacktestProgressSchema,
  BacktestRunDetailSchema,
  BacktestRunRowSchema,
  RunIdSchema,
  StartBacktestResultSchema,
  StartBacktestSchema,
} from './backtest-schemas';
import {
  DailyReturnSchema,
  DecisionDetailSchema,
  ExportDataSchema,
  ExportResultSchema,
  RiskMetricsSchema,
  SaveSettingsResultSchema,
  SaveSettingsSchema,
  SettingsViewSchema,
  StrategyPnlSchema,
  TradeLogOptionsSchema,
  TradeLogPageSchema,
  TradeLogQuerySchema,
} from './dashboard-schemas';
import {
  EquityPointSchema,
  PortfolioSchema,
  PositionSchema,
  SideSchema,
  ExecutionSchema,
} from '../domain/trading';

// The one contract between the engine host and the renderer. Both transports (Electron IPC and browser-mode
// WebSocket) serve exactly these entries; every payload is parsed with these schemas where it is received.

export const HostStatusSchema = z.object({
  /** True while the paper-trading loop is producing events. */
  running: z.boolean(),
  feed: z.string(),
  /** Engine time runs at wall time × speed. */
  speed: z.number().positive(),
  events: z.number().int().nonnegative(),
  rejectedEvents: z.number().int().nonnegative(),
  /** A fault that stopped the loop, in words; null when healthy. */
  fault: z.string().nullable(),
  /** Set when this session continued after an unclean stop: "recovered after an unclean stop at …". */
  recovery: z.string().nullable(),
});
export type HostStatus = z.infer<typeof HostStatusSchema>;

export const SnapshotSchema = z.object({
  portfolio: PortfolioSchema,
  positions: z.array(PositionSchema),
  breaker: BreakerStateSchema,
  strategies: z.array(StrategyInfoSchema),
  status: HostStatusSchema,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

const reason = z
  .string({ error: 'a reason is required' })
  .trim()
  .min(1, { error: 'a reason is required' })
  .max(500, { error: 'the reason is longer than 500 characters' });

export const TradesQuerySchema = z.strictObject({
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  instrument: z.string().min(1).max(64).optional(),
  strategy: z.string().min(1).max(64).optional(),
  side: SideSchema.optional(),
});

export const TradesPageSchema = z.object({
  items: z.array(ExecutionSchema),
  total: z.number().int().nonnegative(),
});

export const BreakerChangeSchema = z.object({
  event: BreakerEventSchema,
  state: BreakerStateSchema,
});

const entry = <I extends z.ZodType, O extends z.ZodType>(kind: 'query' | 'command', input: I, output: O) => ({
  kind,
  input,
  output,
});

/** Requests from the renderer, answered with Result<output>. */
export const contract = {
  snapshot: entry('query', z.strictObject({}), SnapshotSchema),
  trades: entry('query', TradesQuerySchema, TradesPageSchema),
  equityHistory: entry(
    'query',
    z
      .strictObject({
        maxPoints: z.number().int().min(2).max(1_000_000).default(5000),
        /** Engine-time window (inclusive) for a zoomed chart; the whole history when left out. */
        from: EpochMs.optional(),
        to: EpochMs.optional(),
      })
      .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
        error: 'from must not be after to',
        path: ['from'],
      }),
    z.array(EquityPointSchema),
  ),
  breakerEvents: entry(
    'query',
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(BreakerEventSchema),
  ),
  halt: entry('command', z.strictObject({ reason }), BreakerStateSchema),
  forceLevel: entry(
    'command',
    z.strictObject({
      level: BreakerLevelSchema,
      durationMinutes: z
        .number({ error: 'the duration must be a number of minutes' })
        .positive({ error: 'the duration must be positive' })
        .max(525_600, { error: 'the duration may not exceed a year' }),
      reason,
    }),
    BreakerStateSchema,
  ),
  rearm: entry('command', z.strictObject({ reason }), BreakerStateSchema),
  strategyTable: entry('query', z.strictObject({}), z.array(StrategyRowSchema)),
  riskView: entry('query', z.strictObject({}), RiskViewSchema),
  resume: entry('command', z.strictObject({ reason: reason.optional() }), BreakerStateSchema),
  // The dashboard (src-shared/ipc/dashboard-schemas.ts).
  tradeLog: entry('query', TradeLogQuerySchema, TradeLogPageSchema),
  tradeLogOptions: entry('query', z.strictObject({}), TradeLogOptionsSchema),
  decisionRecord: entry(
    'query',
    z.strictObject({ fillId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    DecisionDetailSchema,
  ),
  riskMetrics: entry('query', z.strictObject({}), RiskMetricsSchema),
  dailyReturns: entry(
    'query',
    z.strictObject({ days: z.number().int().min(1).max(3660).default(90) }),
    z.array(DailyReturnSchema),
  ),
  strategyPnl: entry('query', z.strictObject({}), z.array(StrategyPnlSchema)),
  settings: entry('query', z.strictObject({}), SettingsViewSchema),
  saveSettings: entry('command', SaveSettingsSchema, SaveSettingsResultSchema),
  /** Asynchronous (a backup takes time): served through Dispatch.async; see request-handlers.ts. */
  exportData: entry('command', ExportDataSchema, ExportResultSchema),
  // The backtest view (src-shared/ipc/backtest-schemas.ts).
  startBacktest: entry('command', StartBacktestSchema, StartBacktestResultSchema),
  cancelBacktest: entry('command', RunIdSchema, z.object({ cancelled: z.boolean() })),
  backtestRuns: entry(
    'query',
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    z.array(BacktestRunRowSchema),
  ),
  backtestRun: entry('query', RunIdSchema, BacktestRunDetailSchema),
  /** Asynchronous: the app's file dialog (Electron only; browser mode answers with an error). */
  chooseDataFiles: entry('query', z.strictObject({}), z.object({ files: z.array(z.string()) })),
} as const;

/** Pushed from the host to every connected renderer. */
export const events = {
  equity: EquityPointSchema,
  fill: ExecutionSchema,
  breaker: BreakerChangeSchema,
  status: HostStatusSchema,
  backtestProgress: BacktestProgressSchema,
} as const;

export type Contract = typeof contract;
export type RequestName = keyof Contract;
export type RequestInput<K extends RequestName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends RequestName> = z.output<Contract[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<Contract[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const REQUEST_NAMES = Object.keys(contract) as RequestName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isRequestName = (name: unknown): name is RequestName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
