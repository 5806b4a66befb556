import type { BacktestProgressEvent } from '../../../src-shared/ipc/backtest-schemas';
import { formatDuration } from '../../format';

/** Wall time left, readable at a glance: "12 s", "3 min", "1 h 05 min". */
function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating…';
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s left`;
  return `${formatDuration(ms)} left`;
}

/** A running backtest: how far it is, the time it has taken and the estimate of what is left; Cancel. */
export function BacktestProgressBar({
  event,
  onCancel,
}: {
  event: BacktestProgressEvent;
  onCancel: () => void;
}) {
  const share = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
  const percent = Math.round(share * 100);
  return (
    <div className="backtest-progress" data-testid="backtest-progress" data-run={event.runId}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Backtest run ${event.runId}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="num">{percent} %</span>
      <span className="muted">
        {(event.elapsedMs / 1000).toFixed(1)} s · {formatEta(event.etaMs)}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
