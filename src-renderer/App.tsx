import { useEffect } from 'react';
import type { Bridge } from './bridge/bridge';
import { BreakerControls } from './panels/BreakerControls';
import { EquityCurve } from './panels/EquityCurve';
import { PortfolioSummary } from './panels/PortfolioSummary';
import { StatusBar } from './panels/StatusBar';
import { TradeLog } from './panels/TradeLog';
import { connectStore } from './store/connect-store';
import { useTerminal } from './store/terminal-store';

export function App({ bridge }: { bridge: Bridge }) {
  useEffect(() => connectStore(bridge), [bridge]);
  const ready = useTerminal((s) => s.snapshot !== null);
  return (
    <div className="terminal" data-ready={ready}>
      <StatusBar bridge={bridge} />
      <main className="layout">
        <EquityCurve />
        <div className="side">
          <PortfolioSummary />
          <BreakerControls bridge={bridge} />
        </div>
        <TradeLog />
      </main>
    </div>
  );
}
