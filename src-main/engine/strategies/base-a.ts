import { breakout } from './breakout';
import type { StrategyDefinition } from './definition';
import { fibonacci } from './fibonacci';
import { macdMomentum } from './macd-momentum';
import { meanReversion } from './mean-reversion';
import { regimeDetection } from './regime-detection';
import { statisticalArbitrage } from './statistical-arbitrage';
import { volatilityExpansion } from './volatility-expansion';

/** The base strategies of group A (spec section 6), in a fixed order (the registry's order matters). */
export const BASE_A_STRATEGIES: readonly StrategyDefinition[] = [
  statisticalArbitrage,
  regimeDetection,
  meanReversion,
  volatilityExpansion,
  breakout,
  fibonacci,
  macdMomentum,
];
