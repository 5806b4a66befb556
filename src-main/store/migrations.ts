// Numbered, append-only migrations. Never edit or reorder one that has shipped: its hash is checked at
// start-up and a changed migration refuses to start. Add a new one at the end instead.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      -- One row per run of the app or the headless runner; clean = 1 once it shut down properly.
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        clean INTEGER NOT NULL DEFAULT 0 CHECK (clean IN (0, 1)),
        last_engine_time INTEGER,
        mode TEXT NOT NULL,
        recovered_from INTEGER REFERENCES sessions (id)
      );

      -- Every order the engine submitted and what became of it.
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty REAL NOT NULL CHECK (qty > 0),
        type TEXT NOT NULL CHECK (type IN ('market', 'limit', 'stop', 'stop-limit')),
        limit_price REAL,
        stop_price REAL,
        time_in_force TEXT NOT NULL CHECK (time_in_force IN ('gtc', 'ioc')),
        status TEXT NOT NULL CHECK (status IN ('working', 'filled', 'cancelled')),
        filled_qty REAL NOT NULL DEFAULT 0,
        strategy TEXT NOT NULL,
        reason TEXT NOT NULL,
        decision_id INTEGER REFERENCES decisions (id)
      );
      CREATE INDEX orders_by_time ON orders (time);

      -- Every execution (an order may fill in several parts), with its effect on the position.
      CREATE TABLE fills (
        id INTEGER PRIMARY KEY,
        -- NULL for a position closed by a contract's settlement rather than by an order.
        order_id INTEGER REFERENCES orders (id),
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty REAL NOT NULL CHECK (qty > 0),
        -- 0 only for a prediction contract settling at 0.
        price REAL NOT NULL CHECK (price >= 0),
        commission REAL NOT NULL CHECK (commission >= 0),
        liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
        realized_pnl REAL NOT NULL,
        effect TEXT NOT NULL CHECK (effect IN ('open', 'increase', 'reduce', 'close', 'reverse')),
        strategy TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX fills_by_time ON fills (time);
      CREATE INDEX fills_by_order ON fills (order_id);

      -- Closed round trips: a position from its opening fill to the fill that closed it.
      CREATE TABLE trades (
        id INTEGER PRIMARY KEY,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('long', 'short')),
        qty REAL NOT NULL CHECK (qty > 0),
        entry_time INTEGER NOT NULL,
        exit_time INTEGER NOT NULL,
        entry_price REAL NOT NULL,
        exit_price REAL NOT NULL,
        pnl REAL NOT NULL,
        commission REAL NOT NULL,
        strategy TEXT NOT NULL,
        closing_fill_id INTEGER NOT NULL REFERENCES fills (id)
      );
      CREATE INDEX trades_by_exit ON trades (exit_time);

      -- The open positions as of the last committed step.
      CREATE TABLE positions (
        instrument TEXT PRIMARY KEY,
        qty REAL NOT NULL,
        avg_price REAL NOT NULL,
        last_price REAL NOT NULL,
        opened_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE portfolio_checkpoints (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        cash REAL NOT NULL,
        equity REAL NOT NULL,
        realized_pnl REAL NOT NULL,
        commissions REAL NOT NULL,
        peak_equity REAL NOT NULL,
        positions TEXT NOT NULL,
        breaker TEXT NOT NULL,
        -- Engine state beyond the portfolio (allocation weights, strategy statistics), as JSON.
        engine_state TEXT NOT NULL DEFAULT '{}',
        -- The newest fill already reflected in this checkpoint; recovery replays the fills after it.
        last_fill_id INTEGER NOT NULL
      );
      CREATE INDEX portfolio_checkpoints_by_time ON portfolio_checkpoints (time);

      CREATE TABLE performance_metrics (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        equity REAL NOT NULL,
        cash REAL NOT NULL,
        drawdown REAL NOT NULL,
        exposure REAL NOT NULL,
        realized_pnl REAL NOT NULL,
        unrealized_pnl REAL NOT NULL
      );
      CREATE INDEX performance_metrics_by_time ON performance_metrics (time);

      -- Each strategy's weight and performance over time.
      CREATE TABLE strategy_stats (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        strategy TEXT NOT NULL,
        weight REAL NOT NULL,
        sharpe REAL,
        smoothed_sharpe REAL,
        win_rate REAL,
        pnl REAL NOT NULL,
        signals INTEGER NOT NULL
      );
      CREATE INDEX strategy_stats_by_time ON strategy_stats (time);

      -- Automatic trips and recoveries, and every manual action of the trader with its reason.
      CREATE TABLE circuit_breaker_events (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('trip', 'recover', 'halt', 'resume', 'force', 'rearm')),
        actor TEXT NOT NULL CHECK (actor IN ('auto', 'trader')),
        reason TEXT NOT NULL,
        level_before INTEGER NOT NULL,
        level_after INTEGER NOT NULL,
        state_before TEXT NOT NULL,
        state_after TEXT NOT NULL
      );
      CREATE INDEX circuit_breaker_events_by_time ON circuit_breaker_events (time);

      -- What produced each order: votes, weights, penalties, sizing inputs (JSON), so the UI can explain it.
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX decisions_by_time ON decisions (time);

      -- Backtests: what was run and what came out.
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
        settings TEXT NOT NULL,
        seed INTEGER NOT NULL,
        data TEXT NOT NULL,
        results TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'orders and fills: list checks as comparisons',
    // SQLite checks `x IN (a, b, c, …)` (more than two values) by building a temporary index on every
    // insert or update, about 1.2 µs each: a third of the cost of journalling an order and its fill.
    // The same rules written as `x = a OR x = b …` cost nothing measurable. Each constraint is named
    // after the original expression, so a violation reads exactly as before. SQLite cannot change a
    // constraint in place: the tables are rebuilt (new table, copy, drop, rename, indexes), with foreign
    // keys checked before the migration commits (openDatabase runs it with enforcement off, as SQLite's
    // documented procedure for table changes requires).
    sql: `
      CREATE TABLE orders_rebuilt (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty REAL NOT NULL CHECK (qty > 0),
        type TEXT NOT NULL
          CONSTRAINT "type IN ('market', 'limit', 'stop', 'stop-limit')"
          CHECK (type = 'market' OR type = 'limit' OR type = 'stop' OR type = 'stop-limit'),
        limit_price REAL,
        stop_price REAL,
        time_in_force TEXT NOT NULL CHECK (time_in_force IN ('gtc', 'ioc')),
        status TEXT NOT NULL
          CONSTRAINT "status IN ('working', 'filled', 'cancelled')"
          CHECK (status = 'working' OR status = 'filled' OR status = 'cancelled'),
        filled_qty REAL NOT NULL DEFAULT 0,
        strategy TEXT NOT NULL,
        reason TEXT NOT NULL,
        decision_id INTEGER REFERENCES decisions (id)
      );
      INSERT INTO orders_rebuilt SELECT * FROM orders;
      DROP TABLE orders;
      ALTER TABLE orders_rebuilt RENAME TO orders;
      CREATE INDEX orders_by_time ON orders (time);

      CREATE TABLE fills_rebuilt (
        id INTEGER PRIMARY KEY,
        -- NULL for a position closed by a contract's settlement rather than by an order.
        order_id INTEGER REFERENCES orders (id),
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty REAL NOT NULL CHECK (qty > 0),
        -- 0 only for a prediction contract settling at 0.
        price REAL NOT NULL CHECK (price >= 0),
        commission REAL NOT NULL CHECK (commission >= 0),
        liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
        realized_pnl REAL NOT NULL,
        effect TEXT NOT NULL
          CONSTRAINT "effect IN ('open', 'increase', 'reduce', 'close', 'reverse')"
          CHECK (effect = 'open' OR effect = 'increase' OR effect = 'reduce' OR effect = 'close' OR effect = 'reverse'),
        strategy TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      INSERT INTO fills_rebuilt SELECT * FROM fills;
      DROP TABLE fills;
      ALTER TABLE fills_rebuilt RENAME TO fills;
      CREATE INDEX fills_by_time ON fills (time);
      CREATE INDEX fills_by_order ON fills (order_id);
    `,
  },
];
