import type { Bar } from '../../../src-shared/domain/market';
import type { Fill } from '../ports';
import type { SimulatedOrder } from './order-checks';
import type { Venue } from './venue';

/** A working order with its progress in whole lots of its instrument. */
export interface OrderRecord {
  order: SimulatedOrder;
  /** Index of its instrument in the simulator's per-instrument state. */
  index: number;
  qtyLots: number;
  filledLots: number;
  /** Bars of its instrument this order has been worked on. */
  barsWorked: number;
}

/**
 * Books `lots` lots at `price` on an order (its filled quantity grows) and returns the fill, stamped with
 * the bar's time. Commission = qty × price × the venue's maker or taker fee.
 */
export function recordFill(
  record: OrderRecord,
  venue: Venue,
  bar: Bar,
  lots: number,
  price: number,
  liquidity: 'maker' | 'taker',
): Fill {
  const { order } = record;
  const { spec, lot } = venue;
  const qty = lot.value(lots);
  record.filledLots += lots;
  order.filledQty = lot.value(record.filledLots);
  const fee = liquidity === 'maker' ? spec.makerFee : spec.takerFee;
  return {
    orderId: order.id,
    time: bar.time,
    instrument: order.instrument,
    side: order.side,
    qty,
    price,
    commission: qty * price * fee,
    liquidity,
    strategy: order.strategy,
    reason: order.reason,
  };
}
