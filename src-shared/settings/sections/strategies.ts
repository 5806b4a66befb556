import { BASE_B_PARAM_SCHEMAS } from './strategy-params/base-b';
import { BASE_A_PARAM_SCHEMAS } from './strategy-params/base-a';
import { ADVANCED_PARAM_SCHEMAS } from './strategy-params/advanced';
import { z } from 'zod';
import { bool, nonNegative, positiveInt } from '../fields';

// Parameters of each strategy: the settings section `strategies.<id>`. Every strategy has `enabled`.
// Defaults live in resources/default-settings.yaml; docs/STRATEGIES.md describes each parameter.

export const MomentumParamsSchema = z.strictObject({
  enabled: bool(),
  /** Bars over which the return is measured. */
  lookback: positiveInt(),
  /** Minimum absolute return over the lookback for a buy or sell signal. */
  threshold: nonNegative(),
});

export const StrategiesSchema = z.strictObject({
  momentum: MomentumParamsSchema,
  ...BASE_B_PARAM_SCHEMAS,
  ...BASE_A_PARAM_SCHEMAS,
  ...ADVANCED_PARAM_SCHEMAS,
});
