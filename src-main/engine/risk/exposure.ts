export interface PositionExposure {
  instrument: string;
  /** Position value at the current price; the sign (long/short) does not matter, only its size. */
  notional: number;
}

export interface ExposureOrder {
  instrument: string;
  /** Signed position held now in the instrument. */
  currentQty: number;
  /** Signed change the order asks for. */
  deltaQty: number;
  price: number;
  lotSize: number;
}

export interface ExposureDecision {
  /** Signed change allowed: same sign as asked, never larger; 0 when nothing fits. */
  deltaQty: number;
  trimmed: boolean;
  /** Gross exposure / equity after the allowed change. */
  exposureAfter: number;
  /** Why the order was trimmed or refused, or null when it passes whole. */
  reason: string | null;
}

/** Gross exposure: Σ |notional| / equity (Infinity with positions and no equity, 0 with neither). */
export function grossExposure(positions: readonly PositionExposure[], equity: number): number {
  let gross = 0;
  for (const p of positions) gross += Math.abs(p.notional);
  if (gross === 0) return 0;
  return equity > 0 ? gross / equity : Infinity;
}

/** Relative rounding allowed on the cap (a billionth of equity). */
const CAP_SLACK = 1e-9;

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/**
 * The total-exposure cap: after an order, Σ |position notional| / equity must not exceed `cap`. An order
 * that reduces its position (toward zero, not past it) always passes, even above the cap, so risk can
 * always be cut. Otherwise the order is trimmed to the largest change, in whole lots and in the direction
 * asked, that keeps the gross exposure within the cap (up to a relative 1e-9 of rounding); a reversal keeps its
 * closing part. The position
 * of the order's instrument in `positions` is replaced by its value at the order's price.
 */
export function capExposure(
  order: ExposureOrder,
  positions: readonly PositionExposure[],
  equity: number,
  cap: number,
): ExposureDecision {
  const { instrument, currentQty, deltaQty, price, lotSize } = order;
  if (!(cap >= 0 && Number.isFinite(cap))) throw new RangeError(`exposure cap must be ≥ 0, got ${cap}`);
  if (!(price > 0 && Number.isFinite(price))) throw new RangeError(`price must be positive, got ${price}`);
  if (!(lotSize > 0 && Number.isFinite(lotSize)))
    throw new RangeError(`lotSize must be positive, got ${lotSize}`);
  if (!Number.isFinite(currentQty) || !Number.isFinite(deltaQty) || Number.isNaN(equity))
    throw new RangeError(`order quantities and equity must be finite numbers`);
  let others = 0;
  for (const p of positions) {
    if (!Number.isFinite(p.notional))
      throw new RangeError(`notional of ${p.instrument} must be a finite number, got ${p.notional}`);
    if (p.instrument !== instrument) others += Math.abs(p.notional);
  }
  const after = (qty: number): number => {
    const gross = others + Math.abs(qty) * price;
    return gross === 0 ? 0 : equity > 0 ? gross / equity : Infinity;
  };
  const target = currentQty + deltaQty;
  const reduces = isReduction(currentQty, deltaQty);
  const limit = Math.max(0, cap * equity - others) / price;
  if (reduces || Math.abs(target) <= limit)
    return { deltaQty, trimmed: false, exposureAfter: after(target), reason: null };

  // The furthest point from the current position, toward the target, with |qty| ≤ limit. With the
  // current position itself outside the limit and the target beyond it on the same side, there is none.
  const boundary = Math.sign(target) * limit;
  const reachable = deltaQty > 0 ? boundary > currentQty : boundary < currentQty;
  const allowedMove = reachable ? Math.abs(boundary - currentQty) : 0;
  // The 1e-9 slack keeps a whole lot that fits exactly from being lost to division rounding.
  let lots = Math.floor(allowedMove / lotSize + 1e-9);
  const move = (k: number): number => Math.sign(deltaQty) * k * lotSize;
  while (
    lots > 0 &&
    !isReduction(currentQty, move(lots)) &&
    after(currentQty + move(lots)) > cap * (1 + CAP_SLACK)
  )
    lots -= 1;
  const allowed = move(lots);
  const reason = !(equity > 0)
    ? 'no equity: only orders that reduce a position pass'
    : allowed === 0
      ? `gross exposure would reach ${pct(after(target))} of equity, above the ${pct(cap)} cap; nothing fits`
      : `trimmed from ${Math.abs(deltaQty)} to ${Math.abs(allowed)} to keep gross exposure within the ${pct(cap)} cap`;
  return { deltaQty: allowed, trimmed: true, exposureAfter: after(currentQty + allowed), reason };
}

/** Whether a change moves the position toward zero without passing it. */
function isReduction(currentQty: number, deltaQty: number): boolean {
  const target = currentQty + deltaQty;
  return Math.abs(target) <= Math.abs(currentQty) && target * currentQty >= 0;
}
