import type { Signal } from '../../../src-shared/domain/strategy';
import type { StrategyDecision } from '../ports';

/**
 * A strategy's decision, reused while it does not change. Strategies hand out the same (read-only) Signal
 * object while a view stands, so a step whose signals are exactly the previous step's objects (or whose
 * abstain reason is the previous one) returns the previous decision object: a standing view costs no
 * allocation per bar. Decisions are read-only for everyone who receives them.
 *
 * What the check needs of the last decision (its first signal, count and abstain reason) is kept here, and
 * a step's first signal is also held apart: most steps have one signal, and the check then reads
 * this object only, not the decision and its lists.
 */
export class DecisionMemo {
  private last: StrategyDecision = { signals: [], abstain: '' };
  /** Of `last`: its first signal (null without), number of signals and abstain reason. */
  private lastFirst: Signal | null = null;
  private lastCount = 0;
  private lastAbstain: string | null = '';
  /**
   * The step's signals: the first `count` entries of `pending` (kept, not truncated: setting an array's
   * length is a runtime call). The first is also held in `first`.
   */
  private readonly pending: Signal[] = [];
  private first: Signal | null = null;
  private count = 0;

  /** Starts a step without signals. */
  begin(): void {
    this.count = 0;
  }

  /** Adds a signal to this step's. */
  add(signal: Signal): void {
    const count = this.count;
    if (count === 0) this.first = signal;
    if (count < this.pending.length) this.pending[count] = signal;
    else this.pending.push(signal);
    this.count = count + 1;
  }

  /** Signals added since `begin()`. */
  get size(): number {
    return this.count;
  }

  /** The decision of the signals added since `begin()`, or of abstaining for `reason` when there are none. */
  end(reason: string): StrategyDecision {
    const count = this.count;
    if (count === 0) {
      if (this.lastAbstain !== reason) this.remember({ signals: [], abstain: reason }, null, 0, reason);
      return this.last;
    }
    const first = this.first!;
    if (count === this.lastCount && first === this.lastFirst) {
      if (count === 1) return this.last;
      const previous = this.last.signals;
      const pending = this.pending;
      let same = true;
      for (let i = 1; i < count && same; i++) same = pending[i] === previous[i];
      if (same) return this.last;
    }
    this.remember({ signals: this.pending.slice(0, count), abstain: null }, first, count, null);
    return this.last;
  }

  private remember(
    decision: StrategyDecision,
    first: Signal | null,
    count: number,
    abstain: string | null,
  ): void {
    this.last = decision;
    this.lastFirst = first;
    this.lastCount = count;
    this.lastAbstain = abstain;
  }
}
