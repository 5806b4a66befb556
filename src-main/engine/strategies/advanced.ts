import type { StrategyDefinition } from './definition';
import { crossExchangeArbitrage } from './cross-exchange-arbitrage';
import { domainSpecialisation } from './domain-specialisation';
import { highProbabilityBonds } from './high-probability-bonds';
import { liquidationFlow } from './liquidation-flow';
import { liquidityProvision } from './liquidity-provision';

/** The five advanced strategies (spec section 6), in a fixed order (the order matters for determinism). */
export const ADVANCED_STRATEGIES: readonly StrategyDefinition[] = [
  crossExchangeArbitrage,
  liquidationFlow,
  highProbabilityBonds,
  liquidityProvision,
  domainSpecialisation,
];
