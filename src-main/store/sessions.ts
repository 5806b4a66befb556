import type { Db } from './database';

export interface SessionRow {
  id: number;
  startedAt: number;
  endedAt: number | null;
  clean: boolean;
  lastEngineTime: number | null;
}

/** Session bookkeeping: a row per start, marked clean at a proper shutdown, so an unclean stop is detected. */
export class Sessions {
  private readonly touchStatement;

  constructor(private readonly db: Db) {
    this.touchStatement = db.prepare('UPDATE sessions SET last_engine_time = ? WHERE id = ?');
  }

  /** The latest session, if any (before this one starts). */
  latest(): SessionRow | null {
    const row = this.db
      .prepare(
        'SELECT id, started_at, ended_at, clean, last_engine_time FROM sessions ORDER BY id DESC LIMIT 1',
      )
      .get() as
      | {
          id: number;
          started_at: number;
          ended_at: number | null;
          clean: number;
          last_engine_time: number | null;
        }
      | undefined;
    return row
      ? {
          id: row.id,
          startedAt: row.started_at,
          endedAt: row.ended_at,
          clean: row.clean === 1,
          lastEngineTime: row.last_engine_time,
        }
      : null;
  }

  start(mode: string, wallTime: number, recoveredFrom: number | null): number {
    const info = this.db
      .prepare('INSERT INTO sessions (started_at, mode, recovered_from) VALUES (?, ?, ?)')
      .run(wallTime, mode, recoveredFrom);
    return Number(info.lastInsertRowid);
  }

  /** Engine time reached; kept current inside each step's transaction. */
  touch(id: number, engineTime: number): void {
    this.touchStatement.run(engineTime, id);
  }

  end(id: number, wallTime: number): void {
    this.db.prepare('UPDATE sessions SET ended_at = ?, clean = 1 WHERE id = ?').run(wallTime, id);
  }
}
