import type { BacktestRunRow } from '../../../src-shared/ipc/backtest-schemas';
import { formatMoney, formatSignedPercent, formatTime, tone } from '../../format';

const STATUS_TEXT = { running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' } as const;

/** Past runs, newest first; choosing one shows its report. */
export function BacktestRuns({
  runs,
  selected,
  onSelect,
}: {
  runs: readonly BacktestRunRow[];
  selected: number | null;
  onSelect: (runId: number) => void;
}) {
  if (runs.length === 0) return <p className="muted">No backtest has been run yet.</p>;
  return (
    <table className="data-table backtest-runs" data-testid="backtest-runs">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Started</th>
          <th scope="col">What</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Final equity
          </th>
          <th scope="col" className="num">
            Return
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr
            key={run.id}
            data-run={run.id}
            data-status={run.status}
            aria-current={run.id === selected ? true : undefined}
            className={run.id === selected ? 'selected' : undefined}
          >
            <td>
              <button
                type="button"
                className="link"
                onClick={() => onSelect(run.id)}
                aria-label={`Show run ${run.id}`}
              >
                {run.id}
              </button>
            </td>
            <td>{formatTime(run.startedAt)}</td>
            <td>{run.description}</td>
            <td className={`status-${run.status}`} title={run.error ?? undefined}>
              {STATUS_TEXT[run.status]}
              {run.error ? `: ${run.error}` : ''}
            </td>
            <td className="num">{run.finalEquity === null ? '—' : formatMoney(run.finalEquity)}</td>
            <td className={`num ${tone(run.totalReturn ?? 0)}`}>
              {run.totalReturn === null ? '—' : formatSignedPercent(run.totalReturn)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
