import type { BreakerEvent } from '../../src-shared/domain/risk';
import type {
  DecisionRecord,
  Journal,
  PerformanceSample,
  PortfolioCheckpoint,
  PositionRecord,
  RoundTrip,
  TradeRecord,
  WorkingOrder,
} from '../../src-main/engine/ports';

/** A Journal that keeps everything in arrays, for engine tests that need no database. */
export class MemoryJournal implements Journal {
  readonly fills: (TradeRecord & { id: number })[] = [];
  readonly orders = new Map<
    number,
    { order: WorkingOrder; decisionId: number | null; status: string; filledQty: number }
  >();
  readonly decisions: DecisionRecord[] = [];
  readonly roundTrips: (RoundTrip & { closingFillId: number })[] = [];
  readonly positions = new Map<string, PositionRecord>();
  readonly breakerEvents: BreakerEvent[] = [];
  readonly performance: PerformanceSample[] = [];
  readonly checkpoints: PortfolioCheckpoint[] = [];
  failNext = false;

  recordDecision(decision: DecisionRecord): number {
    this.throwIfFailing();
    this.decisions.push(decision);
    return this.decisions.length;
  }

  recordOrder(order: WorkingOrder, decisionId: number | null): void {
    this.throwIfFailing();
    this.orders.set(order.id, { order: { ...order }, decisionId, status: 'working', filledQty: 0 });
  }

  updateOrder(orderId: number, status: 'working' | 'filled' | 'cancelled', filledQty: number): void {
    const entry = this.orders.get(orderId);
    if (!entry) throw new Error(`order ${orderId} was never recorded`);
    entry.status = status;
    entry.filledQty = filledQty;
  }

  recordFill(fill: TradeRecord): number {
    this.throwIfFailing();
    const id = this.fills.length + 1;
    this.fills.push({ ...fill, id });
    return id;
  }

  recordRoundTrip(trip: RoundTrip, closingFillId: number): void {
    this.roundTrips.push({ ...trip, closingFillId });
  }

  savePosition(position: PositionRecord): void {
    if (position.qty === 0) this.positions.delete(position.instrument);
    else this.positions.set(position.instrument, { ...position });
  }

  recordBreakerEvent(event: BreakerEvent): void {
    this.throwIfFailing();
    this.breakerEvents.push(event);
  }

  recordPerformance(sample: PerformanceSample): void {
    this.performance.push(sample);
  }

  checkpoint(checkpoint: PortfolioCheckpoint): void {
    this.throwIfFailing();
    this.checkpoints.push(checkpoint);
  }

  private throwIfFailing(): void {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SQLITE_FULL: database or disk is full');
    }
  }
}
