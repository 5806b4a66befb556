/**
 * SMAs closer than this share of the price are equal: far below any real difference (a tick is ~1e-5 of
 * the price), far above the rounding of the sums (~1e-14), so flat stretches never make a false cross.
 */
export const TIE = 1e-10;

/** Parameters of the classic SMA crossover (docs/BACKTESTING.md, "Classic mode"). */
export interface SmaCrossParams {
  fast: number;
  slow: number;
  /** Units bought on an up-cross. */
  size: number;
  /** Fraction of notional charged per fill. */
  commission: number;
  /** Fraction of the open a fill pays: buy at open × (1 + s), sell at open × (1 − s). */
  slippage: number;
  cash: number;
}

/** One execution of the classic strategy. */
export interface ClassicFill {
  /** Index of the bar at whose open it filled. */
  bar: number;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  commission: number;
}

/** What a classic run did: its fills, equity at every close, and the final cash and position. */
export interface SmaCrossRun {
  fills: ClassicFill[];
  /** Equity at each bar's close: cash + position × close. */
  equity: Float64Array;
  /** Buy orders not filled because cash could not pay for them (size × price + commission). */
  refusedForCash: number;
  /** Signals on the last bar: there is no next open to fill them at. */
  unfilledAtEnd: number;
  /** Units held after the last bar. */
  position: number;
  cash: number;
}

/**
 * The classic SMA crossover over typed-array columns, in one pass, O(1) per bar, no allocation per bar.
 *
 * At bar i's close, SMA_n(i) is the mean of closes i−n+1..i. The fast SMA crosses above the slow one at
 * bar i when fast(i) − slow(i) > 0 and fast(i−1) − slow(i−1) ≤ 0 (both defined, so i ≥ slow); below when
 * the difference goes from ≥ 0 to < 0. Differences within TIE × slow(i) count as 0 (equal). Flat and an up-cross: buy `size` units; long and a down-cross:
 * sell the whole position. The order fills at bar i+1's open ± slippage and pays commission × qty × price;
 * a buy that cash cannot pay for is not filled. Equity at each close marks the position to that close.
 *
 * The window sums are running sums rebased every `period` bars to a sum accumulated afresh over exactly the
 * window, as the indicators' RollingSum does, so rounding does not build up over millions of bars and the
 * SMAs match a direct mean to a few ulps (a class per SMA costs ~2× here; see tests/bench/backtest.bench.ts).
 */
export function runSmaCross(
  opens: Float64Array,
  closes: Float64Array,
  params: SmaCrossParams,
  equity: Float64Array = new Float64Array(closes.length),
): SmaCrossRun {
  const { fast, slow, size, commission, slippage } = params;
  const n = closes.length;
  const fills: ClassicFill[] = [];
  let cash = params.cash;
  let position = 0;
  let refusedForCash = 0;
  /** +1 buy, −1 sell, 0 nothing: the order decided at the previous close. */
  let pending = 0;
  let fastRun = 0;
  let fastFresh = 0;
  let fastCount = 0;
  let slowRun = 0;
  let slowFresh = 0;
  let slowCount = 0;
  /** Sign of fast − slow at the previous close (NaN before both SMAs are defined). */
  let previousSign = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (pending !== 0) {
      const open = opens[i]!;
      if (pending > 0) {
        const price = open * (1 + slippage);
        const fee = size * price * commission;
        if (size * price + fee <= cash) {
          cash -= size * price + fee;
          position = size;
          fills.push({ bar: i, side: 'buy', qty: size, price, commission: fee });
        } else refusedForCash += 1;
      } else {
        const price = open * (1 - slippage);
        const fee = position * price * commission;
        cash += position * price - fee;
        fills.push({ bar: i, side: 'sell', qty: position, price, commission: fee });
        position = 0;
      }
      pending = 0;
    }
    const close = closes[i]!;
    fastRun += close;
    fastFresh += close;
    if (i >= fast) fastRun -= closes[i - fast]!;
    if (++fastCount === fast) {
      fastRun = fastFresh;
      fastFresh = 0;
      fastCount = 0;
    }
    slowRun += close;
    slowFresh += close;
    if (i >= slow) slowRun -= closes[i - slow]!;
    if (++slowCount === slow) {
      slowRun = slowFresh;
      slowFresh = 0;
      slowCount = 0;
    }
    if (i >= slow - 1) {
      const slowSma = slowRun / slow;
      const diff = fastRun / fast - slowSma;
      const tolerance = TIE * slowSma;
      const sign = diff > tolerance ? 1 : diff < -tolerance ? -1 : 0;
      if (position === 0 && sign > 0 && previousSign <= 0) pending = 1;
      else if (position > 0 && sign < 0 && previousSign >= 0) pending = -1;
      previousSign = sign;
    }
    equity[i] = cash + position * close;
  }
  return { fills, equity, refusedForCash, unfilledAtEnd: pending !== 0 ? 1 : 0, position, cash };
}
