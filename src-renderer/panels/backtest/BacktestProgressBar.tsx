import type { BacktestProgressEvent } from '../../../src-shared/ipc/backtest-schemas';
import { etaText, percentDone } from './progress-text';

/** A running backtest: how far it is, the time it has taken and the estimate of what is left; Cancel. */
export function BacktestProgressBar({
  event,
  onCancel,
}: {
  event: BacktestProgressEvent;
  onCancel: () => void;
}) {
  const percent = percentDone(event.done, event.total);
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
        {(event.elapsedMs / 1000).toFixed(1)} s · {etaText(event.etaMs)}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
