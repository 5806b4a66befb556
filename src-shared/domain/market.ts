import { z } from 'zod';

/** Epoch milliseconds (UTC). Engine time, not wall time. */
export const EpochMs = z.number().int().nonnegative();

export const InstrumentIdSchema = z.string().min(1).max(64);
export type InstrumentId = z.infer<typeof InstrumentIdSchema>;

/** One OHLCV bar. `time` is the bar's close time in engine time. */
export interface Bar {
  instrument: InstrumentId;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface InstrumentSpec {
  id: InstrumentId;
  /** Smallest tradable quantity step. */
  lotSize: number;
}
