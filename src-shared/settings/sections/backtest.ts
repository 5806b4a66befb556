/*
The `backtest` section of settings.yaml. Defaults:

backtest:
  # Commission of instruments replayed from CSV files (a file carries no venue fees), as fractions of
  # notional: taker for market orders, maker for limit orders resting in the book. `botv2 backtest
  # --commission F` sets both for one run.
  csvFees:
    maker: 0.0005
    taker: 0.001
*/
import { z } from 'zod';

const feeFraction = () =>
  z
    .number({
      error: 'expected a fraction of notional from 0 up to (not including) 1, e.g. 0.001 for 10 bps',
    })
    .refine((value) => Number.isFinite(value) && value >= 0 && value < 1, {
      error: 'expected a fraction of notional from 0 up to (not including) 1, e.g. 0.001 for 10 bps',
    });

/** Schema of the `backtest` section. */
export const BacktestSettingsSchema = z.strictObject({
  csvFees: z.strictObject({ maker: feeFraction(), taker: feeFraction() }),
});

/** The validated `backtest` section. */
export type BacktestSettings = z.infer<typeof BacktestSettingsSchema>;

/** The defaults above, as a value. */
export const BACKTEST_DEFAULTS: BacktestSettings = { csvFees: { maker: 0.0005, taker: 0.001 } };
