import { z } from 'zod';
import { BacktestResultSchema } from '../domain/backtest-result';
import { SCENARIOS } from '../settings/sections/market';
import { absolutePath } from './dashboard-schemas';

// Schemas of the backtest view's requests and its progress event. A run is described the way
// `botv2 backtest` takes it (docs/BACKTESTING.md): the host turns this into the CLI's options, so the two
// share one set of rules and messages.

const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
  .optional();
const positive = (what: string) =>
  z
    .number({ error: `the ${what} must be a number` })
    .refine((n) => Number.isFinite(n) && n > 0, { error: `the ${what} must be positive` });
/**
 * The largest starting cash or order size a run takes (10¹²): beyond it, equity and notionals lose their
 * cents in a double and can overflow to Infinity, so such an amount is a typing slip, not a plan.
 */
export const MAX_AMOUNT = 1e12;
const amount = (what: string) =>
  positive(what).refine((n) => n <= MAX_AMOUNT, {
    error: `the ${what} must be at most 1 000 000 000 000`,
  });
const fraction = (what: string) =>
  z.number({ error: `the ${what} must be a number` }).refine((n) => Number.isFinite(n) && n >= 0 && n < 1, {
    error: `the ${what} is a fraction from 0 up to (not including) 1, e.g. 0.001 for 10 bps`,
  });
const period = z
  .number({ error: 'a period is a whole number of bars' })
  .int({ error: 'a period is a whole number of bars' })
  .min(1, { error: 'a period is at least 1 bar' })
  .max(100_000, { error: 'a period is at most 100 000 bars' });

/** Where the bars come from: the bundled S&P 500 sample, CSV files on this machine, or the synthetic market. */
export const BacktestSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sample') }),
  z.strictObject({
    kind: z.literal('csv'),
    files: z
      .array(absolutePath)
      .min(1, { error: 'give the full path of at least one CSV file' })
      .max(20, { error: 'at most 20 files at once' }),
  }),
  z.strictObject({
    kind: z.literal('synthetic'),
    scenario: z.enum(SCENARIOS),
    steps: z
      .number({ error: 'the number of steps must be a whole number' })
      .int({ error: 'the number of steps must be a whole number' })
      .min(1, { error: 'at least 1 step' })
      .max(2_000_000, { error: 'at most 2 000 000 steps' }),
  }),
]);
export type BacktestSource = z.infer<typeof BacktestSourceSchema>;

/** The full pipeline (ensemble, sizing, risk, execution) with a choice of strategies. */
const PipelineRunSchema = z.strictObject({
  mode: z.literal('pipeline'),
  source: BacktestSourceSchema,
  strategies: z.union([
    z.literal('all'),
    z.array(z.string().min(1).max(64)).min(1, { error: 'choose at least one strategy' }).max(64),
  ]),
  /** Commission of CSV instruments (the synthetic market has its venues' fees); settings' when left out. */
  commission: fraction('commission').optional(),
  seed: z
    .number({ error: 'the seed must be a whole number' })
    .int({ error: 'the seed must be a whole number' })
    .min(0, { error: 'the seed must be 0 or more' })
    .max(2 ** 31 - 1, { error: 'the seed must be below 2^31' }),
  cash: amount('starting cash').optional(),
  from: dateText,
  to: dateText,
});

/** The classic SMA crossover over one file (no ensemble, no risk sizing). */
const ClassicRunSchema = z.strictObject({
  mode: z.literal('classic'),
  source: BacktestSourceSchema,
  fast: period,
  slow: period,
  size: amount('size'),
  commission: fraction('commission'),
  slippage: fraction('slippage'),
  cash: amount('starting cash').optional(),
  from: dateText,
  to: dateText,
});

export const StartBacktestSchema = z.discriminatedUnion('mode', [PipelineRunSchema, ClassicRunSchema]);
export type StartBacktestInput = z.infer<typeof StartBacktestSchema>;

/** A refused run names the form field it is about ('' when none). */
export const StartBacktestResultSchema = z.union([
  z.object({ started: z.literal(true), runId: z.number().int().positive() }),
  z.object({ started: z.literal(false), field: z.string(), message: z.string() }),
]);
export type StartBacktestResult = z.infer<typeof StartBacktestResultSchema>;

export const RunIdSchema = z.strictObject({
  runId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const RunStatusSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type RunStatusName = z.infer<typeof RunStatusSchema>;

/** A row of the past-runs list. */
export const BacktestRunRowSchema = z.object({
  id: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  status: RunStatusSchema,
  /** What ran, in words: "sample (S&P 500), pipeline, all strategies". */
  description: z.string(),
  finalEquity: z.number().nullable(),
  totalReturn: z.number().nullable(),
  error: z.string().nullable(),
});
export type BacktestRunRow = z.infer<typeof BacktestRunRowSchema>;

/** A stored run with its whole result once done. */
export const BacktestRunDetailSchema = z.object({
  run: BacktestRunRowSchema,
  result: BacktestResultSchema.nullable(),
});
export type BacktestRunDetail = z.infer<typeof BacktestRunDetailSchema>;

/** Pushed while a run goes on and once when it ends. */
export const BacktestProgressSchema = z.object({
  runId: z.number().int(),
  status: RunStatusSchema,
  done: z.number(),
  total: z.number(),
  unit: z.enum(['slices', 'bytes']),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type BacktestProgressEvent = z.infer<typeof BacktestProgressSchema>;
