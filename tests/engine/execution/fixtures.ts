import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { ExecutionConfig } from '../../../src-main/engine/execution/config';
import { createExecutionEngine } from '../../../src-main/engine/execution/create-execution-engine';
import type { OrderRequest } from '../../../src-main/engine/ports';
import { Rng } from '../../../src-main/engine/rng';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const crypto: InstrumentSpec = {
  id: 'X',
  symbol: 'X',
  venue: 'alpha',
  assetClass: 'crypto',
  lotSize: 1,
  tickSize: 0.01,
  makerFee: 0.0002,
  takerFee: 0.001,
};

export const equity: InstrumentSpec = { ...crypto, id: 'E', symbol: 'E', assetClass: 'equity' };

/** A config with every cost off and the random factor pinned to 1: tests switch on one part at a time. */
export function quietConfig(patch: (c: ExecutionConfig) => void = () => undefined): ExecutionConfig {
  const config: ExecutionConfig = {
    mode: 'bar',
    maxParticipation: 1,
    timeOfDay: false,
    slippage: { base: 0, sizeImpact: 0, volatilityImpact: 0, marketImpact: 0, randomMin: 1, randomMax: 1 },
    book: {
      levels: 3,
      baseSpread: 0.002,
      spreadVolatility: 0,
      levelSpacing: 0.5,
      depthShare: 0.6,
      referenceVolatility: 0.04,
      imbalanceTilt: 0.5,
      imbalanceSmoothing: 0,
      volumeSmoothing: 0.5,
    },
  };
  patch(config);
  return config;
}

/** Every slippage component on, with the seeded random factor in [0.8, 1.2] (a fresh object each call). */
export function noisySlippage(): ExecutionConfig['slippage'] {
  return {
    base: 0.0002,
    sizeImpact: 0.001,
    volatilityImpact: 0.05,
    marketImpact: 0.01,
    randomMin: 0.8,
    randomMax: 1.2,
  };
}

export function engine(config: ExecutionConfig, seed = 1, instruments = [crypto, equity]) {
  return createExecutionEngine(config, instruments, new Rng(seed));
}

export function bar(
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume = 1000,
  instrument = 'X',
): Bar {
  return { instrument, time, open, high, low, close, volume };
}

export function slice(...bars: Bar[]): MarketSlice {
  return { time: bars[0]!.time, bars };
}

export function order(patch: Partial<OrderRequest> = {}): OrderRequest {
  return {
    instrument: 'X',
    side: 'buy',
    qty: 10,
    type: 'market',
    timeInForce: 'ioc',
    strategy: 's',
    reason: 'r',
    ...patch,
  };
}
