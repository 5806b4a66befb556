import { z } from 'zod';
import { EpochMs } from '../domain/market';
import { ExecutionSchema, SideSchema } from '../domain/trading';

// Schemas of the dashboard's requests (trade log, decision records, risk metrics, daily returns, strategy
// P&L, settings, export). The contract (contract.ts) names them; both sides parse with them.

const filterText = z.string().min(1).max(64);

/** A page of the trade log: newest first, fixed to the fills up to `maxId` so offsets stay stable. */
export const TradeLogQuerySchema = z.strictObject({
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  instrument: filterText.optional(),
  strategy: filterText.optional(),
  side: SideSchema.optional(),
  /** Only fills with an id up to this one; the newest fill when left out. */
  maxId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type TradeLogQuery = z.output<typeof TradeLogQuerySchema>;

export const TradeLogPageSchema = z.object({
  items: z.array(ExecutionSchema),
  /** Fills matching the filter with an id up to maxId. */
  total: z.number().int().nonnegative(),
  /** The newest fill id the page is fixed to (0 on an empty log). */
  maxId: z.number().int().nonnegative(),
});
export type TradeLogPage = z.infer<typeof TradeLogPageSchema>;

export const TradeLogOptionsSchema = z.object({
  instruments: z.array(z.string()),
  strategies: z.array(z.string()),
});
export type TradeLogOptions = z.infer<typeof TradeLogOptionsSchema>;

/** One strategy's vote in an ensemble decision (the engine's VoteContribution). */
export const VoteRecordSchema = z.object({
  strategyId: z.string(),
  action: z.string(),
  confidence: z.number(),
  weight: z.number(),
  contribution: z.number(),
  reason: z.string(),
});

/** The record the engine writes for an ensemble decision (src-main/engine/loop.ts, Engine.act). */
export const EnsembleRecordSchema = z.object({
  vote: z.object({
    method: z.string(),
    action: z.string(),
    confidence: z.number(),
    score: z.number(),
    outcome: z.string(),
  }),
  breakdown: z.array(VoteRecordSchema),
  correlation: z.object({ portfolioCorrelation: z.number(), penalty: z.number() }),
  kelly: z.object({
    trades: z.number(),
    winRate: z.number(),
    payoff: z.number().nullable(),
    fullKelly: z.number(),
    shrinkage: z.number(),
    kelly: z.number(),
  }),
  breakerMultiplier: z.number(),
  sizing: z
    .object({
      fraction: z.number(),
      notional: z.number(),
      qty: z.number(),
      rawFraction: z.number(),
      reasonIfZero: z.string().nullable(),
    })
    .nullable(),
  exposure: z
    .object({ trimmed: z.boolean(), exposureAfter: z.number(), reason: z.string().nullable() })
    .nullable(),
  note: z.string(),
  equity: z.number(),
  price: z.number(),
  currentQty: z.number(),
  targetQty: z.number(),
  orderQty: z.number(),
});
export type EnsembleRecord = z.infer<typeof EnsembleRecordSchema>;

/** The record of a position cut because its instrument's liquidation-cascade risk turned high. */
export const CascadeRecordSchema = z.object({
  cascade: z.looseObject({ level: z.string(), score: z.number() }).nullable(),
  keep: z.number(),
  currentQty: z.number(),
  targetQty: z.number(),
});
export type CascadeRecord = z.infer<typeof CascadeRecordSchema>;

export const DecisionDetailSchema = z.object({
  fill: ExecutionSchema,
  /** The order the fill belongs to; null for a settlement (no order). */
  order: z
    .object({
      id: z.number().int(),
      type: z.string(),
      side: SideSchema,
      qty: z.number(),
      limitPrice: z.number().nullable(),
      status: z.string(),
      filledQty: z.number(),
      strategy: z.string(),
      reason: z.string(),
    })
    .nullable(),
  /** What produced the order; null when the order carries no decision. */
  decision: z
    .object({
      id: z.number().int(),
      time: EpochMs,
      instrument: z.string(),
      /** Set when the record is an ensemble decision, or a cascade cut; `raw` always holds the JSON. */
      ensemble: EnsembleRecordSchema.nullable(),
      cascade: CascadeRecordSchema.nullable(),
      raw: z.unknown(),
    })
    .nullable(),
});
export type DecisionDetail = z.infer<typeof DecisionDetailSchema>;

const nullableNumber = z.number().nullable();

/** The spec's risk metrics over the recorded equity samples and closed round trips, and the risk limits. */
export const RiskMetricsSchema = z.object({
  /** Engine time of the newest equity sample used; null before the first checkpoint. */
  asOf: EpochMs.nullable(),
  samples: z.number().int().nonnegative(),
  totalReturn: nullableNumber,
  cagr: nullableNumber,
  sharpe: nullableNumber,
  sortino: nullableNumber,
  calmar: nullableNumber,
  maxDrawdown: z.object({
    depth: z.number(),
    peakTime: EpochMs.nullable(),
    troughTime: EpochMs.nullable(),
    recoveryTime: EpochMs.nullable(),
    durationMs: z.number(),
  }),
  trades: z.number().int().nonnegative(),
  wins: z.number().int().nonnegative(),
  losses: z.number().int().nonnegative(),
  winRate: nullableNumber,
  grossProfit: z.number(),
  grossLoss: z.number(),
  profitFactor: nullableNumber,
  expectancy: nullableNumber,
  limits: z.object({
    breakerLevels: z.array(
      z.object({ level: z.number().int(), drawdown: z.number(), sizeMultiplier: z.number() }),
    ),
    cooldownMinutes: z.number(),
    maxGrossExposure: z.number(),
    kellyFraction: z.number(),
    cascadeHighThreshold: z.number(),
  }),
});
export type RiskMetrics = z.infer<typeof RiskMetricsSchema>;

export const DailyReturnSchema = z.object({
  /** UTC calendar day, YYYY-MM-DD. */
  day: z.string(),
  close: z.number(),
  /** close / previous day's close − 1 (the first day against the first sample). */
  return: z.number(),
  /** True for today: the live equity, not a closed day. */
  partial: z.boolean(),
});
export type DailyReturn = z.infer<typeof DailyReturnSchema>;

/** Money P&L by the strategy that opened each round trip. */
export const StrategyPnlSchema = z.object({
  strategy: z.string(),
  trades: z.number().int().nonnegative(),
  wins: z.number().int().nonnegative(),
  pnl: z.number(),
  commission: z.number(),
  netPnl: z.number(),
});
export type StrategyPnl = z.infer<typeof StrategyPnlSchema>;

export const SettingsSectionSchema = z.object({
  key: z.string(),
  /** live: the engine could take the change between steps; restart: only a new start reads it. */
  applies: z.enum(['live', 'restart']),
  note: z.string(),
});
export type SettingsSection = z.infer<typeof SettingsSectionSchema>;

export const SettingsViewSchema = z.object({
  /** The settings the files give now (what the next start uses). */
  effective: z.record(z.string(), z.unknown()),
  userFile: z.string(),
  /** The user's settings.yaml as text ('' when there is none). */
  userYaml: z.string(),
  sections: z.array(SettingsSectionSchema),
  /** Whether the running engine takes saved changes without a restart (not yet: every change waits). */
  liveApply: z.boolean(),
  /** Top-level keys whose saved values differ from those the engine runs with. */
  pendingRestart: z.array(z.string()),
  /** Problems of the files as they are on disk (someone edited them by hand); empty when they load. */
  problems: z.array(z.object({ path: z.string(), line: z.number().int().nullable(), message: z.string() })),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

const settingsPath = z.array(z.union([z.string().min(1).max(64), z.number().int().min(0).max(10_000)]));

export const SaveSettingsSchema = z.union([
  z.strictObject({
    yaml: z.string().max(60_000, { error: 'the settings text is longer than 60 000 characters' }),
  }),
  z.strictObject({
    changes: z
      .array(z.strictObject({ path: settingsPath.min(1), value: z.unknown() }))
      .min(1, { error: 'nothing to save' })
      .max(2000),
  }),
]);
export type SaveSettingsInput = z.output<typeof SaveSettingsSchema>;

export const SettingsProblemSchema = z.object({
  /** Key path as in the messages (risk.circuitBreaker.levels[0].drawdown); '' when not tied to a key. */
  path: z.string(),
  line: z.number().int().nullable(),
  /** The loader's line, with the file named: `settings.yaml:12 risk.kelly.fraction: expected …`. */
  message: z.string(),
});
export type SettingsProblem = z.infer<typeof SettingsProblemSchema>;

export const SaveSettingsResultSchema = z.object({
  saved: z.boolean(),
  file: z.string(),
  problems: z.array(SettingsProblemSchema),
  /** Top-level keys the save changed against the running engine: they apply at the next start. */
  pendingRestart: z.array(z.string()),
});
export type SaveSettingsResult = z.infer<typeof SaveSettingsResultSchema>;

/** An absolute file system path (POSIX, drive letter or UNC); checked again where it is used. */
export const absolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
    error: 'expected an absolute path',
  });

export const ExportFormatSchema = z.enum(['database', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportDataSchema = z.strictObject({
  format: ExportFormatSchema,
  /** database: a new file; csv: a folder for trades.csv, fills.csv, checkpoints.csv. */
  path: absolutePath.optional(),
});

export const ExportResultSchema = z.object({
  format: ExportFormatSchema,
  /** False when the trader cancelled the save dialog. */
  done: z.boolean(),
  path: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative().nullable() })),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;
