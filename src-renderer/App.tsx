import { useEffect } from 'react';
import type { Bridge } from './bridge/bridge';
import { Tabs, type TabItem } from './components/Tabs';
import { ExportPanel } from './panels/ExportPanel';
import { BacktestPanel } from './panels/backtest/BacktestPanel';
import { PortfolioSummary } from './panels/PortfolioSummary';
import { StatusBar } from './panels/StatusBar';
import { BreakerControls } from './panels/breaker/BreakerControls';
import { BreakerDialogs } from './panels/breaker/BreakerDialogs';
import { useBreakerNotifications } from './panels/breaker/use-breaker-notifications';
import { useHaltShortcut } from './panels/breaker/use-halt-shortcut';
import { DailyReturns } from './panels/equity/DailyReturns';
import { EquityCurve } from './panels/equity/EquityCurve';
import { RiskPanel } from './panels/risk/RiskPanel';
import { SettingsPanel } from './panels/settings/SettingsPanel';
import { StrategiesPanel } from './panels/strategies/StrategiesPanel';
import { DecisionDrawer } from './panels/trades/DecisionDrawer';
import { TradeLog } from './panels/trades/TradeLog';
import { connectStore } from './store/connect-store';
import { useTerminal } from './store/terminal-store';
import type { TabId } from './store/ui-slice';

const TAB_ITEMS: readonly TabItem<TabId>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'strategies', label: 'Strategies' },
  { id: 'risk', label: 'Risk' },
  { id: 'backtest', label: 'Backtest' },
  { id: 'settings', label: 'Settings' },
  { id: 'data', label: 'Data & export' },
];

function Overview({ bridge }: { bridge: Bridge }) {
  return (
    <div className="layout">
      <EquityCurve bridge={bridge} />
      <div className="side">
        <PortfolioSummary />
        <BreakerControls bridge={bridge} />
        <DailyReturns bridge={bridge} />
      </div>
      <TradeLog bridge={bridge} />
    </div>
  );
}

export function App({ bridge }: { bridge: Bridge }) {
  useEffect(() => connectStore(bridge), [bridge]);
  useHaltShortcut();
  useBreakerNotifications();
  const ready = useTerminal((s) => s.snapshot !== null);
  const tab = useTerminal((s) => s.tab);
  const setTab = useTerminal((s) => s.setTab);
  return (
    <div className="terminal" data-ready={ready}>
      <StatusBar bridge={bridge} />
      <nav className="nav">
        <Tabs items={TAB_ITEMS} selected={tab} onSelect={setTab} label="Views" />
      </nav>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="main">
        {tab === 'overview' && <Overview bridge={bridge} />}
        {tab === 'strategies' && <StrategiesPanel bridge={bridge} />}
        {tab === 'risk' && <RiskPanel bridge={bridge} />}
        {tab === 'backtest' && <BacktestPanel bridge={bridge} />}
        {tab === 'settings' && <SettingsPanel bridge={bridge} />}
        {tab === 'data' && <ExportPanel bridge={bridge} />}
      </main>
      <DecisionDrawer bridge={bridge} />
      <BreakerDialogs bridge={bridge} />
    </div>
  );
}
