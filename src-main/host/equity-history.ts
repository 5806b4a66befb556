import type { EquityPoint } from '../../src-shared/domain/trading';
import { lttbIndices } from '../../src-shared/series/lttb';

const INITIAL_CAPACITY = 1024;

/**
 * Index of the first of the first `size` (increasing) times that is ≥ `time` (or > `time` when `after`).
 */
function bound(times: Float64Array, size: number, time: number, after: boolean): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < time || (after && times[mid]! === time)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The equity series shown by the chart: the persisted checkpoints before this session, then every point of
 * this session. Stored column-wise in growable Float64Arrays (24 bytes a point: a million points take
 * 24 MB); served downsampled (LTTB) to the size the renderer asks for, over the whole history or a window.
 */
export class EquityHistory {
  private times = new Float64Array(INITIAL_CAPACITY);
  private equities = new Float64Array(INITIAL_CAPACITY);
  private drawdowns = new Float64Array(INITIAL_CAPACITY);
  private size = 0;

  static fromCheckpoints(points: readonly EquityPoint[]): EquityHistory {
    const history = new EquityHistory();
    for (const point of points) history.push(point);
    return history;
  }

  get length(): number {
    return this.size;
  }

  /** Appends a point; a point at the same time as the last replaces it (the chart needs increasing times). */
  push(point: EquityPoint): void {
    const last = this.size - 1;
    if (last >= 0 && point.time <= this.times[last]!) {
      if (point.time < this.times[last]!) return;
      this.equities[last] = point.equity;
      this.drawdowns[last] = point.drawdown;
      return;
    }
    if (this.size === this.times.length) this.grow();
    this.times[this.size] = point.time;
    this.equities[this.size] = point.equity;
    this.drawdowns[this.size] = point.drawdown;
    this.size += 1;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    for (const key of ['times', 'equities', 'drawdowns'] as const) {
      const next = new Float64Array(capacity);
      next.set(this[key]);
      this[key] = next;
    }
  }

  /**
   * At most `maxPoints` points (LTTB) of the points with `from ≤ time ≤ to`; every point when the window
   * holds no more than that, so a chart zoomed far enough in shows full detail.
   */
  downsample(maxPoints: number, from = -Infinity, to = Infinity): EquityPoint[] {
    const lo = bound(this.times, this.size, from, false);
    const hi = bound(this.times, this.size, to, true);
    if (hi <= lo) return [];
    const times = this.times.subarray(lo, hi);
    const equities = this.equities.subarray(lo, hi);
    return lttbIndices(times, equities, maxPoints).map((i) => ({
      time: times[i]!,
      equity: equities[i]!,
      drawdown: this.drawdowns[lo + i]!,
    }));
  }
}
