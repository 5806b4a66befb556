import { useCallback, useEffect, useState } from 'react';
import type { BacktestProgressEvent, BacktestRunRow } from '../../../src-shared/ipc/backtest-schemas';
import type { Bridge } from '../../bridge/bridge';

export interface Backtests {
  runs: BacktestRunRow[];
  /** The latest progress of each run this window has heard about, by run id. */
  progress: ReadonlyMap<number, BacktestProgressEvent>;
  error: string | null;
  reload(): void;
}

/**
 * The past runs (newest first) and the live progress of running ones: the list is read once, and again
 * whenever a run starts or ends; progress comes from the host's backtestProgress events.
 */
export function useBacktests(bridge: Bridge): Backtests {
  const [runs, setRuns] = useState<BacktestRunRow[]>([]);
  const [progress, setProgress] = useState<ReadonlyMap<number, BacktestProgressEvent>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    void bridge.backtestRuns({ limit: 100 }).then((result) => {
      if (result.ok) {
        setRuns(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [bridge]);

  useEffect(() => {
    reload();
    return bridge.onBacktestProgress((event) => {
      setProgress((previous) => new Map(previous).set(event.runId, event));
      if (event.status !== 'running') reload();
    });
  }, [bridge, reload]);

  return { runs, progress, error, reload };
}
