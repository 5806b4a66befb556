import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutionConfig } from '../../../src-main/engine/execution/config';
import { createExecutionEngine } from '../../../src-main/engine/execution/create-execution-engine';
import type { Microstructure } from '../../../src-main/engine/execution/market-state';
import type { Fill, OrderRequest } from '../../../src-main/engine/ports';
import { Rng } from '../../../src-main/engine/rng';
import type { AssetClass, Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import { MIN, noisySlippage, quietConfig } from './fixtures';

// Instruments listed one by one during a run must trade exactly as if they had been known from the start:
// same fills (prices, quantities, order) and same microstructure state. Both runs replay one scenario.

const CLASSES: AssetClass[] = ['crypto', 'equity', 'prediction', 'sector'];
const TYPES = ['market', 'limit', 'stop', 'stop-limit'] as const;

interface Step {
  /** Instruments listed at this step, before its slice. */
  listed: InstrumentSpec[];
  slice: MarketSlice;
  /** Orders submitted after the slice. */
  orders: OrderRequest[];
}

const noisy = (mode: 'bar' | 'book'): ExecutionConfig =>
  quietConfig((c) => {
    c.mode = mode;
    c.timeOfDay = true;
    c.maxParticipation = 0.2;
    c.slippage = noisySlippage();
  });

/**
 * `count` instruments with mixed grids and asset classes, instrument i listed at step `listedAt[i]` (any
 * order), `steps` slices holding a bar of every listed instrument (times in US session hours, so equities
 * get the time-of-day effect) and `ordersPerStep` random orders on listed instruments.
 */
function scenario(listedAt: readonly number[], steps: number, ordersPerStep: number, seed: number) {
  const data = new Rng(seed);
  const specs: InstrumentSpec[] = listedAt.map((_, i) => ({
    id: `I${i}`,
    symbol: `I${i}`,
    venue: 'alpha',
    assetClass: CLASSES[i % CLASSES.length]!,
    lotSize: i % 3 === 0 ? 0.1 : 1,
    tickSize: i % 2 === 0 ? 0.01 : 0.05,
    makerFee: 0.0002,
    takerFee: 0.001,
  }));
  const prices = new Float64Array(specs.length).fill(100);
  const live: number[] = [];
  const result: Step[] = [];
  for (let t = 0; t < steps; t++) {
    const listed = specs.filter((_, i) => listedAt[i] === t);
    for (const spec of listed) live.push(specs.indexOf(spec));
    const time = 14 * 3_600_000 + t * MIN;
    const bars: Bar[] = live.map((i) => {
      const open = prices[i]!;
      const close = open * (1 + 0.004 * data.normal());
      prices[i] = close;
      const high = Math.max(open, close) * (1 + 0.002 * data.next());
      const low = Math.min(open, close) * (1 - 0.002 * data.next());
      return {
        instrument: specs[i]!.id,
        time,
        open,
        high,
        low,
        close,
        volume: 500 + Math.round(1000 * data.next()),
      };
    });
    const orders: OrderRequest[] = [];
    for (let k = 0; k < ordersPerStep && live.length > 0; k++) {
      const i = live[Math.floor(data.next() * live.length)]!;
      const spec = specs[i]!;
      const type = TYPES[Math.floor(data.next() * 4)]!;
      const side = data.next() < 0.5 ? 'buy' : 'sell';
      const away = (side === 'buy' ? 1 : -1) * 0.003 * prices[i]!;
      const request: OrderRequest = {
        instrument: spec.id,
        side,
        qty: (1 + Math.floor(data.next() * 150)) * spec.lotSize,
        type,
        timeInForce: data.next() < 0.5 ? 'gtc' : 'ioc',
        strategy: `s${k}`,
        reason: 'growth',
      };
      if (type === 'limit' || type === 'stop-limit') request.limitPrice = prices[i]! - away / 2;
      if (type === 'stop' || type === 'stop-limit') request.stopPrice = prices[i]! + away;
      orders.push(request);
    }
    result.push({ listed, slice: { time, bars }, orders });
  }
  return { specs, steps: result };
}

/**
 * Replays a scenario: every instrument known from the start (in id order), or each added when it is listed
 * (in listing order, so its internal index may differ).
 */
function replay(
  { specs, steps }: ReturnType<typeof scenario>,
  config: ExecutionConfig,
  seed: number,
  upfront: boolean,
) {
  const e = createExecutionEngine(config, upfront ? specs : [], new Rng(seed));
  const fills: Fill[] = [];
  for (const step of steps) {
    if (!upfront) for (const spec of step.listed) e.addInstrument(spec);
    fills.push(...e.onSlice(step.slice));
    for (const request of step.orders) e.submit(request, step.slice.time);
  }
  const micro: (Microstructure | null)[] = specs.map((spec) => e.microstructure(spec.id));
  return { fills, micro, working: e.workingOrders() };
}

describe('instruments added during a run trade as if known from the start', () => {
  for (const mode of ['bar', 'book'] as const) {
    it(`${mode} level: 200 instruments added one by one while trading give identical fills and state`, () => {
      // instrument i listed at step i (I0 first, with nothing known before: growth from empty)
      const listedAt = Array.from({ length: 200 }, (_, i) => i);
      const run = scenario(listedAt, 260, 6, 2024);
      const known = replay(run, noisy(mode), 5, true);
      const added = replay(run, noisy(mode), 5, false);
      expect(known.fills.length).toBeGreaterThan(500);
      // instruments listed late traded too, as maker and taker
      const lateFills = known.fills.filter((f) => Number(f.instrument.slice(1)) >= 150);
      expect(new Set(lateFills.map((f) => f.liquidity)).size).toBe(2);
      expect(added.fills).toEqual(known.fills);
      expect(added.micro).toEqual(known.micro);
      expect(added.working).toEqual(known.working);
    });
  }

  it('for any listing order and times, and any seed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('bar' as const, 'book' as const),
        fc.integer(),
        fc.integer(),
        (listedAt, mode, dataSeed, engineSeed) => {
          const run = scenario(listedAt, 40, 4, dataSeed);
          const known = replay(run, noisy(mode), engineSeed, true);
          const added = replay(run, noisy(mode), engineSeed, false);
          expect(added.fills).toEqual(known.fills);
          expect(added.micro).toEqual(known.micro);
        },
      ),
      { numRuns: 60 },
    );
  });
});
