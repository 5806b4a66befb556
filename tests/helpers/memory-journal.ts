import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { Journal, PortfolioCheckpoint, TradeRecord } from '../../src-main/engine/ports';

/** A Journal that keeps everything in arrays, for engine tests that need no database. */
export class MemoryJournal implements Journal {
  readonly trades: (TradeRecord & { id: number })[] = [];
  readonly breakerEvents: BreakerEvent[] = [];
  readonly checkpoints: PortfolioCheckpoint[] = [];
  failNext = false;

  recordTrade(trade: TradeRecord): number {
    this.throwIfFailing();
    const id = this.trades.length + 1;
    this.trades.push({ ...trade, id });
    return id;
  }

  recordBreakerEvent(event: BreakerEvent): void {
    this.throwIfFailing();
    this.breakerEvents.push(event);
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
