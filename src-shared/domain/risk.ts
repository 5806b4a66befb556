import { z } from 'zod';
import { EpochMs } from './market';

/** 0 = normal, 1..3 = the circuit breaker's drawdown levels (3 stops trading). */
export const BreakerLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type BreakerLevel = z.infer<typeof BreakerLevelSchema>;

export const BreakerStateSchema = z.object({
  level: BreakerLevelSchema,
  halted: z.boolean(),
  haltReason: z.string().nullable(),
  peakEquity: z.number(),
  drawdown: z.number().min(0).max(1),
  sizeMultiplier: z.number().min(0).max(1),
  /** Engine time before which the level may not step down; null when no cooldown runs. */
  cooldownUntil: EpochMs.nullable(),
  /** When the trader forced the level: the engine time it ends; null when the level is automatic. */
  forcedUntil: EpochMs.nullable(),
  /** False when halted or at level 3: no order that opens or increases a position passes. */
  openingAllowed: z.boolean(),
});
export type BreakerState = z.infer<typeof BreakerStateSchema>;

export const BreakerEventKindSchema = z.enum(['trip', 'recover', 'halt', 'resume', 'force', 'rearm']);
export type BreakerEventKind = z.infer<typeof BreakerEventKindSchema>;

export const BreakerEventSchema = z.object({
  time: EpochMs,
  kind: BreakerEventKindSchema,
  /** Who acted: the engine (automatic) or the trader (manual). */
  actor: z.enum(['auto', 'trader']),
  reason: z.string(),
  before: BreakerStateSchema,
  after: BreakerStateSchema,
});
export type BreakerEvent = z.infer<typeof BreakerEventSchema>;
