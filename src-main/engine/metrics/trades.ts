import { netPnl, type RoundTrip } from './types';

/** Win/loss statistics of closed round trips, on net P&L (price P&L less commission). */
export interface TradeStats {
  trades: number;
  wins: number;
  losses: number;
  /** wins / trades (a trade netting exactly 0 is neither); null without trades. */
  winRate: number | null;
  /** Σ net P&L of the winners. */
  grossProfit: number;
  /** Σ |net P&L| of the losers. */
  grossLoss: number;
  /** grossProfit / grossLoss; null without a losing trade. */
  profitFactor: number | null;
  /** Mean net P&L per trade; null without trades. */
  expectancy: number | null;
}

/** Win rate, profit factor and expectancy of round trips (net of commission). */
export function tradeStats(trips: readonly RoundTrip[]): TradeStats {
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let total = 0;
  for (const trip of trips) {
    const net = netPnl(trip);
    total += net;
    if (net > 0) {
      wins += 1;
      grossProfit += net;
    } else if (net < 0) {
      losses += 1;
      grossLoss -= net;
    }
  }
  const n = trips.length;
  return {
    trades: n,
    wins,
    losses,
    winRate: n > 0 ? wins / n : null,
    grossProfit,
    grossLoss,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    expectancy: n > 0 ? total / n : null,
  };
}

/** One strategy's share of the results. */
export interface StrategyAttribution {
  strategy: string;
  trades: number;
  wins: number;
  /** Σ price P&L before commission. */
  pnl: number;
  commission: number;
  /** pnl − commission. */
  netPnl: number;
}

/**
 * Per-strategy attribution of round trips, by the strategy that opened each position, sorted by strategy
 * id (a stable order for reports and tests).
 */
export function attribution(trips: readonly RoundTrip[]): StrategyAttribution[] {
  const byStrategy = new Map<string, StrategyAttribution>();
  for (const trip of trips) {
    let row = byStrategy.get(trip.strategy);
    if (!row) {
      row = { strategy: trip.strategy, trades: 0, wins: 0, pnl: 0, commission: 0, netPnl: 0 };
      byStrategy.set(trip.strategy, row);
    }
    row.trades += 1;
    if (netPnl(trip) > 0) row.wins += 1;
    row.pnl += trip.pnl;
    row.commission += trip.commission;
    row.netPnl = row.pnl - row.commission;
  }
  return [...byStrategy.values()].sort((a, b) =>
    a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0,
  );
}
