import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import { SimulatedClock } from '../../src-main/engine/clock';
import { LiquidationCascadeDetector } from '../../src-main/engine/data/liquidation-cascade';
import { LogOfRatioMemo } from '../../src-main/engine/data/log-of-ratio';
import { NormalizationPipeline } from '../../src-main/engine/data/normalizer';
import {
  cascadeOptionsFrom,
  normalizationOptionsFrom,
  validatorOptionsFrom,
} from '../../src-main/engine/data/options-from-settings';
import { DataValidator } from '../../src-main/engine/data/validator';
import { EnsemblePipeline } from '../../src-main/engine/ensemble/ensemble-pipeline';
import { createExecutionEngine } from '../../src-main/engine/execution/create-execution-engine';
import { Engine } from '../../src-main/engine/loop';
import { Portfolio } from '../../src-main/engine/portfolio';
import { CircuitBreaker } from '../../src-main/engine/risk/circuit-breaker';
import { PositionSizer } from '../../src-main/engine/risk/position-sizer';
import { RiskManager } from '../../src-main/engine/risk/risk-manager';
import { Rng } from '../../src-main/engine/rng';
import type { StrategyDefinition } from '../../src-main/engine/strategies/definition';
import { TrackedStrategy } from '../../src-main/engine/strategies/tracked-strategy';
import { MemoryJournal } from '../helpers/memory-journal';
import { testSettings } from '../helpers/settings';

const MIN = 60_000;
const X: InstrumentSpec = {
  id: 'X',
  symbol: 'X',
  venue: 'test',
  assetClass: 'crypto',
  lotSize: 1,
  tickSize: 0.01,
  makerFee: 0,
  takerFee: 0,
};

/** A liquidity provider that always bids for X with a resting limit 10 % under the last close. */
const bidder: StrategyDefinition = {
  id: 'bidder',
  name: 'Bidder',
  category: 'base',
  rule: 'always bids 10 % under the close',
  needs: ['ohlcv'],
  params: z.object({}),
  create: () => ({
    evaluate: (snapshot) => {
      const close = snapshot.latest.get('X')!.close;
      return {
        signals: [{ instrument: 'X', action: 'buy', confidence: 1, reason: 'bid', limitPrice: close * 0.9 }],
        abstain: null,
      };
    },
  }),
};

function engineWithBidder() {
  const settings = testSettings();
  const journal = new MemoryJournal();
  const portfolio = new Portfolio(100_000);
  const logMemo = new LogOfRatioMemo();
  const sizer = new PositionSizer({
    kellyFraction: 0.25,
    minTrades: 1,
    windowTrades: 10,
    minFractionOfEquity: 0.01,
    maxFractionOfEquity: 0.15,
    maxGrossFractionOfEquity: 1,
  });
  sizer.kelly.record(0.1); // one winning trade, no loss: full Kelly 1, so a buy sizes 25 % → the 15 % cap
  const breaker = new CircuitBreaker(
    {
      levels: [
        { drawdown: 0.05, sizeMultiplier: 0.5 },
        { drawdown: 0.1, sizeMultiplier: 0.5 },
        { drawdown: 0.15, sizeMultiplier: 0 },
      ],
      cooldownMs: 30 * MIN,
    },
    { equity: 100_000 },
  );
  const engine = new Engine({
    clock: new SimulatedClock(0),
    validator: new DataValidator({ ...validatorOptionsFrom(settings.data, [X], true), logMemo }),
    normalizer: new NormalizationPipeline({ ...normalizationOptionsFrom(settings.data), logMemo }),
    cascade: new LiquidationCascadeDetector(
      cascadeOptionsFrom(settings.data, settings.risk.liquidationCascade.highRiskThreshold),
    ),
    cascadeKeep: 0.5,
    instruments: [X],
    strategies: [new TrackedStrategy(bidder, {}, 10)],
    ensemble: new EnsemblePipeline(['bidder'], settings.ensemble, MIN),
    sizer,
    risk: new RiskManager({ minFractionOfEquity: 0.01, maxFractionOfEquity: 0.15 }, breaker),
    execution: createExecutionEngine(settings.execution, [X], new Rng(1), 1),
    journal,
    portfolio,
    checkpointIntervalMs: 5 * MIN,
  });
  return { engine, journal };
}

const slice = (minute: number, open: number, low: number, close: number): MarketSlice => ({
  time: minute * MIN,
  bars: [
    { instrument: 'X', time: minute * MIN, open, high: Math.max(open, close), low, close, volume: 1000 },
  ],
});

describe('Breaker level 3 and orders already working', () => {
  it('sanity: without the breaker, the resting bid fills when the price trades through it', () => {
    const { engine, journal } = engineWithBidder();
    engine.onSlice(slice(1, 100, 100, 100)); // bid 150 lots at 90 (15 % of 100 000 at 100)
    expect([...journal.orders.values()].map((o) => o.order)).toMatchObject([
      { side: 'buy', type: 'limit', limitPrice: 90, timeInForce: 'gtc' },
    ]);
    engine.onSlice(slice(2, 100, 85, 95)); // trades through 90
    expect(journal.fills.map((f) => f.effect)).toEqual(['open']);
  });

  // DEFECT (src-main/engine/loop.ts, left to the lead): level 3 "stops every opening order", and a trader's
  // halt cancels every working order, but neither a forced level 3 nor an automatic trip to level 3 cancels
  // the opening orders already working. A resting GTC limit bid placed before the trip fills afterwards and
  // opens a position at level 3. Expected: no 'open' or 'increase' fill once level 3 applies.
  // Marked `it.fails` so CI stays green; it turns red when the loop is fixed (then make it a plain `it`).
  it.fails('opens no position after a forced level 3, even from a limit order placed before it', () => {
    const { engine, journal } = engineWithBidder();
    engine.onSlice(slice(1, 100, 100, 100)); // resting bid at 90
    expect(engine.forceLevel(3, 60 * MIN, 'risk desk: stop trading').ok).toBe(true);
    expect(engine.breakerState().openingAllowed).toBe(false);
    engine.onSlice(slice(2, 100, 85, 95)); // trades through the old bid
    expect(journal.fills.filter((f) => f.effect === 'open' || f.effect === 'increase')).toEqual([]);
  });
});
