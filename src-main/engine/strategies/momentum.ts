import type { Bar } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import type { MarketSnapshot, Strategy, StrategyDecision } from '../ports';

export interface MomentumParams {
  lookback: number;
  threshold: number;
}

/** Confidence reaches 1 when the return over the lookback is this many times the threshold. */
const FULL_CONFIDENCE_MULTIPLE = 5;

/**
 * Time-series momentum: the return over the last `lookback` bars. Buy above +threshold, sell below
 * −threshold, hold in between. Keeps `lookback + 1` closes per instrument in a ring buffer (O(1) per bar).
 */
export class MomentumStrategy implements Strategy {
  readonly id = 'momentum';
  readonly name = 'Momentum';
  private readonly closes = new Map<string, { ring: Float64Array; count: number }>();

  constructor(private readonly params: MomentumParams) {}

  onEvent(snapshot: MarketSnapshot): StrategyDecision {
    const signals: Signal[] = [];
    let warming: string | null = null;
    for (const bar of snapshot.slice.bars) {
      const result = this.onBar(bar);
      if (typeof result === 'string') warming = result;
      else signals.push(result);
    }
    return signals.length
      ? { signals, abstain: null }
      : { signals: [], abstain: warming ?? 'no bar for its instruments' };
  }

  private onBar(bar: Bar): Signal | string {
    const size = this.params.lookback + 1;
    let history = this.closes.get(bar.instrument);
    if (!history) {
      history = { ring: new Float64Array(size), count: 0 };
      this.closes.set(bar.instrument, history);
    }
    history.ring[history.count % size] = bar.close;
    history.count += 1;
    if (history.count < size) {
      return `warming up: ${history.count}/${size} bars`;
    }
    const oldest = history.ring[history.count % size]!;
    const change = bar.close / oldest - 1;
    const { threshold } = this.params;
    const confidence =
      threshold === 0 ? 1 : Math.min(1, Math.abs(change) / (threshold * FULL_CONFIDENCE_MULTIPLE));
    const pct = (change * 100).toFixed(3);
    const reason = `return ${pct} % over ${this.params.lookback} bars`;
    if (change > threshold) return { instrument: bar.instrument, action: 'buy', confidence, reason };
    if (change < -threshold) return { instrument: bar.instrument, action: 'sell', confidence, reason };
    return {
      instrument: bar.instrument,
      action: 'hold',
      confidence: 0,
      reason: `${reason}, within ±threshold`,
    };
  }
}
