import { describe, it } from 'vitest';
import { STRATEGY_DEFINITIONS } from '../../../src-main/engine/strategies/registry';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { MarketSlice } from '../../../src-shared/domain/market';
import { testSettings } from '../../helpers/settings';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';

// Every registered strategy, on the synthetic market's full universe: changing the future never changes
// a past decision.
const market = createSyntheticMarket({ seed: 5, maxBars: 400 });
const slices: MarketSlice[] = [];
for (let s = market.next(); s; s = market.next()) slices.push(s);
const settings = testSettings();

describe('no look-ahead', () => {
  for (const definition of STRATEGY_DEFINITIONS) {
    it(`${definition.id}: decisions up to t do not depend on bars after t`, () => {
      const params = (settings.strategies as Record<string, unknown>)[definition.id];
      assertNoLookAhead(definition, params, slices, scalePrices, market.instruments, 10);
    });
  }
});
