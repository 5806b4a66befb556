import { z } from 'zod';
import { SCENARIOS } from '../../src-shared/settings/sections/market';
import { SettingsSchema } from '../../src-shared/settings/schema';

// What a backtest is asked to do. Plain data (structured-clone safe) so it crosses to the worker thread,
// where it is parsed again with the schemas below.

/** An inclusive range of bar close times (epoch ms) and how the trader wrote its ends. */
export interface TimeRange {
  /** First close time kept (inclusive), or null from the start. */
  from: number | null;
  /** Last close time kept (inclusive), or null to the end. */
  to: number | null;
  /** The ends as given (`2001-01-02`), for the report. */
  fromText: string | null;
  toText: string | null;
}

/** Schema of a TimeRange (worker boundary). */
export const TimeRangeSchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  fromText: z.string().nullable(),
  toText: z.string().nullable(),
});

/** No bound on either side. */
export const ALL_TIME: TimeRange = { from: null, to: null, fromText: null, toText: null };

const finitePositive = z.number().refine((n) => Number.isFinite(n) && n > 0, 'expected a positive number');
const fee = z
  .number()
  .refine((n) => Number.isFinite(n) && n >= 0 && n < 1, 'expected a fraction from 0 to 1');

/** The synthetic market as the source: its seed, scenario and number of steps. */
export const SyntheticSourceSchema = z.object({
  feed: z.literal('synthetic'),
  /** Seed of the market (the execution randomness takes the run's seed). */
  seed: z.number().int(),
  scenario: z.enum(SCENARIOS),
  bars: z.number().int().positive(),
});

/** CSV files as the source, with the fees of their instruments. */
export const CsvSourceSchema = z.object({
  feed: z.literal('csv'),
  files: z.array(z.string().min(1)).min(1),
  /** Commission of every CSV instrument, as fractions of notional (maker: limit orders resting in the book). */
  fees: z.object({ maker: fee, taker: fee }),
});

/**
 * The full pipeline (every enabled strategy, ensemble, sizing, risk, execution simulator) over a feed.
 * `settings` are validated settings; `strategies` 'settings' keeps the settings' enabled flags.
 */
export const PipelineOptionsSchema = z.object({
  mode: z.literal('pipeline'),
  source: z.discriminatedUnion('feed', [SyntheticSourceSchema, CsvSourceSchema]),
  range: TimeRangeSchema,
  strategies: z.union([z.literal('all'), z.literal('settings'), z.array(z.string()).min(1)]),
  /** Seed of the execution randomness (slippage factors). */
  seed: z.number().int(),
  /** Starting cash; the settings' paper.initialCash when null. */
  cash: finitePositive.nullable(),
  settings: SettingsSchema,
});
export type PipelineOptions = z.infer<typeof PipelineOptionsSchema>;

/**
 * Classic single-strategy SMA crossover over one file: long `size` units while the fast SMA is above the
 * slow one; no ensemble, no risk sizing (docs/BACKTESTING.md, "Classic mode").
 */
export const ClassicOptionsSchema = z
  .object({
    mode: z.literal('classic'),
    file: z.string().min(1),
    range: TimeRangeSchema,
    fast: z.number().int().positive(),
    slow: z.number().int().positive(),
    size: finitePositive,
    /** Fraction of notional charged on every fill. */
    commission: fee,
    /** Fraction of the open price a fill pays: buys at open × (1 + s), sells at open × (1 − s). */
    slippage: fee,
    cash: finitePositive,
  })
  .refine((o) => o.fast < o.slow, {
    message: 'the fast SMA period must be shorter than the slow one',
    path: ['fast'],
  });
export type ClassicOptions = z.infer<typeof ClassicOptionsSchema>;

/** Either mode's options; `runBacktest` parses what it is given with it. */
export const BacktestOptionsSchema = z.union([PipelineOptionsSchema, ClassicOptionsSchema]);
export type BacktestOptions = PipelineOptions | ClassicOptions;

/** Progress of a run: `done` of `total` units (slices of a synthetic run, bytes of CSV files). */
export interface BacktestProgress {
  done: number;
  total: number;
  unit: 'slices' | 'bytes';
  /** Wall time since the run started, and the estimate of what is left (null before any progress). */
  elapsedMs: number;
  etaMs: number | null;
}

/** A run stopped by its caller before the end. */
export class BacktestCancelledError extends Error {
  constructor() {
    super('the backtest was cancelled');
    this.name = 'BacktestCancelledError';
  }
}

/** A backtest that cannot run as asked (bad option, unknown strategy, no bars in range); the message says why. */
export class BacktestInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BacktestInputError';
  }
}
