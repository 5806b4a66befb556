import { z } from 'zod';
import { BacktestResultSchema, type BacktestResult } from '../backtest/result-schema';
import { describeZodError } from '../../src-shared/ipc/result';
import type { Db } from './database';

// Backtest runs in the `runs` table (migration 1): what was run (settings, seed, data) and what came out.

/** A run is running until it is done, failed or cancelled. */
export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A run to save: without `id` it is added, with `id` that row is updated (a running run finishing). */
export interface RunInput {
  id?: number;
  /** Wall-clock times (epoch ms) the run started and ended; null while running. */
  startedAt: number;
  finishedAt: number | null;
  status: RunStatus;
  /** The settings the run used, stored as JSON. */
  settings: unknown;
  seed: number;
  /** What was replayed and how (files or synthetic market, range, strategies, mode and parameters), as JSON. */
  data: unknown;
  /** The result of a finished run; the error of a failed one; null otherwise. */
  results: BacktestResult | { error: string } | null;
}

/** A row of the run list: no settings or results, only the figures a list shows. */
export interface RunSummary {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  status: RunStatus;
  seed: number;
  data: unknown;
  finalEquity: number | null;
  totalReturn: number | null;
  error: string | null;
}

/** A stored run: a failed run's error is in `error`, a finished run's result in `results`. */
export interface RunRecord extends Omit<RunInput, 'id' | 'results'> {
  id: number;
  results: BacktestResult | null;
  error: string | null;
}

const STATUS = z.enum(['running', 'done', 'failed', 'cancelled']);
const ErrorSchema = z.object({ error: z.string() });

/**
 * Adds a run (no `id`) or updates one (`id`), and returns its id. Throws when the id is unknown (nothing
 * is written) or a value cannot be stored as JSON.
 */
export function saveRun(db: Db, run: RunInput): number {
  const values = {
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    status: run.status,
    settings: JSON.stringify(run.settings),
    seed: run.seed,
    data: JSON.stringify(run.data),
    results: run.results === null ? null : JSON.stringify(run.results),
  };
  if (run.id === undefined) {
    const info = db
      .prepare(
        `INSERT INTO runs (started_at, finished_at, status, settings, seed, data, results)
         VALUES (@started_at, @finished_at, @status, @settings, @seed, @data, @results)`,
      )
      .run(values);
    return Number(info.lastInsertRowid);
  }
  const info = db
    .prepare(
      `UPDATE runs SET started_at = @started_at, finished_at = @finished_at, status = @status,
         settings = @settings, seed = @seed, data = @data, results = @results WHERE id = @id`,
    )
    .run({ ...values, id: run.id });
  if (info.changes !== 1) throw new RangeError(`backtest run ${run.id} does not exist`);
  return run.id;
}

interface SummaryRow {
  id: number;
  started_at: number;
  finished_at: number | null;
  status: string;
  seed: number;
  data: string;
  final_equity: number | null;
  total_return: number | null;
  error: string | null;
}

/** The newest runs first (by id), at most `limit`, with final equity and total return of finished ones. */
export function listRuns(db: Db, limit: number): RunSummary[] {
  const rows = db
    .prepare(
      `SELECT id, started_at, finished_at, status, seed, data,
         json_extract(results, '$.final_equity') AS final_equity,
         json_extract(results, '$.metrics.total_return') AS total_return,
         json_extract(results, '$.error') AS error
       FROM runs ORDER BY id DESC LIMIT ?`,
    )
    .all(Math.max(0, Math.floor(limit))) as SummaryRow[];
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: STATUS.parse(row.status),
    seed: row.seed,
    data: parseJson(row.data, row.id, 'data'),
    finalEquity: row.final_equity,
    totalReturn: row.total_return,
    error: row.error,
  }));
}

interface RunRow {
  id: number;
  started_at: number;
  finished_at: number | null;
  status: string;
  settings: string;
  seed: number;
  data: string;
  results: string | null;
}

/**
 * One run with its settings and results (checked against the result schema), or null when there is no
 * such run. Throws an Error naming the run and column when stored JSON cannot be read.
 */
export function loadRun(db: Db, id: number): RunRecord | null {
  const row = db
    .prepare(
      'SELECT id, started_at, finished_at, status, settings, seed, data, results FROM runs WHERE id = ?',
    )
    .get(id) as RunRow | undefined;
  if (!row) return null;
  const stored = row.results === null ? null : parseJson(row.results, row.id, 'results');
  let results: BacktestResult | null = null;
  let error: string | null = null;
  if (stored !== null) {
    const failure = ErrorSchema.safeParse(stored);
    if (failure.success) error = failure.data.error;
    else {
      const parsed = BacktestResultSchema.safeParse(stored);
      if (!parsed.success)
        throw new Error(
          `backtest run ${row.id}: stored results are not a backtest result (${firstProblems(parsed.error)})`,
        );
      results = parsed.data;
    }
  }
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: STATUS.parse(row.status),
    settings: parseJson(row.settings, row.id, 'settings'),
    seed: row.seed,
    data: parseJson(row.data, row.id, 'data'),
    results,
    error,
  };
}

/** The first three problems of a zod error, and how many more there are. */
function firstProblems(error: z.ZodError): string {
  const shown = new z.ZodError(error.issues.slice(0, 3));
  const more = error.issues.length - 3;
  return `${describeZodError(shown)}${more > 0 ? `; … ${more} more` : ''}`;
}

function parseJson(text: string, id: number, column: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`backtest run ${id}: the stored ${column} is not valid JSON`);
  }
}

/**
 * Runs still 'running' belong to a process that stopped before they ended: they become 'failed' with
 * `error` (their worker is gone). Returns how many were marked.
 */
export function markInterruptedRuns(db: Db, finishedAt: number, error: string): number {
  return db
    .prepare(
      `UPDATE runs SET status = 'failed', finished_at = ?, results = json_object('error', ?)
       WHERE status = 'running'`,
    )
    .run(finishedAt, error).changes;
}
