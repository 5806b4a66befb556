import type { BreakerEvent } from '../../src-shared/domain/risk';
import type {
  DecisionRecord,
  Journal,
  PortfolioCheckpoint,
  PositionRecord,
  RoundTrip,
  TradeRecord,
  WorkingOrder,
} from '../engine/ports';
import type { RoundTrip as MetricsRoundTrip } from '../engine/metrics/types';

/**
 * The Journal of a backtest: nothing goes to disk. It keeps only what the result needs — the round trips
 * (the portfolio's own, average-cost matched, settlements included), the open positions, the breaker
 * events — and sums the fills (count, traded notional, commission) instead of holding them, so memory grows
 * with the trades, not with the bars. Decisions, orders, samples and checkpoints are counted.
 */
export class CollectingJournal implements Journal {
  readonly roundTrips: MetricsRoundTrip[] = [];
  readonly positions = new Map<string, PositionRecord>();
  readonly breakerEvents: BreakerEvent[] = [];
  fills = 0;
  /** Σ qty × price over the fills. */
  tradedNotional = 0;
  commission = 0;
  decisions = 0;
  orders = 0;
  checkpoints = 0;
  /** Strategy of each fill by id − 1, to name the strategy that closed a round trip. */
  private readonly fillStrategies: string[] = [];

  recordDecision(_decision: DecisionRecord): number {
    this.decisions += 1;
    return this.decisions;
  }

  recordOrder(_order: WorkingOrder, _decisionId: number | null): void {
    this.orders += 1;
  }

  updateOrder(): void {}

  recordFill(fill: TradeRecord): number {
    this.fills += 1;
    this.tradedNotional += Math.abs(fill.qty * fill.price);
    this.commission += fill.commission;
    this.fillStrategies.push(fill.strategy);
    return this.fills;
  }

  recordRoundTrip(trip: RoundTrip, closingFillId: number): void {
    // Field by field (a spread is a slow path), in the round trip's own order.
    this.roundTrips.push({
      instrument: trip.instrument,
      side: trip.side,
      qty: trip.qty,
      entryTime: trip.entryTime,
      exitTime: trip.exitTime,
      entryPrice: trip.entryPrice,
      exitPrice: trip.exitPrice,
      pnl: trip.pnl,
      commission: trip.commission,
      strategy: trip.strategy,
      exitStrategy: this.fillStrategies[closingFillId - 1] ?? trip.strategy,
    });
  }

  savePosition(position: PositionRecord): void {
    if (position.qty === 0) this.positions.delete(position.instrument);
    else this.positions.set(position.instrument, position);
  }

  recordBreakerEvent(event: BreakerEvent): void {
    this.breakerEvents.push(event);
  }

  recordPerformance(): void {}

  checkpoint(_checkpoint: PortfolioCheckpoint): void {
    this.checkpoints += 1;
  }
}
