import { describeZodError } from '../../../src-shared/ipc/result';
import { MarketSettingsSchema, type MarketSettingsInput } from '../../../src-shared/settings/sections/market';
import { SyntheticMarket } from './synthetic-market';

export { SyntheticMarket } from './synthetic-market';

/**
 * Validates the options (the `market` section of settings.yaml; any key left out takes its default) and
 * returns the synthetic market. Throws a RangeError listing every bad field as `market.path: message`.
 */
export function createSyntheticMarket(options: MarketSettingsInput = {}): SyntheticMarket {
  const parsed = MarketSettingsSchema.safeParse(options);
  if (!parsed.success) throw new RangeError(describeZodError(parsed.error, 'market.'));
  return new SyntheticMarket(parsed.data);
}
