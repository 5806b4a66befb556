import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME, type BacktestOptions } from '../../src-main/backtest/options';
import { BacktestService, type BacktestProgressEvent } from '../../src-main/host/backtest-service';
import { createLogger } from '../../src-main/log';
import { openDatabase } from '../../src-main/store/database';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const WORKER = join(__dirname, '..', '..', 'dist', 'main', 'backtest-worker.cjs');

describe('BacktestService when the database refuses the result', () => {
  it('reports the run as failed with the reason instead of throwing out of the worker callback', async () => {
    const db = openDatabase(join(tempDir(), 'b.sqlite'));
    let ended: (event: BacktestProgressEvent) => void = () => undefined;
    const ending = new Promise<BacktestProgressEvent>((resolve) => (ended = resolve));
    const service = new BacktestService(
      db,
      createLogger(null, 'silent'),
      (event) => {
        if (event.status !== 'running') ended(event);
      },
      () => 1_000,
      WORKER,
    );
    const options: BacktestOptions = {
      mode: 'pipeline',
      source: { feed: 'synthetic', seed: 3, scenario: 'markov', bars: 200 },
      range: ALL_TIME,
      strategies: 'settings',
      seed: 3,
      cash: null,
      settings: testSettings(),
    };
    const id = service.start(options);
    // The run's row is written; from now on every write fails (as on a full disk or a read-only file).
    db.pragma('query_only = ON');
    // Before the fix, saving the result threw inside the promise callback: no end event ever came (this
    // await timed out) and the rejection went unhandled, which ends a plain Node process (botv2 serve).
    const event = await ending;
    expect(event).toMatchObject({ runId: id, status: 'failed' });
    expect(event.error).toMatch(/^the backtest ended but its result could not be saved: /);
    // The row stays 'running'; the next start marks it interrupted.
    expect(service.load(id)).toMatchObject({ status: 'running' });
    db.pragma('query_only = OFF');
    db.close();
  });
});
