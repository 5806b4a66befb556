export interface KellyConfig {
  /** The estimate uses the last this many closed trades (a rolling window). */
  windowTrades: number;
  /** Below this many trades the estimate is shrunk toward zero in proportion. */
  minTrades: number;
}

export interface KellyEstimate {
  /** Winning plus losing trades in the window (break-even trades are not recorded). */
  trades: number;
  wins: number;
  losses: number;
  /** p = wins / trades; 0 with no trades. */
  winRate: number;
  /** b = average win / average loss; null when there is no win or no loss to divide. */
  payoff: number | null;
  /** f* = (b·p − q) / b, limited to [0, 1]. */
  fullKelly: number;
  /** min(1, trades / minTrades). */
  shrinkage: number;
  /** f* × shrinkage: what sizing uses. */
  kelly: number;
}

/**
 * Full Kelly fraction f* = (b·p − q) / b (Kelly 1956; the spec's formula, section 3) with q = 1 − p,
 * limited to [0, 1]: a negative edge gives 0 (no trade), never a bet against the ensemble. b = Infinity
 * (no losses) gives f* = p.
 */
export function fullKelly(p: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`win rate must be between 0 and 1, got ${p}`);
  if (!(b > 0)) return 0;
  const f = b === Infinity ? p : (b * p - (1 - p)) / b;
  return Math.min(1, Math.max(0, f));
}

/**
 * Estimates the Kelly fraction from the ensemble's closed trades. Feed each trade's return on the notional
 * it put at risk (P&L / entry notional), so that earlier position sizes do not skew b. A window of the last
 * `windowTrades` lets the estimate follow a change of regime; counts and sums update in O(1).
 * p = wins / n and b = mean win / mean loss over the window; a break-even trade (return exactly 0) says
 * nothing about the edge and is not recorded. With n < minTrades the estimate is shrunk linearly toward
 * zero: kelly = f* · n / minTrades, so a handful of lucky trades cannot size a position fully.
 * The estimate starts at 0, which sizes nothing; it must be fed trades before the ensemble can trade (see
 * docs/RISK.md for how the engine supplies them).
 */
export class KellyEstimator {
  private readonly ring: Float64Array;
  private head = 0;
  private length = 0;
  private wins = 0;
  private winSum = 0;
  private lossSum = 0;
  private pushesSinceExact = 0;

  constructor(private readonly config: KellyConfig) {
    const { windowTrades, minTrades } = config;
    if (!Number.isInteger(windowTrades) || windowTrades < 1)
      throw new RangeError(`windowTrades must be a whole number ≥ 1, got ${windowTrades}`);
    if (!Number.isInteger(minTrades) || minTrades < 1 || minTrades > windowTrades)
      throw new RangeError(
        `minTrades must be a whole number from 1 to windowTrades (${windowTrades}), got ${minTrades}`,
      );
    this.ring = new Float64Array(windowTrades);
  }

  /** Records a closed trade's return; 0 is ignored (see the class comment). */
  record(tradeReturn: number): void {
    if (!Number.isFinite(tradeReturn))
      throw new RangeError(`trade return must be a finite number, got ${tradeReturn}`);
    if (tradeReturn === 0) return;
    if (this.length === this.ring.length) this.account(this.ring[this.head]!, -1);
    else this.length += 1;
    this.ring[this.head] = tradeReturn;
    this.head = (this.head + 1) % this.ring.length;
    this.account(tradeReturn, 1);
    this.pushesSinceExact += 1;
    if (this.pushesSinceExact >= this.ring.length) this.recompute();
  }

  estimate(): KellyEstimate {
    const n = this.length;
    const wins = this.wins;
    const losses = n - wins;
    const winRate = n === 0 ? 0 : wins / n;
    const avgWin = wins === 0 ? 0 : this.winSum / wins;
    const avgLoss = losses === 0 ? 0 : this.lossSum / losses;
    const payoff = wins > 0 && losses > 0 ? avgWin / avgLoss : null;
    const full = n === 0 || wins === 0 ? 0 : fullKelly(winRate, payoff ?? Infinity);
    const shrinkage = Math.min(1, n / this.config.minTrades);
    return { trades: n, wins, losses, winRate, payoff, fullKelly: full, shrinkage, kelly: full * shrinkage };
  }

  private account(value: number, sign: 1 | -1): void {
    if (value > 0) {
      this.wins += sign;
      this.winSum += sign * value;
    } else {
      this.lossSum -= sign * value;
    }
  }

  private recompute(): void {
    this.wins = 0;
    this.winSum = 0;
    this.lossSum = 0;
    for (let i = 0; i < this.length; i++) this.account(this.ring[i]!, 1);
    this.pushesSinceExact = 0;
  }
}

export interface SizingInput {
  equity: number;
  /** The shrunk full-Kelly estimate f (KellyEstimate.kelly), 0–1. */
  kelly: number;
  /** Share of full Kelly used (spec: 0.25). */
  kellyFraction: number;
  /** The ensemble's confidence, 0–1; 1 when omitted. */
  confidence?: number;
  /** The circuit breaker's size multiplier, 0–1. */
  breakerMultiplier: number;
  /** The correlation penalty, 0–1. */
  correlationAdjustment: number;
  /** Smallest position as a share of equity (spec: 0.01); a smaller size is no trade. */
  minFraction: number;
  /** Largest position as a share of equity (spec: 0.15). */
  maxFraction: number;
  price: number;
  lotSize: number;
}

export interface Sizing {
  /** Share of equity the position takes at `price`: 0, or within [minFraction, maxFraction]. */
  fraction: number;
  notional: number;
  /** Whole lots, ≥ 0 (the caller applies the side). */
  qty: number;
  /** kelly × kellyFraction × confidence × breaker × correlation, before the limits. */
  rawFraction: number;
  /** Why the size is 0, or null. */
  reasonIfZero: string | null;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

const unitFields = [
  'kelly',
  'kellyFraction',
  'confidence',
  'breakerMultiplier',
  'correlationAdjustment',
  'minFraction',
  'maxFraction',
] as const;

/**
 * Position size (spec section 3): kelly × kellyFraction × confidence × breaker multiplier × correlation
 * adjustment, as a share of equity, capped at maxFraction and rounded down to whole lots. A size below
 * minFraction, before or after rounding to lots, is no trade (qty 0, with the reason). Non-positive equity
 * sizes nothing. Throws a RangeError naming the field for a factor outside 0–1, minFraction > maxFraction,
 * or a non-positive price or lot size.
 */
export function sizePosition(input: SizingInput): Sizing {
  const confidence = checkedConfidence(input);
  const { equity, price, lotSize, minFraction } = input;
  const raw = rawFraction(input, confidence);
  const zero = (reason: string): Sizing => ({
    fraction: 0,
    notional: 0,
    qty: 0,
    rawFraction: raw,
    reasonIfZero: reason,
  });
  if (!(equity > 0)) return zero('no equity to size a position against');
  if (raw < minFraction || raw === 0)
    return zero(
      `size ${pct(raw)} of equity is below the ${pct(minFraction)} minimum ` +
        `(Kelly ${pct(input.kelly)} × ${input.kellyFraction} × confidence ${confidence.toFixed(2)} × ` +
        `breaker ${input.breakerMultiplier} × correlation ${input.correlationAdjustment.toFixed(2)})`,
    );
  const qty = wholeLots(raw, input);
  const notional = qty * price;
  const fraction = notional / equity;
  if (qty === 0 || fraction < minFraction)
    return zero(
      `whole lots of ${lotSize} at ${price} leave ${pct(fraction)} of equity, below the ${pct(minFraction)} minimum`,
    );
  return { fraction, notional, qty, rawFraction: raw, reasonIfZero: null };
}

/**
 * `sizePosition(input).qty` without building the Sizing and its reason (the engine asks this of every
 * decision, and most leave the position as it is). Same checks, same RangeErrors, same arithmetic.
 */
export function sizedQty(input: SizingInput): number {
  const confidence = checkedConfidence(input);
  const { equity, price, minFraction } = input;
  const raw = rawFraction(input, confidence);
  if (!(equity > 0) || raw < minFraction || raw === 0) return 0;
  const qty = wholeLots(raw, input);
  return qty === 0 || (qty * price) / equity < minFraction ? 0 : qty;
}

/** sizePosition's input checks (RangeError naming the field); returns the confidence (1 when omitted). */
function checkedConfidence(input: SizingInput): number {
  const confidence = input.confidence ?? 1;
  for (const field of unitFields) {
    const value = field === 'confidence' ? confidence : input[field];
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${field} must be between 0 and 1, got ${value}`);
  }
  const { equity, price, lotSize, minFraction, maxFraction } = input;
  if (minFraction > maxFraction)
    throw new RangeError(`minFraction ${minFraction} must not exceed maxFraction ${maxFraction}`);
  if (!(price > 0 && Number.isFinite(price))) throw new RangeError(`price must be positive, got ${price}`);
  if (!(lotSize > 0 && Number.isFinite(lotSize)))
    throw new RangeError(`lotSize must be positive, got ${lotSize}`);
  if (Number.isNaN(equity)) throw new RangeError('equity must be a number, got NaN');
  return confidence;
}

/** kelly × kellyFraction × confidence × breaker × correlation, in that order. */
function rawFraction(input: SizingInput, confidence: number): number {
  return (
    input.kelly * input.kellyFraction * confidence * input.breakerMultiplier * input.correlationAdjustment
  );
}

/** The position of `raw` × equity capped at maxFraction, in whole lots (quantity, not lots). */
function wholeLots(raw: number, input: SizingInput): number {
  const { equity, price, lotSize, maxFraction } = input;
  const cap = Math.min(raw, maxFraction) * equity;
  let lots = Math.floor(cap / price / lotSize);
  // Division rounding can land a hair above the cap; step down a lot rather than exceed it.
  while (lots > 0 && lots * lotSize * price > cap) lots -= 1;
  return lots * lotSize;
}
