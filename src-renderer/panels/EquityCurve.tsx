import {
  createChart,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { EquityPoint } from '../../src-shared/domain/trading';
import { useTerminal } from '../store/terminal-store';

const toChart = (p: EquityPoint) => ({ time: Math.floor(p.time / 1000) as UTCTimestamp, value: p.equity });

/**
 * The equity curve (lightweight-charts). A new history replaces the data; live points are appended with
 * update(), so a stream of points never redraws the whole series.
 */
export function EquityCurve() {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<ISeriesApi<'Line'> | null>(null);
  const shown = useRef<{ source: EquityPoint[] | null; count: number; lastTime: number }>({
    source: null,
    count: 0,
    lastTime: -1,
  });

  useEffect(() => {
    const element = container.current!;
    const chart: IChartApi = createChart(element, {
      autoSize: true,
      layout: { background: { color: '#0d1117' }, textColor: '#c9d1d9', attributionLogo: false },
      grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#30363d' },
      rightPriceScale: { borderColor: '#30363d' },
    });
    series.current = chart.addSeries(LineSeries, { color: '#58a6ff', lineWidth: 2, priceLineVisible: true });
    // The whole curve stays in view until the trader scrolls or zooms; a double click brings it back.
    let followAll = true;
    const stopFollowing = () => (followAll = false);
    const followAgain = () => {
      followAll = true;
      chart.timeScale().fitContent();
    };
    element.addEventListener('wheel', stopFollowing, { passive: true });
    element.addEventListener('mousedown', stopFollowing);
    element.addEventListener('dblclick', followAgain);

    const render = (equity: EquityPoint[]) => {
      const target = series.current;
      if (!target) return;
      const state = shown.current;
      const appendOnly =
        state.source !== null &&
        equity.length >= state.count &&
        state.count > 0 &&
        equity[state.count - 1]?.time === state.lastTime;
      if (appendOnly) {
        for (let i = state.count; i < equity.length; i++) target.update(toChart(equity[i]!));
      } else {
        target.setData(equity.map(toChart));
      }
      if (followAll) chart.timeScale().fitContent();
      state.source = equity;
      state.count = equity.length;
      state.lastTime = equity[equity.length - 1]?.time ?? -1;
      element.dataset.points = String(equity.length);
      element.dataset.lastEquity = String(equity[equity.length - 1]?.equity ?? '');
    };
    render(useTerminal.getState().equity);
    const unsubscribe = useTerminal.subscribe((state, previous) => {
      if (state.equity !== previous.equity) render(state.equity);
    });
    return () => {
      unsubscribe();
      element.removeEventListener('wheel', stopFollowing);
      element.removeEventListener('mousedown', stopFollowing);
      element.removeEventListener('dblclick', followAgain);
      chart.remove();
      series.current = null;
    };
  }, []);

  return (
    <section className="panel equity" aria-labelledby="equity-title">
      <h2 id="equity-title">Equity</h2>
      <div
        ref={container}
        className="chart"
        data-testid="equity-chart"
        role="img"
        aria-label="Equity curve"
      />
    </section>
  );
}
