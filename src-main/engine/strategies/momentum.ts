import type { z } from 'zod';
import type { Signal } from '../../../src-shared/domain/strategy';
import { MomentumParamsSchema } from '../../../src-shared/settings/sections/strategies';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import { decide, type StrategyDefinition, type StrategyLogic } from './definition';
import { formatFixed } from './format-fixed';

type Params = z.output<typeof MomentumParamsSchema>;

/** Confidence reaches 1 when the return over the lookback is this many times the threshold. */
const FULL_CONFIDENCE_MULTIPLE = 5;

/**
 * Time-series momentum: the return over the last `lookback` bars. Buy above +threshold, sell below
 * −threshold, hold in between. Keeps `lookback + 1` closes per instrument in a ring buffer (O(1) per bar).
 */
class Momentum implements StrategyLogic {
  private readonly closes = new Map<string, { ring: Float64Array; count: number }>();
  /** The constant tails of the reasons (`return x % over N bars[, within ±threshold]`), built once. */
  private readonly overLookback: string;
  private readonly withinThreshold: string;

  constructor(private readonly params: Params) {
    this.overLookback = ` % over ${params.lookback} bars`;
    this.withinThreshold = `${this.overLookback}, within ±threshold`;
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const signals: Signal[] = [];
    let warming = 'no bar for its instruments';
    for (const bar of snapshot.slice.bars) {
      const size = this.params.lookback + 1;
      let history = this.closes.get(bar.instrument);
      if (!history) {
        history = { ring: new Float64Array(size), count: 0 };
        this.closes.set(bar.instrument, history);
      }
      history.ring[history.count % size] = bar.close;
      history.count += 1;
      if (history.count < size) {
        warming = `warming up: ${history.count}/${size} bars`;
        continue;
      }
      const oldest = history.ring[history.count % size]!;
      const change = bar.close / oldest - 1;
      const { threshold } = this.params;
      const confidence =
        threshold === 0 ? 1 : Math.min(1, Math.abs(change) / (threshold * FULL_CONFIDENCE_MULTIPLE));
      const percent = 'return ' + formatFixed(change * 100, 3);
      if (change > threshold)
        signals.push({
          instrument: bar.instrument,
          action: 'buy',
          confidence,
          reason: percent + this.overLookback,
        });
      else if (change < -threshold)
        signals.push({
          instrument: bar.instrument,
          action: 'sell',
          confidence,
          reason: percent + this.overLookback,
        });
      else
        signals.push({
          instrument: bar.instrument,
          action: 'hold',
          confidence: 0,
          reason: percent + this.withinThreshold,
        });
    }
    return decide(signals, warming);
  }
}

export const momentum: StrategyDefinition<typeof MomentumParamsSchema> = {
  id: 'momentum',
  name: 'Momentum',
  category: 'base',
  rule: 'Buy when the return over the lookback exceeds +threshold, sell below −threshold.',
  needs: ['ohlcv'],
  params: MomentumParamsSchema,
  create: (params) => new Momentum(params),
};
