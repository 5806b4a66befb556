import type { Bar } from '../../../src-shared/domain/market';
import type { ExecutionEngine, Fill, OrderRequest } from '../ports';
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
 * The walking skeleton's execution: a market order fills in full at the bar's close moved against the
 * trader by the slippage; commission is a fraction of the notional. The full simulator (order book,
 * partial fills, order types) replaces it behind the same ExecutionEngine port.
 */
export class PaperBroker implements ExecutionEngine {
  constructor(
    private readonly config: PaperBrokerConfig,
    private readonly rng: Rng,
  ) {}

  execute(order: OrderRequest, bar: Bar): Fill[] {
    if (order.qty <= 0) return [];
    const slippage =
      this.config.baseSlippage * this.rng.uniform(this.config.randomMin, this.config.randomMax);
    const direction = order.side === 'buy' ? 1 : -1;
    const price = bar.close * (1 + direction * slippage);
    const commission = order.qty * price * this.config.takerCommission;
    return [
      { time: bar.time, instrument: order.instrument, side: order.side, qty: order.qty, price, commission },
    ];
  }
}
