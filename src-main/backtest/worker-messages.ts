import { z } from 'zod';
import { BacktestResultSchema } from './result-schema';

// The messages between the backtest worker thread and its client, parsed with zod on the receiving side.

/** A progress report (BacktestProgress). */
export const ProgressSchema = z.object({
  done: z.number(),
  total: z.number(),
  unit: z.enum(['slices', 'bytes']),
  elapsedMs: z.number(),
  etaMs: z.number().nullable(),
});

/** Worker → client. `error.input`: the options or data were refused (the message says why). */
export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: ProgressSchema }),
  z.object({ type: z.literal('done'), result: BacktestResultSchema }),
  z.object({ type: z.literal('error'), message: z.string(), input: z.boolean() }),
  z.object({ type: z.literal('cancelled') }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/**
 * What the worker starts with: the options (parsed by runBacktest) and a shared 4-byte flag the client
 * sets to 1 to cancel. A flag rather than a message, because the run is one synchronous loop: a message
 * would only be read after it ended; the loop reads the flag every few hundred steps.
 */
export const WorkerInputSchema = z.object({
  options: z.unknown(),
  cancelFlag: z.instanceof(SharedArrayBuffer),
});
export type WorkerInput = z.infer<typeof WorkerInputSchema>;
