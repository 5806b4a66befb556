import { z } from 'zod';
import { InstrumentIdSchema } from './market';

export const SignalActionSchema = z.enum(['buy', 'sell', 'hold']);
export type SignalAction = z.infer<typeof SignalActionSchema>;

export const SignalSchema = z.object({
  instrument: InstrumentIdSchema,
  action: SignalActionSchema,
  confidence: z.number().min(0).max(1),
  reason: z.string(),
  /**
   * Ask for a limit order at this price instead of a market order (liquidity provision). The ensemble's
   * order uses a limit when every vote in the decided direction names one: the least aggressive of them.
   */
  limitPrice: z.number().positive().optional(),
});
export type Signal = z.infer<typeof SignalSchema>;

export const StrategyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  lastSignal: SignalSchema.nullable(),
  /** Why the strategy gave no signal on the last event, if it abstained. */
  abstainReason: z.string().nullable(),
});
export type StrategyInfo = z.infer<typeof StrategyInfoSchema>;
