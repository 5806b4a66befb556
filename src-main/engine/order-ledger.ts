import type { Bar } from '../../src-shared/domain/market';
import type { Execution } from '../../src-shared/domain/trading';
import type { Portfolio } from './portfolio';
import type { ExecutionEngine, Fill, Journal, TradeRecord, WorkingOrder } from './ports';

/**
 * Keeps the books of orders and fills: books each fill in the portfolio and the journal, tracks every
 * order until it is filled or cancelled (so its status row is right), and closes positions in prediction
 * contracts that settle.
 */
export class OrderLedger {
  /** Orders submitted and not yet finished: their size and what has filled. */
  private readonly open = new Map<number, { qty: number; filled: number }>();

  constructor(
    private readonly portfolio: Portfolio,
    private readonly journal: Journal,
    private readonly execution: ExecutionEngine,
  ) {}

  submitted(order: WorkingOrder, decisionId: number | null): void {
    this.journal.recordOrder(order, decisionId);
    this.open.set(order.id, { qty: order.qty, filled: 0 });
  }

  /** Books a fill in the portfolio and the journal; returns the execution as recorded. */
  book(fill: Fill): Execution {
    const { realizedPnl, effect, roundTrip, position } = this.portfolio.applyFill(fill);
    const { orderId, time, instrument, side, qty, price, commission, liquidity, strategy, reason } = fill;
    // Field by field, in the Fill's order (a spread of the fill is a slow path, run for every fill).
    const record: TradeRecord = {
      orderId,
      time,
      instrument,
      side,
      qty,
      price,
      commission,
      liquidity,
      strategy,
      reason,
      realizedPnl,
      effect,
    };
    const id = this.journal.recordFill(record);
    if (roundTrip) this.journal.recordRoundTrip(roundTrip, id);
    this.journal.savePosition(position, fill.time);
    const order = fill.orderId === null ? undefined : this.open.get(fill.orderId);
    if (order && fill.orderId !== null) {
      order.filled += fill.qty;
      const done = order.filled >= order.qty - 1e-9;
      this.journal.updateOrder(fill.orderId, done ? 'filled' : 'working', order.filled);
      if (done) this.open.delete(fill.orderId);
    }
    return {
      id,
      orderId,
      time,
      instrument,
      side,
      qty,
      price,
      commission,
      liquidity,
      realizedPnl,
      effect,
      strategy,
      reason,
    };
  }

  /** Orders the execution engine no longer works but that did not fill in full were cancelled. */
  closeFinished(): void {
    if (this.open.size === 0) return;
    const working = new Set(this.execution.workingOrders().map((o) => o.id));
    for (const [id, order] of this.open) {
      if (working.has(id)) continue;
      this.journal.updateOrder(id, 'cancelled', order.filled);
      this.open.delete(id);
    }
  }

  /** Cancels the orders still working on an instrument (a new decision replaces them). */
  cancelInstrument(instrument: string): void {
    let cancelled = false;
    for (const order of this.execution.workingOrders()) {
      if (order.instrument === instrument) cancelled = this.execution.cancel(order.id) !== null || cancelled;
    }
    if (cancelled) this.closeFinished();
  }

  /** Cancels every working order (a halt); their rows say so. */
  cancelAll(): void {
    this.execution.cancelAll();
    this.closeFinished();
  }

  /**
   * A contract settled on this bar: its working orders are cancelled and an open position is closed at the
   * settlement value (0 or 1), without commission. Returns the closing execution, if any.
   */
  settle(bar: Bar): Execution | null {
    if (bar.settlement === undefined) return null;
    for (const order of this.execution.workingOrders()) {
      if (order.instrument === bar.instrument) this.execution.cancel(order.id);
    }
    this.closeFinished();
    const qty = this.portfolio.quantity(bar.instrument);
    if (qty === 0) return null;
    return this.book({
      orderId: null,
      time: bar.time,
      instrument: bar.instrument,
      side: qty > 0 ? 'sell' : 'buy',
      qty: Math.abs(qty),
      price: bar.settlement,
      commission: 0,
      liquidity: 'taker',
      strategy: 'settlement',
      reason: `contract settled at ${bar.settlement}`,
    });
  }
}
