import type { EquityPoint } from '../../src-shared/domain/trading';
import { lttbIndices } from '../../src-shared/series/lttb';

/**
 * The equity series shown by the chart: the persisted checkpoints before this session, then every point of
 * this session. Stored column-wise; served downsampled (LTTB) to the size the renderer asks for.
 */
export class EquityHistory {
  private readonly times: number[] = [];
  private readonly equities: number[] = [];
  private readonly drawdowns: number[] = [];

  static fromCheckpoints(points: readonly EquityPoint[]): EquityHistory {
    const history = new EquityHistory();
    for (const point of points) history.push(point);
    return history;
  }

  get length(): number {
    return this.times.length;
  }

  /** Appends a point; a point at the same time as the last replaces it (the chart needs increasing times). */
  push(point: EquityPoint): void {
    const last = this.times.length - 1;
    if (last >= 0 && point.time <= this.times[last]!) {
      if (point.time < this.times[last]!) return;
      this.equities[last] = point.equity;
      this.drawdowns[last] = point.drawdown;
      return;
    }
    this.times.push(point.time);
    this.equities.push(point.equity);
    this.drawdowns.push(point.drawdown);
  }

  downsample(maxPoints: number): EquityPoint[] {
    const indices = lttbIndices(this.times, this.equities, maxPoints);
    return indices.map((i) => ({
      time: this.times[i]!,
      equity: this.equities[i]!,
      drawdown: this.drawdowns[i]!,
    }));
  }
}
