import type { Bar } from '../../../src-shared/domain/market';
import type { Side } from '../../../src-shared/domain/trading';
import type { StepGrid } from './grid';

// The price rules of bar-level fills (docs/EXECUTION.md, "Fill rules"). A limit of ±Infinity stands for
// "no limit" so market and stop orders share the code of limit and stop-limit orders.

/** Whether a limit order is marketable at a price: a buy at or below its limit, a sell at or above. */
export function marketable(side: Side, price: number, limit: number): boolean {
  return side === 'buy' ? price <= limit : price >= limit;
}

/**
 * The price at which a stop's trigger traded on a bar, or NaN if the bar did not reach it. A buy stop
 * triggers when high ≥ stop: at the open when the bar opened at or above it (a gap), else at the stop.
 * A sell stop mirrors it with low ≤ stop.
 */
export function triggerPrice(side: Side, stop: number, bar: Bar): number {
  if (side === 'buy') return bar.open >= stop ? bar.open : bar.high >= stop ? stop : Number.NaN;
  return bar.open <= stop ? bar.open : bar.low <= stop ? stop : Number.NaN;
}

/**
 * A taker's bar-level price: reference × (1 ± slippage), rounded to the tick against the trader (a buy up,
 * a sell down), then held within the limit and within the bar's [low, high] (no fill at a price the bar
 * did not trade; when the feed's prices are off the tick grid, the bar wins over the grid).
 */
export function takerPrice(
  side: Side,
  reference: number,
  slippage: number,
  limit: number,
  bar: Bar,
  tick: StepGrid,
): number {
  const price =
    side === 'buy'
      ? Math.min(tick.ceil(reference * (1 + slippage)), limit)
      : Math.max(tick.floor(reference * (1 - slippage)), limit);
  return Math.min(Math.max(price, bar.low), bar.high);
}

/**
 * The share of a bar's volume a resting limit can take: 0 unless the bar traded through the limit (low <
 * limit for a buy; touching it is not enough: the queue ahead of us is unknown), else the part of the range
 * beyond the limit, (limit − low) / (high − low) for a buy, volume assumed spread evenly over the range.
 */
export function tradedThroughShare(side: Side, limit: number, bar: Bar): number {
  const buy = side === 'buy';
  if (buy ? !(bar.low < limit) : !(bar.high > limit)) return 0;
  const range = bar.high - bar.low;
  if (!(range > 0)) return 1;
  return Math.min(1, (buy ? limit - bar.low : bar.high - limit) / range);
}

/** A resting limit's maker price: the limit, or the open when the bar opened through it (a gap). */
export function makerPrice(side: Side, limit: number, bar: Bar): number {
  return side === 'buy' ? Math.min(bar.open, limit) : Math.max(bar.open, limit);
}
