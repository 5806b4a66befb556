import type { MarketSlice } from '../../../src-shared/domain/market';
import type { ExecutionEngine, Fill, OrderRequest, WorkingOrder } from '../ports';
import type { Rng } from '../rng';

export interface PaperBrokerConfig {
  /** Taker commission as a fraction of notional. */
  takerCommission: number;
  /** Base slippage as a fraction of price, scaled by a seeded random factor in [randomMin, randomMax). */
  baseSlippage: number;
  randomMin: number;
  randomMax: number;
}

/**
 * The walking skeleton's execution: market orders only. An order submitted on one step fills in full at
 * the next bar's open of its instrument, moved against the trader by the slippage; commission is a
 * fraction of the notional. The full simulator (order book, partial fills, order types) replaces it behind
 * the same ExecutionEngine port.
 */
export class PaperBroker implements ExecutionEngine {
  private working: WorkingOrder[] = [];
  private nextId: number;

  constructor(
    private readonly config: PaperBrokerConfig,
    private readonly rng: Rng,
    firstOrderId = 1,
  ) {
    this.nextId = firstOrderId;
  }

  submit(order: OrderRequest, time: number): WorkingOrder {
    if (order.type !== 'market')
      throw new RangeError(`the paper broker takes market orders only, not ${order.type}`);
    const working: WorkingOrder = { ...order, id: this.nextId++, submittedAt: time, filledQty: 0 };
    this.working.push(working);
    return working;
  }

  cancel(orderId: number): WorkingOrder | null {
    const index = this.working.findIndex((o) => o.id === orderId);
    return index < 0 ? null : this.working.splice(index, 1)[0]!;
  }

  cancelAll(): WorkingOrder[] {
    const cancelled = this.working;
    this.working = [];
    return cancelled;
  }

  workingOrders(): readonly WorkingOrder[] {
    return this.working;
  }

  onSlice(slice: MarketSlice): Fill[] {
    const fills: Fill[] = [];
    const remaining: WorkingOrder[] = [];
    for (const order of this.working) {
      const bar = slice.bars.find((b) => b.instrument === order.instrument);
      if (!bar || order.qty <= 0) {
        if (order.qty > 0) remaining.push(order);
        continue;
      }
      const slippage =
        this.config.baseSlippage * this.rng.uniform(this.config.randomMin, this.config.randomMax);
      const price = bar.open * (1 + (order.side === 'buy' ? 1 : -1) * slippage);
      fills.push({
        orderId: order.id,
        time: bar.time,
        instrument: order.instrument,
        side: order.side,
        qty: order.qty,
        price,
        commission: order.qty * price * this.config.takerCommission,
        liquidity: 'taker',
        strategy: order.strategy,
        reason: order.reason,
      });
    }
    this.working = remaining;
    return fills;
  }
}
