import type { BreakerEvent, BreakerLevel } from '../../src-shared/domain/risk';
import type { Result } from '../../src-shared/ipc/result';
import type { SimulatedClock } from './clock';
import type { OrderLedger } from './order-ledger';
import type { Journal } from './ports';
import type { RiskManager } from './risk/risk-manager';

/**
 * The trader's breaker controls (halt, resume, forced level, re-arm) and the working orders that go when
 * opening trades stop. Each control is one audit row, written before the new state counts: if the row
 * cannot be written the state is put back and the error goes to the caller.
 */
export class BreakerControls {
  constructor(
    private readonly deps: { risk: RiskManager; journal: Journal; clock: SimulatedClock },
    private readonly ledger: OrderLedger,
  ) {}

  /** The trader's halt: journalled, and every working order is cancelled (strategies re-decide on resume). */
  halt(reason: string): Result<BreakerEvent> {
    const result = this.manual((breaker, time) => breaker.halt(reason, time));
    if (result.ok) this.ledger.cancelAll();
    return result;
  }

  resume(reason?: string): Result<BreakerEvent> {
    return this.manual((breaker, time) => breaker.resume(time, reason));
  }

  /** The trader forces a breaker level for a duration of engine time. */
  forceLevel(level: BreakerLevel, durationMs: number, reason: string): Result<BreakerEvent> {
    const result = this.manual((breaker, time) => breaker.force(level, durationMs, reason, time));
    if (result.ok) this.cancelIfStopped();
    return result;
  }

  /** The trader re-arms the breaker at the current equity. */
  rearm(reason: string): Result<BreakerEvent> {
    return this.manual((breaker, time) => breaker.rearm(reason, time));
  }

  /**
   * Once opening trades are stopped (level 3, by a trip, a forced level or a forced level's expiry), every
   * working order is cancelled, as a halt does: an order resting from before could otherwise still fill and
   * open a position. Strategies re-decide on the next step, where only reducing orders pass.
   */
  cancelIfStopped(): void {
    if (!this.deps.risk.breaker.state().openingAllowed) this.ledger.cancelAll();
  }

  private manual(
    action: (breaker: RiskManager['breaker'], time: number) => Result<BreakerEvent>,
  ): Result<BreakerEvent> {
    const { breaker } = this.deps.risk;
    const memory = breaker.remember();
    const result = action(breaker, this.deps.clock.now());
    if (!result.ok) return result;
    try {
      this.deps.journal.recordBreakerEvent(result.value);
    } catch (error) {
      breaker.restore(memory);
      throw error;
    }
    return result;
  }
}
