import type { EquitySeries } from '../engine/metrics/types';

/**
 * Equity sampled once per step into growable typed arrays (16 bytes a sample, amortised O(1) per push, no
 * per-step object). A sample at the same time as the previous one replaces it, so times stay strictly
 * increasing as the metrics require.
 */
export class EquityRecorder {
  private times: Float64Array;
  private values: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(Math.max(16, capacity));
    this.values = new Float64Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.count;
  }

  push(time: number, equity: number): void {
    if (this.count > 0 && this.times[this.count - 1] === time) {
      this.values[this.count - 1] = equity;
      return;
    }
    if (this.count === this.times.length) this.grow();
    this.times[this.count] = time;
    this.values[this.count] = equity;
    this.count += 1;
  }

  /** The samples so far (views, not copies). */
  series(): EquitySeries & { times: Float64Array; values: Float64Array } {
    return { times: this.times.subarray(0, this.count), values: this.values.subarray(0, this.count) };
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const values = new Float64Array(this.values.length * 2);
    times.set(this.times);
    values.set(this.values);
    this.times = times;
    this.values = values;
  }
}
