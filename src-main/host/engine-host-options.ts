import type { EventName, EventPayload } from '../../src-shared/ipc/contract';
import type { Settings } from '../../src-shared/settings/schema';
import type { MarketFeed } from '../engine/ports';
import type { Logger } from '../log';
import type { FeedStart } from './feeds';

/** What an EngineHost is built from: where its data lives, its settings, and what tests may replace. */
export interface EngineHostOptions {
  dataDir: string;
  settings: Settings;
  logger: Logger;
  /** Wall clock of the host (the engine never reads it). */
  wallClock?: () => number;
  /** Engine time runs at wall time × speed, or as fast as possible; overrides settings.paper.speed. */
  speed?: number | 'max';
  seed?: number;
  /** What runs the host: shown in the sessions table. */
  mode?: 'app' | 'serve' | 'run' | 'test';
  /** The market; the synthetic market by default. */
  createFeed?: (start: FeedStart) => MarketFeed;
  /** The user agreed to move a corrupt database aside and start a new one. */
  allowFreshDatabase?: boolean;
  /** How long a write waits for another program's lock before it counts as busy (default 2 s). */
  busyTimeoutMs?: number;
  /** The bundled backtest worker; default backtest-worker.cjs beside the running bundle (dist/main). */
  backtestWorkerFile?: string;
}

export type HostListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
