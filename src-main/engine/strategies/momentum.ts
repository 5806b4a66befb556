import type { z } from 'zod';
import type { Signal } from '../../../src-shared/domain/strategy';
import { MomentumParamsSchema } from '../../../src-shared/settings/sections/strategies';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import { decide, type StrategyDefinition, type StrategyLogic } from './definition';
import { formatFixed } from './format-fixed';
import { SlotMemo } from '../slot-memo';

type Params = z.output<typeof MomentumParamsSchema>;

/** Confidence reaches 1 when the return over the lookback is this many times the threshold. */
const FULL_CONFIDENCE_MULTIPLE = 5;

/** The closes of one instrument: a ring of the last `lookback + 1`, the slot of the next at `next`. */
interface History {
  readonly ring: Float64Array;
  next: number;
  count: number;
}

/**
 * Time-series momentum: the return over the last `lookback` bars. Buy above +threshold, sell below
 * −threshold, hold in between. Keeps `lookback + 1` closes per instrument in a ring buffer (O(1) per bar).
 */
class Momentum implements StrategyLogic {
  private readonly closes = new Map<string, History>();
  /** The histories found for the slice's positions (the Map is read only when the composition changes). */
  private readonly byPosition = new SlotMemo<History>();
  /** Closes kept per instrument: lookback + 1. */
  private readonly size: number;
  private readonly threshold: number;
  /** The |return| at which confidence reaches 1: threshold × FULL_CONFIDENCE_MULTIPLE. */
  private readonly fullConfidence: number;
  /** The constant tails of the reasons (`return x % over N bars[, within ±threshold]`), built once. */
  private readonly overLookback: string;
  private readonly withinThreshold: string;

  constructor(params: Params) {
    this.size = params.lookback + 1;
    this.threshold = params.threshold;
    this.fullConfidence = params.threshold * FULL_CONFIDENCE_MULTIPLE;
    this.overLookback = ` % over ${params.lookback} bars`;
    this.withinThreshold = `${this.overLookback}, within ±threshold`;
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const signals: Signal[] = [];
    let warming = 'no bar for its instruments';
    const bars = snapshot.slice.bars;
    const size = this.size;
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i]!;
      const history = this.byPosition.at(i, bar.instrument) ?? this.historyOf(i, bar.instrument);
      const slot = history.next;
      history.ring[slot] = bar.close;
      // The next slot holds the close `lookback` bars back (once the ring is full).
      const next = slot + 1 === size ? 0 : slot + 1;
      history.next = next;
      history.count += 1;
      if (history.count < size) {
        warming = `warming up: ${history.count}/${size} bars`;
        continue;
      }
      const change = bar.close / history.ring[next]! - 1;
      const threshold = this.threshold;
      const confidence = threshold === 0 ? 1 : Math.min(1, Math.abs(change) / this.fullConfidence);
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

  /** The instrument's history (made on its first bar), remembered for its position in the slice. */
  private historyOf(position: number, instrument: string): History {
    let history = this.closes.get(instrument);
    if (history === undefined) {
      history = { ring: new Float64Array(this.size), next: 0, count: 0 };
      this.closes.set(instrument, history);
    }
    this.byPosition.remember(position, instrument, history);
    return history;
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
