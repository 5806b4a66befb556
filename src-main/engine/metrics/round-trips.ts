import type { PositionEffect } from '../../../src-shared/domain/trading';
import type { OpenPosition, RoundTrip, TradeFill } from './types';

/** Quantities closer to zero than this are flat (float residue of repeated fills), as in the portfolio. */
const FLAT = 1e-9;

interface Position {
  qty: number;
  avgPrice: number;
  entryTime: number;
  strategy: string;
  /** Entry commission not yet assigned to a round trip. */
  commission: number;
}

/**
 * Turns fills (in time order) into closed round trips with AVERAGE-COST matching, the portfolio's own
 * rule, so the round trips' P&L adds up to the portfolio's realised P&L:
 * - open / increase: the position's average price is the quantity-weighted mean of its entries;
 * - reduce / close: a round trip of the closed quantity from the average price to the fill price, dated
 *   from the position's first fill; its commission is the closing fill's commission pro rata plus the
 *   same share of the entry commission still held by the position;
 * - reverse: the whole position closes, and the rest of the fill opens the other way.
 * A fill's recorded `effect`, when present, must match; a fill earlier than the one before it, or with a
 * quantity or price that is not positive, is refused. Throws a RangeError naming the fill.
 */
export function buildRoundTrips(fills: readonly TradeFill[]): { closed: RoundTrip[]; open: OpenPosition[] } {
  const positions = new Map<string, Position>();
  const closed: RoundTrip[] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  fills.forEach((fill, i) => {
    const where = `fill ${i} (${fill.instrument} at ${fill.time})`;
    if (!(fill.time >= lastTime)) throw new RangeError(`${where}: earlier than the fill before it`);
    if (!(fill.qty > 0) || !(fill.price > 0) || !(fill.commission >= 0))
      throw new RangeError(`${where}: qty and price must be positive and commission not negative`);
    lastTime = fill.time;
    const signed = fill.side === 'buy' ? fill.qty : -fill.qty;
    const position = positions.get(fill.instrument);
    let effect: PositionEffect;
    if (!position) {
      effect = 'open';
      positions.set(fill.instrument, {
        qty: signed,
        avgPrice: fill.price,
        entryTime: fill.time,
        strategy: fill.strategy,
        commission: fill.commission,
      });
    } else if (Math.sign(position.qty) === Math.sign(signed)) {
      effect = 'increase';
      const after = position.qty + signed;
      position.avgPrice =
        (Math.abs(position.qty) * position.avgPrice + fill.qty * fill.price) / Math.abs(after);
      position.qty = after;
      position.commission += fill.commission;
    } else {
      const held = Math.abs(position.qty);
      const closedQty = Math.min(held, fill.qty);
      const entryShare = position.commission * (closedQty / held);
      position.commission -= entryShare;
      closed.push({
        instrument: fill.instrument,
        side: position.qty > 0 ? 'long' : 'short',
        qty: closedQty,
        entryTime: position.entryTime,
        exitTime: fill.time,
        entryPrice: position.avgPrice,
        exitPrice: fill.price,
        pnl: closedQty * (fill.price - position.avgPrice) * Math.sign(position.qty),
        commission: entryShare + fill.commission * (closedQty / fill.qty),
        strategy: position.strategy,
        exitStrategy: fill.strategy,
      });
      const after = position.qty + signed;
      if (Math.abs(after) < FLAT) {
        effect = 'close';
        positions.delete(fill.instrument);
      } else if (Math.sign(after) === Math.sign(position.qty)) {
        effect = 'reduce';
        position.qty = after;
      } else {
        effect = 'reverse';
        positions.set(fill.instrument, {
          qty: after,
          avgPrice: fill.price,
          entryTime: fill.time,
          strategy: fill.strategy,
          commission: fill.commission * ((fill.qty - closedQty) / fill.qty),
        });
      }
    }
    if (fill.effect !== undefined && fill.effect !== effect)
      throw new RangeError(`${where}: recorded as ${fill.effect}, but the fills before it make it ${effect}`);
  });
  const open: OpenPosition[] = [...positions.entries()].map(([instrument, p]) => ({
    instrument,
    side: p.qty > 0 ? 'long' : 'short',
    qty: Math.abs(p.qty),
    entryTime: p.entryTime,
    entryPrice: p.avgPrice,
    commission: p.commission,
    strategy: p.strategy,
  }));
  return { closed, open };
}
