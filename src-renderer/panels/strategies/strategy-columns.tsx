import type { StrategyRow } from '../../../src-shared/domain/analytics';
import type { StrategyPnl } from '../../../src-shared/ipc/dashboard-schemas';
import type { Column } from '../../components/SortableTable';
import { RATE_LABELS, winRateOf } from './strategy-figures';
import { formatMaybePercent, formatPercent, formatRatio, formatSignedMoney, tone } from '../../format';

/** A strategy's row: the engine's figures and its money P&L from the closed round trips it opened. */
export interface StrategyLine extends StrategyRow {
  pnl: StrategyPnl | null;
}

export function joinPnl(rows: readonly StrategyRow[], pnl: readonly StrategyPnl[]): StrategyLine[] {
  const byId = new Map(pnl.map((p) => [p.strategy, p]));
  return rows.map((row) => ({ ...row, pnl: byId.get(row.id) ?? null }));
}

export const STRATEGY_COLUMNS: Column<StrategyLine>[] = [
  {
    key: 'name',
    label: 'Strategy',
    value: (r) => r.name,
    render: (r) => (
      <>
        {r.name} <span className="muted">({r.category})</span>
      </>
    ),
  },
  {
    key: 'weight',
    label: 'Weight',
    numeric: true,
    value: (r) => r.weight,
    render: (r) => formatPercent(r.weight),
  },
  {
    key: 'smoothedSharpe',
    label: 'Smoothed Sharpe',
    numeric: true,
    value: (r) => r.smoothedSharpe,
    render: (r) => <span className={tone(r.smoothedSharpe)}>{formatRatio(r.smoothedSharpe)}</span>,
  },
  {
    // Signals, not trades: the share of scored signals whose next bar moved their way.
    key: 'hitRate',
    label: RATE_LABELS.hitRate,
    numeric: true,
    value: (r) => r.hitRate,
    render: (r) => formatMaybePercent(r.hitRate, 1),
  },
  {
    // Round trips it opened that netted a gain (docs/EXECUTION.md, Metrics); none before its first close.
    key: 'winRate',
    label: RATE_LABELS.winRate,
    numeric: true,
    value: (r) => winRateOf(r),
    render: (r) => formatMaybePercent(winRateOf(r), 1),
  },
  {
    key: 'pnl',
    label: 'Net P&L',
    numeric: true,
    value: (r) => r.pnl?.netPnl ?? null,
    render: (r) =>
      r.pnl ? (
        <span className={tone(r.pnl.netPnl)} title={`${r.pnl.trades} round trips, ${r.pnl.wins} won`}>
          {formatSignedMoney(r.pnl.netPnl)}
        </span>
      ) : (
        '—'
      ),
  },
  {
    key: 'signals',
    label: 'Signals',
    numeric: true,
    value: (r) => r.signals,
    render: (r) => r.signals.toLocaleString('en-US'),
  },
  {
    key: 'lastSignal',
    label: 'Last signal',
    value: (r) => (r.lastSignal ? `${r.lastSignal.action} ${r.lastSignal.instrument}` : null),
    render: (r) =>
      r.lastSignal ? (
        <span title={r.lastSignal.reason}>
          <span
            className={
              r.lastSignal.action === 'buy' ? 'gain' : r.lastSignal.action === 'sell' ? 'loss' : 'flat'
            }
          >
            {r.lastSignal.action}
          </span>{' '}
          {r.lastSignal.instrument} {formatPercent(r.lastSignal.confidence, 0)}
        </span>
      ) : (
        '—'
      ),
  },
  {
    key: 'abstainReason',
    label: 'Abstains because',
    value: (r) => r.abstainReason,
    render: (r) => <span className="reason">{r.abstainReason ?? '—'}</span>,
  },
];
