import type { EquityPoint } from '../../src-shared/domain/trading';
import {
  CascadeRecordSchema,
  EnsembleRecordSchema,
  type DailyReturn,
  type DecisionDetail,
  type RiskMetrics,
  type StrategyPnl,
  type TradeLogOptions,
  type TradeLogPage,
  type TradeLogQuery,
} from '../../src-shared/ipc/dashboard-schemas';
import { err, ok, type Result } from '../../src-shared/ipc/result';
import type { Settings } from '../../src-shared/settings/schema';
import { calmar, maxDrawdown } from '../engine/metrics/drawdown';
import { cagr, sharpe, sortino, totalReturn } from '../engine/metrics/returns';
import { attribution, tradeStats } from '../engine/metrics/trades';
import type { RoundTrip } from '../engine/metrics/types';
import type { Db } from '../store/database';
import { DashboardRead, type RoundTripRow } from '../store/dashboard-read';

const DAY_MS = 86_400_000;
/** Annualised growth (CAGR, Calmar) over less history than this says nothing: it is not given. */
export const MIN_SPAN_FOR_ANNUAL_MS = 30 * DAY_MS;
/** Rows read per query while catching up with an append-only table. */
const CHUNK = 50_000;

/** Equity samples in growable columns; a sample not later than the last replaces it or is dropped. */
class SampleColumns {
  times = new Float64Array(1024);
  values = new Float64Array(1024);
  size = 0;

  push(time: number, value: number): void {
    const last = this.size - 1;
    if (last >= 0 && time <= this.times[last]!) {
      if (time === this.times[last]) this.values[last] = value;
      return;
    }
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const values = new Float64Array(this.size * 2);
      times.set(this.times);
      values.set(this.values);
      this.times = times;
      this.values = values;
    }
    this.times[this.size] = time;
    this.values[this.size] = value;
    this.size += 1;
  }

  series() {
    return { times: this.times.subarray(0, this.size), values: this.values.subarray(0, this.size) };
  }
}

interface TradeTotals {
  trades: number;
  wins: number;
  losses: number;
  grossProfit: number;
  grossLoss: number;
}

/** The metrics library's RoundTrip from a stored row (the table keeps only the opening strategy). */
const toRoundTrip = (row: RoundTripRow): RoundTrip => ({ ...row, exitStrategy: row.strategy });

/**
 * The dashboard's read queries. The metrics come from the append-only `performance_metrics` (one equity
 * sample per checkpoint) and `trades` (closed round trips) tables, read incrementally: each call reads only
 * the rows added since the last, so a long history costs its size once. Every trade figure kept is a sum
 * (win rate, profit factor and expectancy are ratios of sums), so chunked reads give the same figures up
 * to floating-point rounding.
 */
export class DashboardQueries {
  private readonly read: DashboardRead;
  private readonly samples = new SampleColumns();
  private lastSampleId = 0;
  private readonly totals: TradeTotals = { trades: 0, wins: 0, losses: 0, grossProfit: 0, grossLoss: 0 };
  private readonly byStrategy = new Map<string, StrategyPnl>();
  private lastTripId = 0;
  private readonly instruments = new Set<string>();
  private readonly strategies = new Set<string>();
  private lastLabelledFillId = 0;

  constructor(
    db: Db,
    private readonly settings: () => Settings,
    /** Rows read per query while catching up (smaller in tests, to cross chunk boundaries). */
    private readonly chunk = CHUNK,
  ) {
    this.read = new DashboardRead(db);
  }

  tradeLog(query: TradeLogQuery): TradeLogPage {
    return this.read.fillsPage(query);
  }

  /** The instruments and strategies that occur in the fills, sorted (read incrementally). */
  tradeLogOptions(): TradeLogOptions {
    for (;;) {
      const rows = this.read.fillLabelsAfter(this.lastLabelledFillId, this.chunk);
      for (const row of rows) {
        this.instruments.add(row.instrument);
        this.strategies.add(row.strategy);
      }
      if (rows.length) this.lastLabelledFillId = rows[rows.length - 1]!.id;
      if (rows.length < this.chunk) break;
    }
    return { instruments: [...this.instruments].sort(), strategies: [...this.strategies].sort() };
  }

  /** The fill, its order, and the decision record that produced it (votes, weights, penalty, sizing). */
  decisionRecord(fillId: number): Result<DecisionDetail> {
    const fill = this.read.fill(fillId);
    if (!fill) return err(`no trade with id ${fillId}`);
    const row = fill.orderId === null ? null : this.read.order(fill.orderId);
    const record = row?.decisionId == null ? null : this.read.decision(row.decisionId);
    let decision: DecisionDetail['decision'] = null;
    if (record) {
      let raw: unknown;
      try {
        raw = JSON.parse(record.record);
      } catch {
        raw = record.record;
      }
      const ensemble = EnsembleRecordSchema.safeParse(raw);
      const cascade = ensemble.success ? null : CascadeRecordSchema.safeParse(raw);
      decision = {
        id: record.id,
        time: record.time,
        instrument: record.instrument,
        ensemble: ensemble.success ? ensemble.data : null,
        cascade: cascade?.success ? cascade.data : null,
        raw,
      };
    }
    const order = row
      ? {
          id: row.id,
          type: row.type,
          side: row.side,
          qty: row.qty,
          limitPrice: row.limitPrice,
          status: row.status,
          filledQty: row.filledQty,
          strategy: row.strategy,
          reason: row.reason,
        }
      : null;
    return ok({ fill, order, decision });
  }

  /** Reads the equity samples and round trips added since the last call. */
  private catchUp(): void {
    for (;;) {
      const rows = this.read.performanceSamplesAfter(this.lastSampleId, this.chunk);
      for (const row of rows) this.samples.push(row.time, row.equity);
      if (rows.length) this.lastSampleId = rows[rows.length - 1]!.id;
      if (rows.length < this.chunk) break;
    }
    for (;;) {
      const rows = this.read.roundTripsAfter(this.lastTripId, this.chunk);
      if (rows.length === 0) break;
      const trips = rows.map(toRoundTrip);
      const stats = tradeStats(trips);
      this.totals.trades += stats.trades;
      this.totals.wins += stats.wins;
      this.totals.losses += stats.losses;
      this.totals.grossProfit += stats.grossProfit;
      this.totals.grossLoss += stats.grossLoss;
      for (const part of attribution(trips)) {
        const row = this.byStrategy.get(part.strategy);
        if (!row) this.byStrategy.set(part.strategy, { ...part });
        else {
          row.trades += part.trades;
          row.wins += part.wins;
          row.pnl += part.pnl;
          row.commission += part.commission;
          row.netPnl = row.pnl - row.commission;
        }
      }
      this.lastTripId = rows[rows.length - 1]!.id;
      if (rows.length < this.chunk) break;
    }
  }

  /**
   * The risk metrics table (src-main/engine/metrics conventions: simple returns between checkpoint
   * samples, annualised by their mean interval; trade figures net of commission) and the risk limits.
   */
  riskMetrics(): RiskMetrics {
    this.catchUp();
    const series = this.samples.series();
    const n = series.values.length;
    const span = n > 1 ? series.times[n - 1]! - series.times[0]! : 0;
    const annual = span >= MIN_SPAN_FOR_ANNUAL_MS;
    const usable = n > 0 && series.values[0]! > 0;
    const drawdown = usable
      ? maxDrawdown(series)
      : { depth: 0, peakTime: null, troughTime: null, recoveryTime: null, durationMs: 0 };
    const growth = usable && annual ? cagr(series) : null;
    const t = this.totals;
    const settings = this.settings();
    return {
      asOf: n > 0 ? series.times[n - 1]! : null,
      samples: n,
      totalReturn: usable ? totalReturn(series) : null,
      cagr: growth,
      sharpe: usable ? sharpe(series) : null,
      sortino: usable ? sortino(series) : null,
      calmar: calmar(growth, drawdown.depth),
      maxDrawdown: drawdown,
      trades: t.trades,
      wins: t.wins,
      losses: t.losses,
      winRate: t.trades > 0 ? t.wins / t.trades : null,
      grossProfit: t.grossProfit,
      grossLoss: t.grossLoss,
      profitFactor: t.grossLoss > 0 ? t.grossProfit / t.grossLoss : null,
      expectancy: t.trades > 0 ? (t.grossProfit - t.grossLoss) / t.trades : null,
      limits: {
        breakerLevels: settings.risk.circuitBreaker.levels.map((level, i) => ({
          level: i + 1,
          drawdown: level.drawdown,
          sizeMultiplier: level.sizeMultiplier,
        })),
        cooldownMinutes: settings.risk.circuitBreaker.cooldownMinutes,
        maxGrossExposure: settings.risk.exposure.maxGrossFractionOfEquity,
        kellyFraction: settings.risk.kelly.fraction,
        cascadeHighThreshold: settings.risk.liquidationCascade.highRiskThreshold,
      },
    };
  }

  /**
   * Return of each UTC day: the last equity sample of the day against the previous day's last (the first
   * day against the first sample), the live equity counting for its day. The newest `days` days.
   */
  dailyReturns(days: number, live: Pick<EquityPoint, 'time' | 'equity'> | null): DailyReturn[] {
    this.catchUp();
    const { times, values } = this.samples.series();
    const closes: { day: number; close: number }[] = [];
    const add = (time: number, equity: number) => {
      const day = Math.floor(time / DAY_MS);
      const last = closes[closes.length - 1];
      if (last && last.day === day) last.close = equity;
      else if (!last || day > last.day) closes.push({ day, close: equity });
    };
    for (let i = 0; i < times.length; i++) add(times[i]!, values[i]!);
    const lastTime = times.length ? times[times.length - 1]! : -Infinity;
    if (live && live.time > lastTime) add(live.time, live.equity);
    if (closes.length === 0) return [];
    const liveDay = live ? Math.floor(live.time / DAY_MS) : null;
    let previous = times.length ? values[0]! : closes[0]!.close;
    const out: DailyReturn[] = closes.map(({ day, close }) => {
      const change = previous > 0 ? close / previous - 1 : 0;
      previous = close;
      return {
        day: new Date(day * DAY_MS).toISOString().slice(0, 10),
        close,
        return: change,
        partial: day === liveDay,
      };
    });
    return out.slice(-days);
  }

  /** Money P&L by the strategy that opened each round trip, sorted by strategy id. */
  strategyPnl(): StrategyPnl[] {
    this.catchUp();
    return [...this.byStrategy.values()]
      .map((row) => ({ ...row }))
      .sort((a, b) => (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0));
  }
}
