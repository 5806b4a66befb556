import type { InstrumentSpec } from '../../../src-shared/domain/market';
import type { OrderRequest, WorkingOrder } from '../ports';
import type { StepGrid } from './grid';

/** A working order as the simulator reports it: stops say whether their trigger has traded. */
export interface SimulatedOrder extends WorkingOrder {
  triggered: boolean;
}

const ORDER_TYPES = ['market', 'limit', 'stop', 'stop-limit'];

const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * Why an order cannot be accepted for an instrument, or null. Checks side, type, time in force, the
 * quantity (positive, whole lots) and that each type carries exactly the prices it uses: limit → limitPrice,
 * stop → stopPrice, stop-limit → both, market → neither.
 */
export function orderProblem(order: OrderRequest, spec: InstrumentSpec, lot: StepGrid): string | null {
  const what = 'order for ' + spec.id;
  if (order.side !== 'buy' && order.side !== 'sell')
    return `${what}: side must be buy or sell, not ${String(order.side)}`;
  if (!ORDER_TYPES.includes(order.type))
    return `${what}: type must be one of ${ORDER_TYPES.join(', ')}, not ${String(order.type)}`;
  if (order.timeInForce !== 'gtc' && order.timeInForce !== 'ioc')
    return `${what}: timeInForce must be gtc or ioc, not ${String(order.timeInForce)}`;
  if (!isPositive(order.qty)) return `${what}: qty must be a positive number, not ${String(order.qty)}`;
  if (!lot.holds(order.qty))
    return `${what}: qty ${order.qty} is not a whole number of lots (lot size ${spec.lotSize})`;
  const usesLimit = order.type === 'limit' || order.type === 'stop-limit';
  const usesStop = order.type === 'stop' || order.type === 'stop-limit';
  if (usesLimit && !isPositive(order.limitPrice))
    return `${what}: a ${order.type} order needs a positive limitPrice, not ${String(order.limitPrice)}`;
  if (!usesLimit && order.limitPrice !== undefined)
    return `${what}: a ${order.type} order takes no limitPrice`;
  if (usesStop && !isPositive(order.stopPrice))
    return `${what}: a ${order.type} order needs a positive stopPrice, not ${String(order.stopPrice)}`;
  if (!usesStop && order.stopPrice !== undefined) return `${what}: a ${order.type} order takes no stopPrice`;
  return null;
}

/**
 * The working order for an accepted request, or a RangeError saying what is wrong with it. A limit price
 * off the tick grid is moved onto it on the trader's side (a buy limit down, a sell limit up), so the
 * order never pays more than the trader asked.
 */
export function acceptOrder(
  request: OrderRequest,
  time: number,
  id: number,
  spec: InstrumentSpec,
  tick: StepGrid,
  lot: StepGrid,
): SimulatedOrder {
  if (!Number.isFinite(time)) throw new RangeError(`order submitted at a time that is not a number: ${time}`);
  const problem = orderProblem(request, spec, lot);
  if (problem !== null) throw new RangeError(problem);
  // Every order has the same fields in the same order (one object shape for the hot loops).
  const order: SimulatedOrder = {
    instrument: request.instrument,
    side: request.side,
    qty: request.qty,
    type: request.type,
    limitPrice: request.limitPrice,
    stopPrice: request.stopPrice,
    timeInForce: request.timeInForce,
    strategy: request.strategy,
    reason: request.reason,
    id,
    submittedAt: time,
    filledQty: 0,
    triggered: false,
  };
  if (request.limitPrice !== undefined) {
    const limit = request.side === 'buy' ? tick.floor(request.limitPrice) : tick.ceil(request.limitPrice);
    if (!(limit > 0))
      throw new RangeError(
        `order for ${spec.id}: limitPrice ${request.limitPrice} is below one tick (${spec.tickSize})`,
      );
    order.limitPrice = limit;
  }
  return order;
}
