import { useEffect, useRef } from 'react';
import type { Bridge } from '../../bridge/bridge';
import { formatMoney } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { EquityChart } from './equity-chart';

/**
 * The equity curve with its drawdown pane and breaker markers. Scroll or drag to zoom and pan (or use the
 * buttons); zoomed in far enough, the chart reads the window from the host in full detail. Double-click
 * or "Show all" returns to the whole history, following new points.
 */
export function EquityCurve({ bridge }: { bridge: Bridge }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EquityChart | null>(null);
  const equity = useTerminal((s) => s.snapshot?.portfolio.equity ?? null);

  useEffect(() => {
    const view = new EquityChart(container.current!, async (from, to, maxPoints) => {
      const result = await bridge.equityHistory({ maxPoints, from: Math.floor(from), to: Math.ceil(to) });
      return result.ok ? result.value : null;
    });
    chart.current = view;
    const state = useTerminal.getState();
    view.setOverview(state.equity);
    view.setEvents(state.breakerEvents);
    const unsubscribe = useTerminal.subscribe((next, previous) => {
      if (next.equity !== previous.equity) view.setOverview(next.equity);
      if (next.breakerEvents !== previous.breakerEvents) view.setEvents(next.breakerEvents);
    });
    return () => {
      unsubscribe();
      view.destroy();
      chart.current = null;
    };
  }, [bridge]);

  return (
    <section className="panel equity" aria-labelledby="equity-title">
      <div className="panel-head">
        <h2 id="equity-title">Equity and drawdown</h2>
        <div className="chart-tools" role="toolbar" aria-label="Equity chart zoom">
          <button type="button" onClick={() => chart.current?.zoom(4)}>
            Zoom in
          </button>
          <button type="button" onClick={() => chart.current?.zoom(0.25)}>
            Zoom out
          </button>
          <button type="button" onClick={() => chart.current?.showAll()}>
            Show all
          </button>
        </div>
      </div>
      <div
        ref={container}
        className="chart"
        data-testid="equity-chart"
        role="img"
        aria-label={`Equity curve with drawdown and circuit-breaker markers${equity === null ? '' : `; equity now ${formatMoney(equity)}`}`}
      />
    </section>
  );
}
