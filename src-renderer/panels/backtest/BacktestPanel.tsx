import { useEffect, useState } from 'react';
import type { BacktestRunDetail } from '../../../src-shared/ipc/backtest-schemas';
import type { Bridge } from '../../bridge/bridge';
import { BacktestForm } from './BacktestForm';
import { BacktestProgressBar } from './BacktestProgressBar';
import { BacktestReport } from './BacktestReport';
import { BacktestRuns } from './BacktestRuns';
import { useBacktests } from './use-backtests';

/**
 * The backtest view: a form for a run over the sample, CSV files or the synthetic market; running runs with
 * progress, ETA and Cancel; past runs (kept in the database) and the report of the chosen one.
 */
export function BacktestPanel({ bridge }: { bridge: Bridge }) {
  const { runs, progress, error } = useBacktests(bridge);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<BacktestRunDetail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const selectedStatus = runs.find((r) => r.id === selected)?.status;

  useEffect(() => {
    if (selected === null) return;
    let current = true;
    void bridge.backtestRun({ runId: selected }).then((result) => {
      if (!current) return;
      setDetail(result.ok ? result.value : null);
      setDetailError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [bridge, selected, selectedStatus]);

  const running = [...progress.values()].filter((p) => p.status === 'running');
  const cancel = (runId: number) => void bridge.cancelBacktest({ runId });

  return (
    <div className="view backtest-view">
      <section className="panel" aria-labelledby="backtest-new-title">
        <h2 id="backtest-new-title">New backtest</h2>
        <BacktestForm bridge={bridge} onStarted={setSelected} />
        {running.map((event) => (
          <BacktestProgressBar key={event.runId} event={event} onCancel={() => cancel(event.runId)} />
        ))}
      </section>
      <section className="panel" aria-labelledby="backtest-runs-title">
        <h2 id="backtest-runs-title">Runs</h2>
        {error && (
          <p className="fault" role="alert">
            {error}
          </p>
        )}
        <BacktestRuns runs={runs} selected={selected} onSelect={setSelected} />
      </section>
      {selected !== null && (
        <section className="panel backtest-detail" aria-labelledby="backtest-report-title">
          <h2 id="backtest-report-title">Run {selected}</h2>
          {detailError && (
            <p className="fault" role="alert">
              {detailError}
            </p>
          )}
          {detail?.run.id === selected && detail.result && <BacktestReport result={detail.result} />}
          {detail?.run.id === selected && !detail.result && (
            <p className="muted" data-testid="backtest-pending">
              {detail.run.status === 'running'
                ? 'Running: the report appears when it ends.'
                : `No report: the run ${detail.run.status}${detail.run.error ? ` (${detail.run.error})` : ''}.`}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
