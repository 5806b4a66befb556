import type { Bar } from '../../src-shared/domain/market';
import type { Portfolio as PortfolioView, Position, PositionEffect } from '../../src-shared/domain/trading';
import type { Fill, PortfolioCheckpoint, PositionRecord, RoundTrip } from './ports';

/** What booking needs of a fill. */
export type BookedFill = Pick<
  Fill,
  'time' | 'instrument' | 'side' | 'qty' | 'price' | 'commission' | 'strategy'
>;

export interface Booking {
  realizedPnl: number;
  effect: PositionEffect;
  /** The round trip this fill closed (all or part of a position), if it closed any quantity. */
  roundTrip: RoundTrip | null;
  /** The position after the fill (qty 0 when flat). */
  position: PositionRecord;
}

type Holding = Omit<PositionRecord, 'instrument'>;

/** Quantities closer to zero than this are treated as flat (float residue of repeated fills). */
const FLAT = 1e-9;

/**
 * Cash, positions and P&L, marked to market on every bar. Long and short positions; the average price is
 * the quantity-weighted entry price of the open quantity; realised P&L is booked on the closed quantity
 * against that average (average-cost matching), and each closing fill yields the round trip it closed.
 */
export class Portfolio {
  private cash: number;
  private readonly holdings = new Map<string, Holding>();
  private realized = 0;
  private commissionsPaid = 0;
  private time = 0;
  /**
   * Equity and notionals as last computed, valid while `stale` is false: a step asks for them once per
   * decision, and they change only when a held instrument is marked or a fill is booked (which set `stale`).
   */
  private stale = true;
  private equityValue = 0;
  private notionalList: readonly { instrument: string; notional: number }[] = [];

  constructor(readonly initialCash: number) {
    this.cash = initialCash;
  }

  static restore(initialCash: number, checkpoint: PortfolioCheckpoint): Portfolio {
    const portfolio = new Portfolio(initialCash);
    portfolio.cash = checkpoint.cash;
    portfolio.realized = checkpoint.realizedPnl;
    portfolio.commissionsPaid = checkpoint.commissions;
    portfolio.time = checkpoint.time;
    for (const { instrument, ...holding } of checkpoint.positions)
      portfolio.holdings.set(instrument, { ...holding });
    return portfolio;
  }

  mark(bar: Bar): void {
    this.time = bar.time;
    const holding = this.holdings.get(bar.instrument);
    if (holding) {
      holding.lastPrice = bar.close;
      this.stale = true;
    }
  }

  quantity(instrument: string): number {
    return this.holdings.get(instrument)?.qty ?? 0;
  }

  /** Books a fill: moves cash, updates the position, realises P&L on any closed quantity. */
  applyFill(fill: BookedFill): Booking {
    this.stale = true;
    const signed = fill.side === 'buy' ? fill.qty : -fill.qty;
    this.cash -= signed * fill.price + fill.commission;
    this.commissionsPaid += fill.commission;

    const holding: Holding = this.holdings.get(fill.instrument) ?? {
      qty: 0,
      avgPrice: 0,
      lastPrice: fill.price,
      openedAt: fill.time,
      strategy: fill.strategy,
      entryCommission: 0,
    };
    const before = holding.qty;
    const after = before + signed;
    let realizedPnl = 0;
    let roundTrip: RoundTrip | null = null;
    let effect: PositionEffect;

    if (Math.abs(before) < FLAT) {
      effect = 'open';
      Object.assign(holding, {
        avgPrice: fill.price,
        openedAt: fill.time,
        strategy: fill.strategy,
        entryCommission: fill.commission,
      });
    } else if (Math.sign(before) === Math.sign(signed)) {
      effect = 'increase';
      holding.avgPrice = (Math.abs(before) * holding.avgPrice + fill.qty * fill.price) / Math.abs(after);
      holding.entryCommission += fill.commission;
    } else {
      const closedQty = Math.min(Math.abs(before), fill.qty);
      realizedPnl = closedQty * (fill.price - holding.avgPrice) * Math.sign(before);
      const entryShare = (holding.entryCommission * closedQty) / Math.abs(before);
      const exitShare = (fill.commission * closedQty) / fill.qty;
      roundTrip = {
        instrument: fill.instrument,
        side: before > 0 ? 'long' : 'short',
        qty: closedQty,
        entryTime: holding.openedAt,
        exitTime: fill.time,
        entryPrice: holding.avgPrice,
        exitPrice: fill.price,
        pnl: realizedPnl,
        commission: entryShare + exitShare,
        strategy: holding.strategy,
      };
      holding.entryCommission -= entryShare;
      if (Math.abs(after) < FLAT) {
        effect = 'close';
      } else if (Math.sign(after) === Math.sign(before)) {
        effect = 'reduce';
      } else {
        effect = 'reverse';
        Object.assign(holding, {
          avgPrice: fill.price,
          openedAt: fill.time,
          strategy: fill.strategy,
          entryCommission: fill.commission - exitShare,
        });
      }
    }

    holding.qty = Math.abs(after) < FLAT ? 0 : after;
    holding.lastPrice = fill.price;
    this.realized += realizedPnl;
    if (holding.qty === 0) this.holdings.delete(fill.instrument);
    else this.holdings.set(fill.instrument, holding);
    return { realizedPnl, effect, roundTrip, position: { instrument: fill.instrument, ...holding } };
  }

  /** Cash plus every position at its last price (summed in the order the positions were opened). */
  equity(): number {
    this.refresh();
    return this.equityValue;
  }

  /** Sum of |position notional| at the last prices. */
  grossExposure(): number {
    let gross = 0;
    for (const holding of this.holdings.values()) gross += Math.abs(holding.qty * holding.lastPrice);
    return gross;
  }

  /** The instruments with an open position, in the order they were opened. */
  heldInstruments(): IterableIterator<string> {
    return this.holdings.keys();
  }

  /**
   * Each open position's signed notional at its last price (qty × last price), in positions() order. The
   * same frozen list is returned until a mark or fill changes it.
   */
  notionals(): readonly { instrument: string; notional: number }[] {
    this.refresh();
    return this.notionalList;
  }

  private refresh(): void {
    if (!this.stale) return;
    let value = this.cash;
    const list: { instrument: string; notional: number }[] = [];
    for (const [instrument, h] of this.holdings) {
      value += h.qty * h.lastPrice;
      list.push(Object.freeze({ instrument, notional: h.qty * h.lastPrice }));
    }
    this.equityValue = value;
    this.notionalList = Object.freeze(list);
    this.stale = false;
  }

  positions(): Position[] {
    return [...this.holdings.entries()].map(([instrument, h]) => ({
      instrument,
      qty: h.qty,
      avgPrice: h.avgPrice,
      lastPrice: h.lastPrice,
      unrealizedPnl: h.qty * (h.lastPrice - h.avgPrice),
    }));
  }

  view(): PortfolioView {
    const unrealizedPnl = this.positions().reduce((sum, p) => sum + p.unrealizedPnl, 0);
    return {
      time: this.time,
      cash: this.cash,
      equity: this.equity(),
      realizedPnl: this.realized,
      unrealizedPnl,
      commissions: this.commissionsPaid,
      initialCash: this.initialCash,
    };
  }

  checkpoint(peakEquity: number, lastCloses: Record<string, number> = {}): PortfolioCheckpoint {
    return {
      lastCloses,
      time: this.time,
      cash: this.cash,
      equity: this.equity(),
      realizedPnl: this.realized,
      commissions: this.commissionsPaid,
      peakEquity,
      positions: [...this.holdings.entries()].map(([instrument, h]) => ({ instrument, ...h })),
    };
  }
}
