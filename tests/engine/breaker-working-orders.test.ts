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

/**
 * A liquidity provider that bids for X with a resting limit 10 % under the last close, while the close is
 * at least 90; below it abstains, so the planner places no new order (which would replace the old bid).
 */
const bidder: StrategyDefinition = {
  id: 'bidder',
  name: 'Bidder',
  category: 'base',
  rule: 'bids 10 % under the close while the close is at least 90',
  needs: ['ohlcv'],
  params: z.object({}),
  create: () => ({
    evaluate: (snapshot) => {
      const close = snapshot.latest.get('X')!.close;
      if (close < 90) return { signals: [], abstain: 'close below 90: no bid' };
      return {
        signals: [{ instrument: 'X', action: 'buy', confidence: 1, reason: 'bid', limitPrice: close * 0.9 }],
        abstain: null,
      };
    },
  }),
};

/** The default levels (5 / 10 / 15 % drawdown); a test can pass tighter ones to trip on a small loss. */
const DEFAULT_LEVELS = [0.05, 0.1, 0.15] as const;

function engineWithBidder(drawdowns: readonly [number, number, number] = DEFAULT_LEVELS) {
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
        { drawdown: drawdowns[0], sizeMultiplier: 0.5 },
        { drawdown: drawdowns[1], sizeMultiplier: 0.5 },
        { drawdown: drawdowns[2], sizeMultiplier: 0 },
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

  // Level 3 stops every opening order, and a trader's halt cancels every working order; so must level 3
  // when it comes in (forced here): a resting GTC limit bid placed before it would otherwise fill afterwards
  // and open a position at level 3.
  it('opens no position after a forced level 3, even from a limit order placed before it', () => {
    const { engine, journal } = engineWithBidder();
    engine.onSlice(slice(1, 100, 100, 100)); // resting bid at 90
    expect(engine.forceLevel(3, 60 * MIN, 'risk desk: stop trading').ok).toBe(true);
    expect(engine.breakerState().openingAllowed).toBe(false);
    engine.onSlice(slice(2, 100, 85, 95)); // trades through the old bid
    expect(journal.fills.filter((f) => f.effect === 'open' || f.effect === 'increase')).toEqual([]);
  });

  it('cancels the resting bid when an automatic trip reaches level 3, so the next bar adds nothing', () => {
    // Levels at 0.05 / 0.1 / 0.2 % drawdown, so the small loss below trips straight to level 3.
    const { engine, journal } = engineWithBidder([0.0005, 0.001, 0.002]);
    engine.onSlice(slice(1, 100, 100, 100)); // a bid at 90 rests
    engine.onSlice(slice(2, 100, 85, 95)); // the bid fills (in part: the book's depth), a new bid at 85.5 rests
    const opened = journal.fills.map((f) => [f.effect, f.price]);
    expect(opened).toEqual([['open', 90]]);
    const qty = journal.fills[0]!.qty;
    // Close 86 (above the bid at 85.5): the long loses qty × 4 from the close-95 peak of qty × 5 gained, a
    // drawdown of 9·qty / (100 000 + 5·qty), above 0.2 % for the qty the book gives.
    expect((9 * qty) / (100_000 + 5 * qty)).toBeGreaterThan(0.002);
    const step = engine.onSlice(slice(3, 95, 86, 86));
    expect(step.breakerEvents.map((e) => e.kind)).toEqual(['trip']);
    expect(engine.breakerState().level).toBe(3);
    const restingBid = [...journal.orders.values()].find((o) => o.order.limitPrice === 85.5)!;
    expect([restingBid.status, restingBid.filledQty]).toEqual(['cancelled', 0]);
    engine.onSlice(slice(4, 86, 70, 75)); // trades through 85.5: the cancelled bid must not fill
    expect(journal.fills.filter((f) => f.effect === 'open' || f.effect === 'increase')).toHaveLength(1);
  });

  it('cuts a long the ensemble still buys at level 3 with a market sell, not a sell limited at the bid', () => {
    const { engine, journal } = engineWithBidder();
    engine.onSlice(slice(1, 100, 100, 100)); // a bid at 90 rests
    engine.onSlice(slice(2, 100, 85, 95)); // it fills: a long; a new bid at 85.5 rests
    expect(engine.forceLevel(3, 60 * MIN, 'risk desk: stop trading').ok).toBe(true);
    // Close 96: the bidder still votes buy, limited at 86.4; level 3's multiplier 0 makes the target flat.
    engine.onSlice(slice(3, 95, 95, 96));
    const orders = [...journal.orders.values()].map((o) => o.order);
    const last = orders[orders.length - 1]!;
    expect([last.side, last.type, last.limitPrice, last.qty]).toEqual([
      'sell',
      'market',
      undefined,
      journal.fills[0]!.qty,
    ]);
  });
});
