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
      CREATE TABLE trades (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL,
        time INTEGER NOT NULL,
        instrument TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
        qty REAL NOT NULL CHECK (qty > 0),
        price REAL NOT NULL CHECK (price > 0),
        commission REAL NOT NULL CHECK (commission >= 0),
        liquidity TEXT NOT NULL CHECK (liquidity IN ('maker', 'taker')),
        realized_pnl REAL NOT NULL,
        effect TEXT NOT NULL CHECK (effect IN ('open', 'increase', 'reduce', 'close', 'reverse')),
        strategy TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX trades_by_time ON trades (time);

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
        -- The newest trade already reflected in this checkpoint; recovery replays the trades after it.
        last_trade_id INTEGER NOT NULL
      );
      CREATE INDEX portfolio_checkpoints_by_time ON portfolio_checkpoints (time);

      CREATE TABLE circuit_breaker_events (
        id INTEGER PRIMARY KEY,
        time INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('trip', 'recover', 'halt', 'resume')),
        actor TEXT NOT NULL CHECK (actor IN ('auto', 'trader')),
        reason TEXT NOT NULL,
        level_before INTEGER NOT NULL,
        level_after INTEGER NOT NULL,
        state_before TEXT NOT NULL,
        state_after TEXT NOT NULL
      );
      CREATE INDEX circuit_breaker_events_by_time ON circuit_breaker_events (time);
    `,
  },
];
