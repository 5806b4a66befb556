import { useCallback } from 'react';
import type { Bridge } from '../../bridge/bridge';
import { SortableTable } from '../../components/SortableTable';
import { useTerminal } from '../../store/terminal-store';
import { usePolling } from '../../store/use-polling';
import { StrategyComparison } from './StrategyComparison';
import { joinPnl, STRATEGY_COLUMNS } from './strategy-columns';

const REFRESH_MS = 2000;

/** Every strategy: allocation, performance, what it last said or why it abstains; and a comparison chart. */
export function StrategiesPanel({ bridge }: { bridge: Bridge }) {
  const rows = useTerminal((s) => s.strategyRows);
  const pnl = useTerminal((s) => s.strategyPnl);
  const load = useCallback(async () => {
    const [table, money] = await Promise.all([bridge.strategyTable({}), bridge.strategyPnl({})]);
    if (table.ok && money.ok) useTerminal.getState().setStrategies(table.value, money.value);
    else useTerminal.getState().setError(!table.ok ? table.error : !money.ok ? money.error : null);
  }, [bridge]);
  usePolling(load, REFRESH_MS);
  const lines = joinPnl(rows, pnl);
  return (
    <div className="view strategies-view">
      <section className="panel" aria-labelledby="strategies-title">
        <h2 id="strategies-title">
          Strategies <span className="muted">{rows.length}</span>
        </h2>
        <div className="scroll">
          <SortableTable
            columns={STRATEGY_COLUMNS}
            rows={lines}
            rowKey={(r) => r.id}
            caption="Strategies: click a column header to sort"
            initialSort={{ key: 'weight', direction: 'descending' }}
            testId="strategy-table"
          />
        </div>
      </section>
      <StrategyComparison lines={lines} />
    </div>
  );
}
