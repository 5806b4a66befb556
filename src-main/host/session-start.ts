import { join } from 'node:path';
import type { Logger } from '../log';
import type { Db } from '../store/database';
import { openStore } from '../store/open-store';
import { cancelOrphanedOrders } from '../store/orphaned-orders';
import { Sessions } from '../store/sessions';
import { DATABASE_FILE } from './paths';

/** The database opened and this run's session row started. */
export interface StartedSession {
  db: Db;
  sessions: Sessions;
  sessionId: number;
  /**
   * "recovered after an unclean stop at …" (and how many working orders were cancelled) when the previous
   * session did not end cleanly; else null.
   */
  recovery: string | null;
}

export interface SessionStartOptions {
  dataDir: string;
  mode: 'app' | 'serve' | 'run' | 'test';
  wallTime: number;
  allowFreshDatabase: boolean;
  busyTimeoutMs: number | undefined;
  logger: Logger;
}

/**
 * Opens the data directory's database (moving an unusable file aside only when allowed), detects an
 * unclean previous session and logs the recovery notice, cancels the orders the previous engine left
 * working (the new engine starts without them), and starts this run's session (linked to the session it
 * recovers from).
 */
export function startSession(options: SessionStartOptions): StartedSession {
  const { logger } = options;
  const store = openStore(join(options.dataDir, DATABASE_FILE), {
    allowFresh: options.allowFreshDatabase,
    wallTime: options.wallTime,
    busyTimeoutMs: options.busyTimeoutMs,
  });
  if (store.movedAside)
    logger.warn({ movedTo: store.movedAside }, 'unusable database moved aside; starting a new one');
  const sessions = new Sessions(store.db);
  const previous = sessions.latest();
  const cancelled = cancelOrphanedOrders(store.db);
  const orders = cancelled === 1 ? '1 working order was' : `${cancelled} working orders were`;
  const recovery =
    previous && !previous.clean
      ? `recovered after an unclean stop ${stoppedAt(previous)}` +
        (cancelled > 0 ? `; ${orders} cancelled` : '')
      : null;
  if (recovery) logger.warn({ previousSession: previous?.id }, recovery);
  else if (cancelled > 0)
    logger.warn({ cancelled }, `${orders} cancelled: a new session starts without them`);
  const sessionId = sessions.start(options.mode, options.wallTime, recovery ? previous!.id : null);
  return { db: store.db, sessions, sessionId, recovery };
}

/**
 * When the unclean stop came: the engine (market) time of the session's last committed step, or, for a
 * session that committed none, when it started, in wall-clock time and said so (the two clocks differ).
 */
function stoppedAt(session: { lastEngineTime: number | null; startedAt: number }): string {
  return session.lastEngineTime !== null
    ? `at ${new Date(session.lastEngineTime).toISOString()}`
    : `of the session started at ${new Date(session.startedAt).toISOString()} (wall-clock time; no step was committed)`;
}
