import type { Signal } from '../../../src-shared/domain/strategy';
import type { StrategyDecision } from '../ports';

/**
 * A strategy's decision, reused while it does not change. Strategies hand out the same (read-only) Signal
 * object while a view stands, so a step whose signals are exactly the previous step's objects (or whose
 * abstain reason is the previous one) returns the previous decision object: a standing view costs no
 * allocation per bar. Decisions are read-only for everyone who receives them.
 */
export class DecisionMemo {
  private last: StrategyDecision = { signals: [], abstain: '' };
  /** The step's signals: the first `count` entries (kept, not truncated: setting an array's length is a runtime call). */
  private readonly pending: Signal[] = [];
  private count = 0;

  /** Starts a step without signals. */
  begin(): void {
    this.count = 0;
  }

  /** Adds a signal to this step's. */
  add(signal: Signal): void {
    if (this.count < this.pending.length) this.pending[this.count] = signal;
    else this.pending.push(signal);
    this.count += 1;
  }

  /** Signals added since `begin()`. */
  get size(): number {
    return this.count;
  }

  /** The decision of the signals added since `begin()`, or of abstaining for `reason` when there are none. */
  end(reason: string): StrategyDecision {
    const { pending, count } = this;
    if (count === 0) {
      if (this.last.abstain !== reason) this.last = { signals: [], abstain: reason };
      return this.last;
    }
    const previous = this.last.signals;
    if (previous.length === count) {
      let same = true;
      for (let i = 0; i < count && same; i++) same = pending[i] === previous[i];
      if (same) return this.last;
    }
    this.last = { signals: pending.slice(0, count), abstain: null };
    return this.last;
  }
}
