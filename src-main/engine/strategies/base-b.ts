import type { StrategyDefinition } from './definition';
import { bollingerBands } from './bollinger-bands';
import { elliottWave } from './elliott-wave';
import { ichimoku } from './ichimoku';
import { rsiDivergence } from './rsi-divergence';
import { sectorRotation } from './sector-rotation';
import { stochastic } from './stochastic';
import { vixHedge } from './vix-hedge';

/** The base-b strategies, in the spec's order (the registry keeps this order: it matters for determinism). */
export const BASE_B_STRATEGIES: readonly StrategyDefinition[] = [
  rsiDivergence,
  bollingerBands,
  stochastic,
  ichimoku,
  elliottWave,
  vixHedge,
  sectorRotation,
];
