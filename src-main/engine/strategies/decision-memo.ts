import type { Signal } from '../../../src-shared/domain/strategy';
import type { StrategyDecision } from '../ports';

/**
 * A strategy's decision, reused while it does not change. Strategies hand out the same immutable Signal
 * object while a view stands, so a step whose signals are exactly the previous step's objects (or whose
 * abstain reason is the previous one) returns the previous decision object: a standing view costs no
 * allocation per bar. Decisions are read-only for everyone who receives them.
 */
export class DecisionMemo {
  private last: StrategyDecision = { signals: [], abstain: '' };
  /** The step's signals, filled by the strategy after `begin()`. */
  private readonly pending: Signal[] = [];

  /** Starts a step: returns the (emptied) list to put this step's signals in. */
  begin(): Signal[] {
    this.pending.length = 0;
    return this.pending;
  }

  /** The decision of the signals put in `begin()`'s list, or of abstaining for `reason` when there are none. */
  end(reason: string): StrategyDecision {
    const pending = this.pending;
    if (pending.length === 0) {
      if (this.last.abstain !== reason) this.last = { signals: [], abstain: reason };
      return this.last;
    }
    const previous = this.last.signals;
    if (previous.length === pending.length) {
      let same = true;
      for (let i = 0; i < pending.length && same; i++) same = pending[i] === previous[i];
      if (same) return this.last;
    }
    this.last = { signals: pending.slice(), abstain: null };
    return this.last;
  }
}
